package dev.parley.schema;

/**
 * The version of the index layout described by {@link Fields}. Raise it whenever a field is added,
 * removed, or indexed differently, so that an old index is refused instead of silently misread.
 *
 * <p>History: 1, passages with text and context; 2, topics, entities, facets and SimHash; 3,
 * whole-article text on article documents; 4, text normalised before tokenizing (format characters,
 * NFKC), acronyms unstemmed, stop words indexed (kept for phrases), code-point offsets stored; 5,
 * the article's paragraphs stored on its article document; 6, one {@code entity#ID} token per
 * entity mention by name in {@code text} and {@code context}, gazetteer version in the manifest; 7,
 * article documents hold empty {@code text} and {@code context} (dense norms), and {@code
 * content_hash} is stored only; 8, {@code CAR} is indexed as {@code c.a.r} (an acronym that is also
 * a word), so the query {@code car} no longer finds the Central African Republic, and the tagger
 * (tagging rules 2) reads {@code US}, {@code WHO}, {@code CAR} in prose set in capitals as words;
 * 9, compact stored values: a passage's paragraph numbers, offsets, ordinal and date packed in one
 * {@code span} value, topic scores in binary instead of JSON, the content hash as 32 bytes instead
 * of 64 hex digits, no id stored on passages (the passage id is in its doc values, the article id
 * is its prefix), the ordinal's doc values dropped, and article records storing only the paragraphs
 * their passages do not give back.
 */
public final class SchemaVersion {
  private SchemaVersion() {}

  /** The schema version this build of Parley writes and reads. */
  public static final int CURRENT = 9;
}
