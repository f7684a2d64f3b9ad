package dev.parley.query.highlight;

import dev.parley.analysis.NewsSentenceBreaks;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.PassageFormatter;
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
 * HighlightQuery}), which leaves every snippet as the whole query makes it.
 *
 * <p>Thread safety: immutable, safe to share.
 */
public final class SnippetHighlighter {
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
    return highlight(searcher, query, docs, true);
  }

  /**
   * As {@link #highlight(IndexSearcher, Query, int[])}; without {@code textOnly}, with the whole
   * query (how snippets were made before {@link HighlightQuery}: tests compare the two).
   */
  String[] highlight(IndexSearcher searcher, Query query, int[] docs, boolean textOnly)
      throws IOException {
    if (docs.length == 0) {
      return new String[0];
    }
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(formatter(pre, post, escaping))
            // sentences that know news abbreviations (Mr., U.S., Gen., Jan.)
            .withBreakIterator(NewsSentenceBreaks::create)
            .withMaxLength(Integer.MAX_VALUE - 1)
            .build();
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
