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
   * The lexical share Parley ships for the union design, learned by {@code parley tune --fusion}
   * over the dev queries of all three corpora with vectors (Reuters, AG News, UN General Debate;
   * both dev sets, 34 queries): 0.55, the same in every one of the 5 cross-validation folds
   * (docs/quality.md, "Hybrid retrieval and article search").
   */
  public static final double LEARNED_WEIGHT = 0.55;

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

  /** This fusion with another candidate design (the weight stays as it is). */
  public Fusion withCandidates(Candidates candidates) {
    return new Fusion(weight, depth, candidates);
  }

  /** The re-scoring design with its own learned share, {@link #LEARNED_RESCORE_WEIGHT}. */
  public static Fusion learnedRescore() {
    return new Fusion(LEARNED_RESCORE_WEIGHT, DEFAULT_DEPTH, Candidates.RESCORE);
  }
}
