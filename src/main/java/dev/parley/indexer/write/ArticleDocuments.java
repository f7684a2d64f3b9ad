package dev.parley.indexer.write;

import dev.parley.analysis.Mention;
import dev.parley.indexer.Article;
import dev.parley.indexer.Paragraph;
import dev.parley.indexer.Passage;
import dev.parley.indexer.enrich.Enrichment;
import dev.parley.schema.ArticleParagraphs;
import dev.parley.schema.ContentHashes;
import dev.parley.schema.Fields;
import dev.parley.schema.PassageIds;
import dev.parley.schema.PassageSpan;
import dev.parley.schema.StoredTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/**
 * Builds the Lucene documents of one article: a document per passage, then the article record.
 * Written together with {@code IndexWriter.updateDocuments}, they replace any earlier version of
 * the article atomically.
 *
 * <p>Thread safety: stateless.
 */
public final class ArticleDocuments {
  private ArticleDocuments() {}

  private static final FacetsConfig FACETS = Fields.facetsConfig();

  /**
   * FeatureField keeps about 9 significant bits and needs a positive value: a zero topic score is
   * stored as this floor, far below any score that matters for ranking.
   */
  private static final float MIN_FEATURE = 1e-4f;

  /**
   * The documents for {@code article} cut into {@code passages}, whose enrichments are {@code
   * enrichments} (same order), article record last.
   */
  public static List<Document> of(
      Article article, List<Passage> passages, List<Enrichment> enrichments) {
    return of(article, passages, enrichments, null);
  }

  /**
   * As {@link #of(Article, List, List)}, each passage also carrying its dense vector ({@code
   * vectors} in passage order, L2-normalised), or none when {@code vectors} is null.
   */
  public static List<Document> of(
      Article article,
      List<Passage> passages,
      List<Enrichment> enrichments,
      List<float[]> vectors) {
    return of(article, passages, enrichments, vectors, null);
  }

  /**
   * As {@link #of(Article, List, List, List)}; with {@code analyzer} (the index writer's), the
   * article's words are analysed once here ({@link ArticleTokens}) and every tokenised field
   * replays its tokens, instead of Lucene analysing the passages, the article text and each
   * passage's context. The postings are the same either way.
   */
  public static List<Document> of(
      Article article,
      List<Passage> passages,
      List<Enrichment> enrichments,
      List<float[]> vectors,
      Analyzer analyzer) {
    return of(article, passages, enrichments, vectors, analyzer, text -> List.of());
  }

  /**
   * As {@link #of(Article, List, List, List, Analyzer)}, with entity tokens in the article context
   * too: {@code tagger} gives the mentions of a text (the title and lead once per article, each
   * heading), as the enricher tags passages ({@code Enricher.mentions}); passages carry theirs in
   * their enrichment ({@link Enrichment#mentions()}). With {@code analyzer}, the article's words
   * are analysed once ({@link ArticleTokens}) and every tokenised field replays its tokens.
   */
  public static List<Document> of(
      Article article,
      List<Passage> passages,
      List<Enrichment> enrichments,
      List<float[]> vectors,
      Analyzer analyzer,
      Function<String, List<Mention>> tagger) {
    ArticleTokens tokens = analyzer == null ? null : ArticleTokens.of(analyzer, article, passages);
    return of(article, passages, enrichments, vectors, tokens, tagger);
  }

