package dev.parley.query.fuse;

import java.util.Objects;

/**
 * How the lexical and the dense side are fused when the index has passage vectors.
 *
 * <p>Each candidate's lexical score (the first-stage query: BM25 over text and context, synonyms,
 * topics, recency; 0 when it does not match) and its cosine with the query vector are each min-max
 * normalised over the candidates of the query, then {@code score = weight × lexical + (1 − weight)
 * × cosine}. Ties are broken by passage id.
 *
 * @param weight the lexical share, in [0, 1] (1 is the first stage alone, 0 dense alone)
 * @param depth how many candidates each side contributes (at least; a request for a deeper page
 *     asks for more)
 * @param candidates which passages are candidates
 */
public record Fusion(double weight, int depth, Candidates candidates) {

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

  /**
   * The lexical share Parley ships, learned by {@code parley tune --fusion} on both diplomacy dev
   * sets (5-fold cross-validated figures in docs/quality.md).
   */
  public static final double LEARNED_WEIGHT = 0.4;

  /** Default candidates per side. */
  public static final int DEFAULT_DEPTH = 100;

  /** Validates the values. */
  public Fusion {
    Objects.requireNonNull(candidates, "candidates");
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("fusion weight must be in [0, 1], got: " + weight);
    }
    if (depth < 1 || depth > 10_000) {
      throw new IllegalArgumentException("fusion depth must be in [1, 10000], got: " + depth);
    }
  }

  /** What Parley uses by default: the learned weight, depth 100, the union of both sides. */
  public static Fusion learned() {
    return new Fusion(LEARNED_WEIGHT, DEFAULT_DEPTH, Candidates.UNION);
  }

  /** This fusion with another lexical share. */
  public Fusion withWeight(double weight) {
    return new Fusion(weight, depth, candidates);
  }

  /** This fusion with another candidate design. */
  public Fusion withCandidates(Candidates candidates) {
    return new Fusion(weight, depth, candidates);
  }
}
