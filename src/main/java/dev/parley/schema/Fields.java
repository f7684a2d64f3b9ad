package dev.parley.schema;

import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * Every Lucene field Parley writes or reads, and how it is indexed.
 *
 * <p>The index holds two kinds of document. A <em>passage</em> document is what search ranks; an
 * <em>article</em> document, written last in the same block as its passages, records what the
 * article as a whole is (source, content hash, passage count) so that stats, verification and
 * incremental indexing need not scan passages. Both carry {@link #KIND} and {@link #ARTICLE_ID}, so
 * one delete-by-term removes an article completely.
 *
 * <p>Thread safety: constants only.
 */
public final class Fields {
  private Fields() {}

  /** {@code passage} or {@code article}; every query filters on it. Indexed keyword. */
  public static final String KIND = "kind";

  /** Value of {@link #KIND} for passage documents. */
  public static final String KIND_PASSAGE = "passage";

  /** Value of {@link #KIND} for article documents. */
  public static final String KIND_ARTICLE = "article";

  /**
   * Unique passage id, {@code articleId#from-to} (plus {@code :w} for the w-th window of a long
   * paragraph). Keyword and sorted doc values: every ranked list breaks ties on it, and readers
   * take it from the doc values (not stored since schema 9: the doc values hold it already).
   */
  public static final String PASSAGE_ID = "passage_id";

  /**
   * Article id. Keyword (delete and replace by term) and sorted doc values (grouping); stored on
   * article documents, and on a passage document only when its passage id does not give it back
   * ({@link PassageIds}; schema 9).
   */
  public static final String ARTICLE_ID = "article_id";

  /**
   * The passage text: analyzed, stored, with positions (phrases) and offsets in the postings so the
   * UnifiedHighlighter can highlight without re-analyzing. Each entity mention by name also indexes
   * one token {@code entity#ID} stacked on its first word (schema 6, {@code
   * analysis.EntityTokenFilter}), as does {@link #CONTEXT}: the term every alias of a query maps
   * to.
   */
  public static final String TEXT = "text";

  /**
   * Article context for a passage: the title, the first paragraph, and the section heading.
   * Analyzed, not stored; searched at a lower weight so a passage that says "he added" still
   * matches the article's subject without the context swamping the passage's own words. Article
   * documents hold it (and {@link #TEXT}) empty: no terms, only a norm, so that norms are dense.
   */
  public static final String CONTEXT = "context";

  /**
   * The whole article (title and every paragraph), on article documents only: analyzed with
   * frequencies but no positions, not stored. Gives the article-level evidence that ranking
   * interpolates into passage scores.
   */
  public static final String ARTICLE_TEXT = "article_text";

  /** Section heading of the passage, if any. Stored only. */
  public static final String HEADING = "heading";

  /** Article title, if the input had one. Stored only, on article documents. */
  public static final String TITLE = "title";

  /**
   * Article date as days since 1970-01-01: a point (range filters) and numeric doc values (sorting,
   * recency) on every document; stored on article documents (a passage's is in {@link #SPAN}).
   */
  public static final String DATE = "date";

  /**
   * Where a passage sits and its date, packed in one stored binary value ({@link PassageSpan}):
   * first and last paragraph number (inclusive), start and end offset in the article text in UTF-16
   * code units (Java {@code String} indexes) and in Unicode code points (Python string indexes),
   * position in the article from 0, and the date as days since 1970-01-01. Passage documents only;
   * returned with hits and read by the reranker, never searched or sorted (schema 9: before, seven
   * stored ints, the ordinal also as doc values nothing read).
   */
  public static final String SPAN = "span";

  /** Where the article was read from (file, or file:line). Stored, article documents only. */
  public static final String SOURCE = "source";

  /**
   * SHA-256 of the article's normalized content: its 32 bytes stored ({@link ContentHashes}; 64 hex
   * digits until schema 9), read back by article id, never searched (schema 7), article documents
   * only.
   */
  public static final String CONTENT_HASH = "content_hash";

  /**
   * The article's paragraphs as received, on article documents only, so an app can show the whole
   * article with its passages marked ({@code Searcher.article}) and a model change can enrich the
   * indexed articles again without their files. Since schema 9 only the paragraphs the passages do
   * not give back (headings, mostly) are stored here, one value each in order (Lucene keeps the
   * order of a stored field's values); the rest are cut out of the passages' stored texts ({@link
   * ArticleParagraphs}, laid out by {@link #PARAGRAPH_LAYOUT}). Passages alone cannot give back
   * everything: headings are in no passage.
   */
  public static final String PARAGRAPH = "paragraph";

  /**
   * Each paragraph's length and whether its text is in {@link #PARAGRAPH}: one stored binary value
   * on article documents ({@link ArticleParagraphs}; schema 9).
   */
  public static final String PARAGRAPH_LAYOUT = "paragraph_layout";

  /** Numbers of the paragraphs that are section headings. Stored ints, article documents only. */
  public static final String HEADING_PARAGRAPH = "heading_paragraph";

  /** Number of passages the article was cut into. Stored, article documents only. */
  public static final String PASSAGE_COUNT = "passage_count";

  /**
   * Topic scores of a passage, one Lucene feature per topic ({@code FeatureField}), so ranking can
   * add a topic's score to text relevance or rank by it alone.
   */
  public static final String TOPIC_SCORES = "topic_scores";

  /**
   * Topic scores to four decimals, one stored binary value ({@link StoredTopics}; JSON text until
   * schema 9), returned with hits and read by the reranker.
   */
  public static final String TOPICS = "topics";

  /**
   * Topic labels (scores over the topic's threshold): keyword for filtering, and a facet dimension
   * of the same name.
   */
  public static final String TOPIC = "topic";

  /**
   * Canonical ids of the entities a passage mentions: keyword for filtering, stored, and a facet
   * dimension of the same name.
   */
  public static final String ENTITY = "entity";

  /** Facet dimension of the article month, {@code YYYY-MM}, for date histograms. */
  public static final String MONTH = "month";

  /**
   * 64-bit SimHash of the passage's word shingles, as numeric doc values: near-duplicate folding.
   */
  public static final String SIMHASH = "simhash";

  /**
   * The passage's dense vector, when the index was built with embeddings: a {@code
   * KnnFloatVectorField} (HNSW graph) compared by dot product, which equals cosine because every
   * vector is L2-normalised. The model, dimension and version are in the manifest ({@link
   * DenseSpec}).
   */
  public static final String VECTOR = "vector";

  /** How passage vectors are compared: dot product of unit vectors (cosine, but cheaper). */
  public static final org.apache.lucene.index.VectorSimilarityFunction VECTOR_SIMILARITY =
      org.apache.lucene.index.VectorSimilarityFunction.DOT_PRODUCT;

  /** How the facet dimensions are indexed (sorted-set doc values, no taxonomy index). */
  public static org.apache.lucene.facet.FacetsConfig facetsConfig() {
    org.apache.lucene.facet.FacetsConfig config = new org.apache.lucene.facet.FacetsConfig();
    config.setMultiValued(TOPIC, true);
    config.setMultiValued(ENTITY, true);
    return config;
  }

  /** Field type of {@link #TEXT}: analyzed, stored, term frequencies, positions and offsets. */
  public static final FieldType TEXT_TYPE =
      textType(true, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  /**
   * {@link #TEXT_TYPE} unstored: the empty {@link #TEXT} of article documents, there only so that
   * every document has a norm in the field (dense norms, read without a skip index).
   */
  public static final FieldType EMPTY_TEXT_TYPE =
      textType(false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  /** Field type of {@link #CONTEXT}: analyzed with positions (phrase matches), not stored. */
  public static final FieldType CONTEXT_TYPE =
      textType(false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

  /** Field type of {@link #ARTICLE_TEXT}: analyzed with frequencies, no positions, not stored. */
  public static final FieldType ARTICLE_TEXT_TYPE = textType(false, IndexOptions.DOCS_AND_FREQS);

  private static FieldType textType(boolean stored, IndexOptions options) {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(stored);
    type.setIndexOptions(options);
    type.freeze();
    return type;
  }
}