  /**
   * As {@link #of(Article, List, List, List, Analyzer, Function)}, with the article already
   * analysed: {@code tokens} from {@link ArticleTokens#of} for the same article and passages, or
   * null to have Lucene analyse each text field itself (the same postings, more analysis).
   */
  public static List<Document> of(
      Article article,
      List<Passage> passages,
      List<Enrichment> enrichments,
      List<float[]> vectors,
      ArticleTokens tokens,
      Function<String, List<Mention>> tagger) {
    if (passages.size() != enrichments.size()
        || (vectors != null && vectors.size() != passages.size())
        || (tokens != null && tokens.passages() != passages.size())) {
      throw new IllegalArgumentException(
          passages.size()
              + " passages but "
              + enrichments.size()
              + " enrichments, "
              + (vectors == null ? "no" : vectors.size())
              + " vectors and "
              + (tokens == null ? "no" : tokens.passages())
              + " analysed passages");
    }
    for (Passage p : passages) {
      // Ranking groups passages by the article id in their id, and hits read it from there.
      if (!p.articleId().equals(article.id()) || !PassageIds.givesArticleId(p.id(), article.id())) {
        throw new IllegalArgumentException(
            "passage '"
                + p.id()
                + "' of article '"
                + p.articleId()
                + "' is not named "
                + article.id()
                + "#...: a segmenter must name each passage of an article by the article id, '#'"
                + " and its own part (Passage.id)");
      }
    }
    List<Document> docs = new ArrayList<>(passages.size() + 1);
    String context = context(article);
    List<Mention> contextMentions = tagger.apply(context);
    String text = article.text();
    for (int i = 0; i < passages.size(); i++) {
      Passage p = passages.get(i);
      Document doc =
          passage(
              p,
              enrichments.get(i),
              context,
              contextMentions(p, contextMentions, tagger),
              text,
              tokens,
              i);
      if (vectors != null) {
        doc.add(new KnnFloatVectorField(Fields.VECTOR, vectors.get(i), Fields.VECTOR_SIMILARITY));
      }
      docs.add(doc);
    }
    docs.add(record(article, passages, tokens));
    return docs;
  }

  /** The text of the {@link Fields#CONTEXT} field of passage {@code p} of {@code article}. */
  public static String contextOf(Article article, Passage p) {
    String context = context(article);
    return p.heading() == null ? context : p.heading() + "\n" + context;
  }

  /**
   * The mentions of a passage's context, {@code heading + "\n" + article context}: the heading's
   * own, then the article context's shifted past the heading.
   */
  private static List<Mention> contextMentions(
      Passage p, List<Mention> article, Function<String, List<Mention>> tagger) {
    if (p.heading() == null) {
      return article;
    }
    List<Mention> out = new ArrayList<>(tagger.apply(p.heading()));
    int shift = p.heading().length() + 1;
    for (Mention m : article) {
      out.add(new Mention(m.entityId(), m.kind(), m.start() + shift, m.end() + shift));
    }
    return out;
  }

  /** Title and lead paragraph: what every passage of the article is about. */
  static String context(Article article) {
    String lead = article.lead().text();
    return article.title() == null ? lead : article.title() + "\n" + lead;
  }

  private static Document passage(
      Passage p,
      Enrichment e,
      String articleContext,
      List<Mention> contextMentions,
      String articleText,
      ArticleTokens tokens,
      int index) {
    Document doc = new Document();
    doc.add(new StringField(Fields.KIND, Fields.KIND_PASSAGE, Field.Store.NO));
    // Not stored (schema 9): readers take the passage id from its doc values, and the article id
    // from the start of the passage id (checked in of(): PassageIds).
    keyword(doc, Fields.PASSAGE_ID, p.id(), false);
    keyword(doc, Fields.ARTICLE_ID, p.articleId(), false);
    String context = p.heading() == null ? articleContext : p.heading() + "\n" + articleContext;
    if (tokens == null) {
      doc.add(new EntityTokenField(Fields.TEXT, p.text(), Fields.TEXT_TYPE, e.mentions()));
      doc.add(new EntityTokenField(Fields.CONTEXT, context, Fields.CONTEXT_TYPE, contextMentions));
    } else {
      doc.add(
          new EntityTokenField(
              Fields.TEXT, p.text(), Fields.TEXT_TYPE, e.mentions(), tokens.text(index)));
      doc.add(
          new Field(
              Fields.CONTEXT,
              EntityTokenField.withMentions(tokens.context(index).tokens(), contextMentions),
              Fields.CONTEXT_TYPE));
    }
    if (p.heading() != null) {
      doc.add(new StoredField(Fields.HEADING, p.heading()));
    }
    long day = p.date().toEpochDay();
    date(doc, day, false);
    // Code points for apps in languages that count them (Python): an emoji is 2 chars, 1 point.
    int from = Math.min(p.start(), articleText.length());
    int to = Math.max(from, Math.min(p.end(), articleText.length()));
    int cpStart = articleText.codePointCount(0, from);
    int cpEnd = cpStart + articleText.codePointCount(from, to);
    // One packed value instead of eight stored numbers (schema 9): nothing searches or sorts by
    // them, and the ordinal's doc values were read by nothing.
    doc.add(
        new StoredField(
            Fields.SPAN,
            new PassageSpan(p.from(), p.to(), p.start(), p.end(), cpStart, cpEnd, p.ordinal(), day)
                .encode()));
    doc.add(new NumericDocValuesField(Fields.SIMHASH, SimHash.of(p.text())));
    enrichment(doc, e);
    doc.add(new SortedSetDocValuesFacetField(Fields.MONTH, p.date().toString().substring(0, 7)));
    try {
      return FACETS.build(doc);
    } catch (IOException ex) {
      throw new UncheckedIOException("facets config rejected a passage document", ex);
    }
  }

