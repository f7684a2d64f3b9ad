package dev.parley.bench;

import java.util.Arrays;

/** Percentiles of a list of latencies (nearest-rank method). */
final class Latencies {
  private Latencies() {}

  /** The {@code p}-th percentile (0 to 100) of {@code nanos}, in milliseconds. */
  static double percentile(long[] nanos, double p) {
    if (nanos.length == 0) {
      return 0;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
  }
}
