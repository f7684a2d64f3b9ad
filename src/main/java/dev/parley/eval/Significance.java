package dev.parley.eval;

import java.util.List;
import java.util.Random;

/**
 * Paired two-sided randomisation test (Fisher's, as Smucker et al. recommend for IR): under the
 * null hypothesis the two systems are exchangeable per query, so the sign of each per-query
 * difference is flipped at random and the p-value is the share of flips whose mean difference is at
 * least as far from zero as the observed one. Fixed seed: the same inputs give the same p-value.
 *
 * <p>Thread safety: stateless.
 */
public final class Significance {
  private Significance() {}

  /** Number of random sign flips. */
  public static final int TRIALS = 10_000;

  /** The p-value for per-query differences {@code diffs} (b minus a); 1 for no queries. */
  public static double pValue(List<Double> diffs) {
    int n = diffs.size();
    if (n == 0) {
      return 1;
    }
    double observed = Math.abs(diffs.stream().mapToDouble(Double::doubleValue).sum() / n);
    if (observed == 0) {
      return 1;
    }
    Random random = new Random(42);
    int extreme = 0;
    for (int t = 0; t < TRIALS; t++) {
      double sum = 0;
      for (double d : diffs) {
        sum += random.nextBoolean() ? d : -d;
      }
      if (Math.abs(sum / n) >= observed - 1e-12) {
        extreme++;
      }
    }
    return (extreme + 1) / (double) (TRIALS + 1);
  }
}