  private static void enrichment(Document doc, Enrichment e) {
    for (Map.Entry<String, Float> t : e.topics().entrySet()) {
      doc.add(
          new FeatureField(Fields.TOPIC_SCORES, t.getKey(), Math.max(t.getValue(), MIN_FEATURE)));
    }
    doc.add(new StoredField(Fields.TOPICS, StoredTopics.encode(e.topics())));
    for (String label : e.labels()) {
      doc.add(new StringField(Fields.TOPIC, label, Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(Fields.TOPIC, label));
    }
    for (String entity : e.entities()) {
      doc.add(new StringField(Fields.ENTITY, entity, Field.Store.YES));
      doc.add(new SortedSetDocValuesFacetField(Fields.ENTITY, entity));
    }
  }

  private static Document record(Article article, List<Passage> passages, ArticleTokens tokens) {
    Document doc = new Document();
    doc.add(new StringField(Fields.KIND, Fields.KIND_ARTICLE, Field.Store.NO));
    keyword(doc, Fields.ARTICLE_ID, article.id(), true);
    // Empty, so that every document has a norm in the passage fields: dense norms are read
    // directly by doc id, sparse ones through a skip index on every scored hit (schema 7). No
    // term is indexed, so no statistic BM25 uses changes.
    doc.add(new Field(Fields.TEXT, "", Fields.EMPTY_TEXT_TYPE));
    doc.add(new Field(Fields.CONTEXT, "", Fields.CONTEXT_TYPE));
    date(doc, article.date().toEpochDay(), true);
    if (article.title() != null) {
      doc.add(new StoredField(Fields.TITLE, article.title()));
    }
    String whole =
        article.title() == null ? article.text() : article.title() + "\n\n" + article.text();
    doc.add(
        tokens == null
            ? new Field(Fields.ARTICLE_TEXT, whole, Fields.ARTICLE_TEXT_TYPE)
            : new Field(
                Fields.ARTICLE_TEXT, tokens.articleText().tokens(), Fields.ARTICLE_TEXT_TYPE));
    // Only the paragraphs the passages' stored texts do not give back (schema 9): the text of
    // the others is stored once, in the passages.
    List<ArticleParagraphs.PassageText> texts = new ArrayList<>(passages.size());
    for (Passage p : passages) {
      texts.add(new ArticleParagraphs.PassageText(p.start(), p.end(), p.text()));
    }
    ArticleParagraphs.Kept kept =
        ArticleParagraphs.keep(article.paragraphs().stream().map(Paragraph::text).toList(), texts);
    doc.add(new StoredField(Fields.PARAGRAPH_LAYOUT, kept.layout()));
    for (String text : kept.stored()) {
      doc.add(new StoredField(Fields.PARAGRAPH, text));
    }
    for (Paragraph p : article.paragraphs()) {
      if (p.isHeading()) {
        doc.add(new StoredField(Fields.HEADING_PARAGRAPH, p.number()));
      }
    }
    doc.add(new StoredField(Fields.SOURCE, article.source()));
    // Stored only: it is read back by article id, never searched (schema 7; the 64-character
    // terms cost 1.3 MB of terms dictionary on Reuters). Its 32 bytes, not 64 hex digits that LZ4
    // cannot shrink (schema 9).
    doc.add(new StoredField(Fields.CONTENT_HASH, ContentHashes.toBytes(article.contentHash())));
    doc.add(new StoredField(Fields.PASSAGE_COUNT, passages.size()));
    return doc;
  }

  private static void keyword(Document doc, String field, String value, boolean stored) {
    doc.add(new StringField(field, value, stored ? Field.Store.YES : Field.Store.NO));
    doc.add(new SortedDocValuesField(field, new BytesRef(value)));
  }

  private static void date(Document doc, long epochDay, boolean stored) {
    doc.add(new LongPoint(Fields.DATE, epochDay));
    doc.add(new NumericDocValuesField(Fields.DATE, epochDay));
    if (stored) {
      doc.add(new StoredField(Fields.DATE, epochDay));
    }
  }
}
