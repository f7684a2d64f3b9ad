package dev.parley.query.highlight;

import dev.parley.analysis.NewsSentenceBreaks;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Makes snippets of passage text with Lucene's UnifiedHighlighter: the {@code sentences}
 * best-scoring sentences that contain query words, in text order, joined by an ellipsis, with each
 * matched word between {@code pre} and {@code post}, the article text HTML-escaped unless {@link
 * SnippetEscaping#NONE} is asked for. Sentences are cut by {@link NewsSentenceBreaks} (no break
 * after {@code Mr.} or {@code U.S.}) and carry no leading or trailing white space. A passage that
 * matched only through its article context gets its opening sentences, unmarked.
 *
 * <p>Offsets come from the postings ({@link Fields#TEXT_TYPE} indexes them), so nothing is
 * re-analyzed at query time; the query is cut to its passage-text clauses first ({@link
 * HighlightQuery}), which leaves every snippet as the whole query makes it. The hits of one call
 * share one weight ({@code SharedWeightOffsets}, recycling postings enumerators from hit to hit)
 * and sentences are scored by {@code PlainPassageScorer}, Lucene's score without a hash per
 * sentence: the snippets are the ones Lucene's own strategy and scorer make.
 *
 * <p>Thread safety: immutable, safe to share.
 */
public final class SnippetHighlighter {
  private static final PassageScorer SCORER = new PlainPassageScorer();

  private final Analyzer analyzer;
  private final String pre;
  private final String post;
  private final int sentences;
  private final SnippetEscaping escaping;

  /**
   * Creates a highlighter.
   *
   * @param analyzer the index's analyzer
   * @param pre marker before a matched word, for example {@code <em>}
   * @param post marker after a matched word, for example {@code </em>}
   * @param sentences how many sentences at most, 1 to 10
   * @param escaping what to do with HTML in the article text ({@link SnippetEscaping#HTML} unless
   *     the app escapes snippets itself)
   */
  public SnippetHighlighter(
      Analyzer analyzer, String pre, String post, int sentences, SnippetEscaping escaping) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.pre = Objects.requireNonNull(pre, "pre");
    this.post = Objects.requireNonNull(post, "post");
    if (sentences < 1 || sentences > 10) {
      throw new IllegalArgumentException("sentences must be in [1, 10], got: " + sentences);
    }
    this.sentences = sentences;
    this.escaping = Objects.requireNonNull(escaping, "escaping");
  }

  /**
   * Snippets for {@code docs} (index doc ids) in the same order.
   *
   * @throws IOException on a read error
   */
  public String[] highlight(IndexSearcher searcher, Query query, int[] docs) throws IOException {
    return highlight(searcher, query, docs, null, true);
  }

  /**
   * As {@link #highlight(IndexSearcher, Query, int[])}, for passages whose stored {@link
   * Fields#TEXT} the caller has read already ({@code texts}, same order as {@code docs}): the
   * highlighter then reads no stored fields itself, so each hit's document is decompressed once.
   *
   * @throws IOException on a read error
   */
  public String[] highlight(IndexSearcher searcher, Query query, int[] docs, String[] texts)
      throws IOException {
    if (texts.length != docs.length) {
      throw new IllegalArgumentException(
          docs.length + " docs but " + texts.length + " texts to highlight");
    }
    return highlight(searcher, query, docs, texts, true);
  }

  /**
   * As {@link #highlight(IndexSearcher, Query, int[], String[])} ({@code texts} may be null: read
   * from the index); without {@code textOnly}, with the whole query (how snippets were made before
   * {@link HighlightQuery}: tests compare the two).
   */
  String[] highlight(
      IndexSearcher searcher, Query query, int[] docs, String[] texts, boolean textOnly)
      throws IOException {
    if (docs.length == 0) {
      return new String[0];
    }
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(formatter(pre, post, escaping))
            // sentences that know news abbreviations (Mr., U.S., Gen., Jan.)
            .withBreakIterator(NewsSentenceBreaks::create)
            // Lucene's score, without a 32 KB hash per scored sentence (PlainPassageScorer).
            .withScorer(SCORER)
            .withMaxLength(Integer.MAX_VALUE - 1);
    UnifiedHighlighter highlighter =
        texts == null ? builder.build() : new GivenTexts(builder, docs, texts);
    int[] max = new int[] {sentences};
    // Only the passage-text clauses can mark words: the context clauses would be weighed and
    // looked up for every hit for nothing (HighlightQuery says why the snippets stay the same).
    Query text = textOnly ? HighlightQuery.textOnly(query) : null;
    String[] snippets =
        highlighter
            .highlightFields(new String[] {Fields.TEXT}, text == null ? query : text, docs, max)
            .get(Fields.TEXT);
    for (int i = 0; i < snippets.length; i++) {
      snippets[i] = finish(snippets[i]);
    }
    return snippets;
  }

  /**
   * A highlighter that takes the passage texts from its caller instead of the stored fields, and
   * matches every hit with one weight ({@link SharedWeightOffsets}). One instance per call.
   */
  private static final class GivenTexts extends UnifiedHighlighter {
    private final Map<Integer, String> texts = new HashMap<>();
    private final Map<String, UHComponents> components = new HashMap<>();

    GivenTexts(UnifiedHighlighter.Builder builder, int[] docs, String[] texts) {
      super(builder);
      for (int i = 0; i < docs.length; i++) {
        this.texts.put(docs[i], texts[i]);
      }
    }

    @Override
    protected UHComponents getHighlightComponents(String field, Query query, Set<Term> allTerms) {
      // Kept for newFieldHighlighter, which gets the offset strategy but not its components.
      UHComponents c = super.getHighlightComponents(field, query, allTerms);
      components.put(field, c);
      return c;
    }

    @Override
    protected FieldHighlighter newFieldHighlighter(
        String field,
        FieldOffsetStrategy offsets,
        BreakIterator breakIterator,
        PassageScorer scorer,
        int maxPassages,
        int maxNoHighlightPassages,
        PassageFormatter formatter,
        Comparator<Passage> comparator) {
      UHComponents c = components.get(field);
      if (offsets.getClass() == PostingsOffsetStrategy.class
          && c != null
          && c.getField().equals(field)
          && c.getHighlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)
          && !c.getFieldMatcher().test(Fields.CONTEXT)) {
        offsets = new SharedWeightOffsets(c, searcher.getIndexReader());
      }
      return super.newFieldHighlighter(
          field,
          offsets,
          breakIterator,
          scorer,
          maxPassages,
          maxNoHighlightPassages,
          formatter,
          comparator);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docIter.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        CharSequence[] row = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          row[f] = fields[f].equals(Fields.TEXT) ? texts.get(doc) : null;
        }
        // One batch: the texts are in memory already, so the highlighter's memory bound on a
        // batch (cacheCharsThreshold) has nothing to save.
        values.add(row);
      }
      return values;
    }
  }

  /**
   * How snippets are formatted: the matched words between {@code pre} and {@code post}, sentences
   * trimmed and joined by an ellipsis, the text escaped as {@code escaping} says. Public so that
   * another engine's UnifiedHighlighter (Solr's) formats exactly as this one does.
   */
  public static PassageFormatter formatter(String pre, String post, SnippetEscaping escaping) {
    return new TrimmedPassageFormatter(pre, post, " … ", escaping == SnippetEscaping.HTML);
  }

  /**
   * A formatted snippet as shown: on one line (a snippet may span merged paragraphs), and empty
   * rather than null when the highlighter found nothing to show.
   */
  public static String finish(String snippet) {
    return snippet == null ? "" : snippet.replace("\n\n", " ");
  }
}
