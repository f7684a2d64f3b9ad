package dev.parley.query.rank;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A second-stage ranking: the top {@code depth} passages of BM25 are re-scored by a weighted sum of
 * features ({@link Reranker#FEATURES}), each scaled to [0, 1] within the query.
 *
 * @param depth how many first-stage passages are re-scored (at least the page asked for)
 * @param proximitySlop slop of the proximity feature's two-word phrases
 * @param fbDocs feedback passages for the {@code rm3} feature
 * @param fbTerms expansion terms for the {@code rm3} feature
 * @param weights feature name to weight; a missing feature weighs 0
 */
public record RerankModel(
    int depth, int proximitySlop, int fbDocs, int fbTerms, Map<String, Double> weights) {

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  /** Validates the values and copies the weights in feature order. */
  public RerankModel {
    if (depth < 10 || depth > 5000) {
      throw new IllegalArgumentException("depth must be in [10, 5000], got: " + depth);
    }
    if (proximitySlop < 0 || proximitySlop > 50) {
      throw new IllegalArgumentException("proximitySlop must be in [0, 50], got: " + proximitySlop);
    }
    if (fbDocs < 1 || fbTerms < 1) {
      throw new IllegalArgumentException(
          "fbDocs and fbTerms must be >= 1, got: " + fbDocs + ", " + fbTerms);
    }
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (String f : Reranker.FEATURES) {
      double w = Objects.requireNonNull(weights, "weights").getOrDefault(f, 0.0);
      if (!Double.isFinite(w)) {
        throw new IllegalArgumentException("weight of " + f + " must be finite, got: " + w);
      }
      ordered.put(f, w);
    }
    for (String f : weights.keySet()) {
      if (!Reranker.FEATURES.contains(f)) {
        throw new IllegalArgumentException(
            "unknown feature '" + f + "', known: " + Reranker.FEATURES);
      }
    }
    weights = java.util.Collections.unmodifiableMap(ordered);
  }

  /** A model with these weights and the default depth and parameters. */
  public static RerankModel of(Map<String, Double> weights) {
    return new RerankModel(200, 8, 10, 10, weights);
  }

  /** The weights as an array in {@link Reranker#FEATURES} order. */
  public double[] vector() {
    return weights.values().stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** A copy with other weights (in {@link Reranker#FEATURES} order). */
  public RerankModel withVector(double[] w) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < w.length; i++) {
      m.put(Reranker.FEATURES.get(i), w[i]);
    }
    return new RerankModel(depth, proximitySlop, fbDocs, fbTerms, m);
  }

  /** This model as pretty JSON. */
  public String toJson() {
    return GSON.toJson(this);
  }

  /**
   * Reads a model from JSON.
   *
   * @throws IllegalArgumentException if it is not a model, naming the source
   */
  public static RerankModel fromJson(Reader json, String source) {
    try {
      Raw raw = GSON.fromJson(json, Raw.class);
      return new RerankModel(raw.depth, raw.proximitySlop, raw.fbDocs, raw.fbTerms, raw.weights);
    } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          source + ": not a rerank model (" + e.getMessage() + ")", e);
    }
  }

  /** The model shipped with Parley, learned by {@code parley tune} (docs/quality.md). */
  public static RerankModel learned() {
    String name = "rerank-model.json";
    try (InputStream in = RerankModel.class.getResourceAsStream(name)) {
      Objects.requireNonNull(in, "missing resource " + name);
      return fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static final class Raw {
    int depth;
    int proximitySlop;
    int fbDocs;
    int fbTerms;
    Map<String, Double> weights;
  }
}
