package dev.parley.query.fuse;

import dev.parley.embed.DenseModel;
import java.util.Objects;

/**
 * How the lexical and the dense side are fused when the index has passage vectors.
 *
 * <p>Each candidate's lexical score (the first-stage query: BM25 over text and context, synonyms,
 * topics, recency; 0 when it does not match) and its cosine with the query vector are each min-max
 * normalised over the candidates of the query, then {@code score = weight × lexical + (1 − weight)
 * × confidence × cosine}. Ties are broken by passage id.
 *
 * <p>The <em>confidence</em> of the dense side is how far the best candidate's cosine rises above
 * the {@code floor}, the cosine the model gives a passage that has nothing to do with the query:
 * {@code clamp((best cosine − floor) / (1 − floor), 0, 1)}. Min-max normalisation alone stretches
 * the dense side to [0, 1] for every query, so when even the nearest passage is barely closer than
 * an arbitrary one (e5 gives unrelated text cosines around 0.74, and every cosine of such a query
 * lies in a narrow band above it) tiny differences would reorder the lexical ranking as strongly as
 * a clear match does; the confidence keeps those differences small. With {@link #NO_FLOOR} the
 * confidence is 1 (the plain min-max interpolation).
 *
 * @param weight the lexical share, in [0, 1] (1 is the first stage alone, 0 dense alone)
 * @param depth how many candidates each side contributes (at least; a request for a deeper page
 *     asks for more)
 * @param candidates which passages are candidates
 * @param floor the model's cosine for an unrelated passage, in [−1, 1); {@link #NO_FLOOR}; or
 *     {@link #MODEL_FLOOR}, the floor of the model the index was embedded with, which the searcher
 *     fills in ({@link #forModel})
 */
public record Fusion(double weight, int depth, Candidates candidates, double floor) {

  /** Which passages are candidates. */
  public enum Candidates {
    /** The first stage's top {@code depth}, re-scored (dense similarity of those only). */
    RESCORE,
    /**
     * The first stage's top {@code depth} together with the {@code depth} nearest passages by
     * vector (filtered kNN over the HNSW graph), so passages that share no word with the query can
     * come up.
     */
    UNION
  }

  /** No floor: the dense side's confidence is always 1 (plain min-max interpolation). */
  public static final double NO_FLOOR = Double.NEGATIVE_INFINITY;

  /**
   * The floor of the index's model ({@link DenseModel#backgroundCosine()}: e5-small-v2 0.74,
   * bge-small-en-v1.5 0.43), measured without judgments; the searcher fills it in when it opens an
   * index with vectors. A property of the model, not a relevance parameter: learning it on the
   * judged queries as well did not cross-validate (docs/quality.md, "Fourth round").
   */
  public static final double MODEL_FLOOR = Double.NaN;

  /**
   * The lexical share Parley ships for the union design with the model's floor, learned by {@code
   * parley tune --fusion} over the dev queries of all three corpora with vectors (Reuters, AG News,
   * UN General Debate; both dev sets, 34 queries): 0.4, the same in every one of the 5
   * cross-validation folds (docs/quality.md, "Hybrid retrieval and article search"). Without the
   * floor the union learned 0.55.
   */
  public static final double LEARNED_WEIGHT = 0.4;

  /**
   * The lexical share the re-scoring design learns on the same queries: 0.40 (folds 0.4 to 0.45).
   * Each design has its own share because the union's dense-only candidates move the bounds of the
   * min-max normalisation, so the same share weighs the two parts differently in each.
   */
  public static final double LEARNED_RESCORE_WEIGHT = 0.4;

  /** Default candidates per side. */
  public static final int DEFAULT_DEPTH = 100;

  /** Validates the values. */
  public Fusion {
    Objects.requireNonNull(candidates, "candidates");
    if (floor != NO_FLOOR && !Double.isNaN(floor) && !(floor >= -1 && floor < 1)) {
      throw new IllegalArgumentException(
          "fusion floor must be in [-1, 1), Fusion.NO_FLOOR or Fusion.MODEL_FLOOR, got: " + floor);
    }
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("fusion weight must be in [0, 1], got: " + weight);
    }
    if (depth < 1 || depth > 10_000) {
      throw new IllegalArgumentException("fusion depth must be in [1, 10000], got: " + depth);
    }
  }

  /** A fusion without a floor (the dense side's confidence is always 1). */
  public Fusion(double weight, int depth, Candidates candidates) {
    this(weight, depth, candidates, NO_FLOOR);
  }

  /**
   * What Parley uses by default: the learned weight, the floor of the index's model ({@link
   * #MODEL_FLOOR}), depth 100, the union of both sides.
   */
  public static Fusion learned() {
    return new Fusion(LEARNED_WEIGHT, DEFAULT_DEPTH, Candidates.UNION, MODEL_FLOOR);
  }

  /** This fusion with another lexical share (the floor stays as it is). */
  public Fusion withWeight(double weight) {
    return new Fusion(weight, depth, candidates, floor);
  }

  /**
   * This fusion for an index embedded with {@code model}: {@link #MODEL_FLOOR} becomes the model's
   * {@link DenseModel#backgroundCosine()}; any other floor stays.
   */
  public Fusion forModel(DenseModel model) {
    return Double.isNaN(floor) ? withFloor(model.backgroundCosine()) : this;
  }

  /**
   * This fusion with another floor, {@link #NO_FLOOR} or {@link #MODEL_FLOOR} (the weight stays as
   * it is).
   */
  public Fusion withFloor(double floor) {
    return new Fusion(weight, depth, candidates, floor);
  }

  /** This fusion with another candidate design (the weight and floor stay as they are). */
  public Fusion withCandidates(Candidates candidates) {
    return new Fusion(weight, depth, candidates, floor);
  }

  /**
   * The re-scoring design with its own learned share, {@link #LEARNED_RESCORE_WEIGHT}, and no floor
   * (with the floor it cross-validated worse: docs/quality.md, "Fourth round").
   */
  public static Fusion learnedRescore() {
    return new Fusion(LEARNED_RESCORE_WEIGHT, DEFAULT_DEPTH, Candidates.RESCORE);
  }
}
