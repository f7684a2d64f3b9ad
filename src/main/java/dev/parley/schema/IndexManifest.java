package dev.parley.schema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * What each Parley commit records beside the index, as Lucene commit user data: the schema version,
 * the analysis and segmentation configuration (as JSON), the topic names and topic model version,
 * the gazetteer version, and the article and passage counts at the time of the commit.
 *
 * <p>The counts let {@code verify} check the index against its own record; the analysis
 * configuration lets the searcher analyze queries exactly as the indexer analyzed text.
 *
 * @param schemaVersion the {@link SchemaVersion} the index was written with
 * @param analysis the analysis configuration, as JSON
 * @param segmentation the segmentation configuration, as JSON
 * @param topics the topic names passages were scored for, in order
 * @param topicModel the version of the model that scored them (the enricher's version; empty when
 *     it has none or the index predates it)
 * @param gazetteer the version of the gazetteer whose mentions the index holds as entity tokens
 *     ({@code Gazetteer.version()}; empty when the enricher tagged none)
 * @param articles articles in the index at this commit
 * @param passages passages in the index at this commit
 * @param dense the model that wrote the passages' vectors, or {@code null} when the index has none
 */
public record IndexManifest(
    int schemaVersion,
    String analysis,
    String segmentation,
    List<String> topics,
    String topicModel,
    String gazetteer,
    long articles,
    long passages,
    DenseSpec dense) {

  static final String SCHEMA_KEY = "parley.schemaVersion";
  static final String ANALYSIS_KEY = "parley.analysis";
  static final String SEGMENTATION_KEY = "parley.segmentation";
  static final String TOPICS_KEY = "parley.topics";
  static final String TOPIC_MODEL_KEY = "parley.topicModel";
  static final String GAZETTEER_KEY = "parley.gazetteer";
  static final String ARTICLES_KEY = "parley.articles";
  static final String PASSAGES_KEY = "parley.passages";
  static final String DENSE_MODEL_KEY = "parley.dense.model";
  static final String DENSE_DIMENSION_KEY = "parley.dense.dimension";
  static final String DENSE_VERSION_KEY = "parley.dense.version";

  /** A manifest of an index without passage vectors or a topic model version. */
  public IndexManifest(
      int schemaVersion,
      String analysis,
      String segmentation,
      List<String> topics,
      long articles,
      long passages) {
    this(schemaVersion, analysis, segmentation, topics, "", "", articles, passages, null);
  }

  /** Validates the values. */
  public IndexManifest {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(segmentation, "segmentation");
    topics = List.copyOf(topics);
    Objects.requireNonNull(topicModel, "topicModel");
    Objects.requireNonNull(gazetteer, "gazetteer");
    if (articles < 0 || passages < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, got articles=" + articles + " passages=" + passages);
    }
  }

  /** The manifest as Lucene commit user data. */
  public Map<String, String> toUserData() {
    Map<String, String> data = new TreeMap<>();
    data.put(SCHEMA_KEY, Integer.toString(schemaVersion));
    data.put(ANALYSIS_KEY, analysis);
    data.put(SEGMENTATION_KEY, segmentation);
    data.put(TOPICS_KEY, String.join(",", topics));
    data.put(TOPIC_MODEL_KEY, topicModel);
    data.put(GAZETTEER_KEY, gazetteer);
    data.put(ARTICLES_KEY, Long.toString(articles));
    data.put(PASSAGES_KEY, Long.toString(passages));
    if (dense != null) {
      data.put(DENSE_MODEL_KEY, dense.model());
      data.put(DENSE_DIMENSION_KEY, Integer.toString(dense.dimension()));
      data.put(DENSE_VERSION_KEY, dense.version());
    }
    return data;
  }

  /**
   * Reads the manifest of the latest commit and checks its schema version.
   *
   * @param directory the index directory
   * @param where how to name the index in messages (usually its path)
   * @throws IndexNotFoundException if there is no index there
   * @throws SchemaMismatchException if the index is not a Parley index or has another schema
   *     version
   * @throws IOException on a read error
   */
  public static IndexManifest read(Directory directory, Path where) throws IOException {
    return fromUserData(SegmentInfos.readLatestCommit(directory).getUserData(), where);
  }

  /**
   * Parses commit user data and checks its schema version.
   *
   * @throws SchemaMismatchException if the data is not a Parley manifest of the current version
   */
  public static IndexManifest fromUserData(Map<String, String> data, Path where)
      throws SchemaMismatchException {
    String version = data.get(SCHEMA_KEY);
    if (version == null) {
      throw new SchemaMismatchException(
          where
              + " holds a Lucene index that Parley did not write (no "
              + SCHEMA_KEY
              + " in its commit data): index into an empty directory instead");
    }
    int found = parseInt(version, SCHEMA_KEY, where);
    if (found != SchemaVersion.CURRENT) {
      throw new SchemaMismatchException(
          "index "
              + where
              + " was written with schema version "
              + found
              + ", this Parley reads schema version "
              + SchemaVersion.CURRENT
              + ": re-index the articles into a new directory (parley index --input ... --index DIR)");
    }
    return new IndexManifest(
        found,
        data.getOrDefault(ANALYSIS_KEY, ""),
        data.getOrDefault(SEGMENTATION_KEY, ""),
        topicList(data.getOrDefault(TOPICS_KEY, "")),
        data.getOrDefault(TOPIC_MODEL_KEY, ""),
        data.getOrDefault(GAZETTEER_KEY, ""),
        parseLong(data.getOrDefault(ARTICLES_KEY, "0"), ARTICLES_KEY, where),
        parseLong(data.getOrDefault(PASSAGES_KEY, "0"), PASSAGES_KEY, where),
        dense(data, where));
  }

  private static DenseSpec dense(Map<String, String> data, Path where)
      throws SchemaMismatchException {
    String model = data.get(DENSE_MODEL_KEY);
    if (model == null) {
      return null;
    }
    int dimension =
        parseInt(data.getOrDefault(DENSE_DIMENSION_KEY, ""), DENSE_DIMENSION_KEY, where);
    try {
      return new DenseSpec(model, dimension, data.getOrDefault(DENSE_VERSION_KEY, "unknown"));
    } catch (IllegalArgumentException e) {
      throw new SchemaMismatchException(
          "index " + where + " has a damaged manifest: " + e.getMessage() + "; re-index");
    }
  }

  private static List<String> topicList(String value) {
    return value.isEmpty() ? List.of() : List.of(value.split(","));
  }

  private static int parseInt(String value, String key, Path where) throws SchemaMismatchException {
    return (int) parseLong(value, key, where);
  }

  private static long parseLong(String value, String key, Path where)
      throws SchemaMismatchException {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new SchemaMismatchException(
          "index "
              + where
              + " has a damaged manifest: "
              + key
              + "="
              + value
              + " is not a number; run parley verify, then re-index");
    }
  }
}
