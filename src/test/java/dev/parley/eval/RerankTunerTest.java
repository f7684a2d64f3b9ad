package dev.parley.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.query.rank.RerankCandidate;
import dev.parley.query.rank.Reranker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Coordinate ascent finds a feature that separates relevant passages, and leaves noise at 0. */
class RerankTunerTest {

  /** Queries whose relevant passage is ranked last by the base score but first by feature 3. */
  private static List<RerankTuner.TrainingQuery> queries() {
    List<RerankTuner.TrainingQuery> out = new ArrayList<>();
    int n = Reranker.FEATURES.size();
    for (int q = 0; q < 6; q++) {
      List<RerankCandidate> c = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        double[] f = new double[n];
        f[0] = 1 - i / 12.0; // base: descending
        f[3] = i == 11 ? 1 : 0; // article: only the relevant one
        f[9] = (i * 7 % 5) / 5.0; // length: noise
        c.add(new RerankCandidate("a" + i + "#0-0", "a" + i + "#0-0", "a" + i, f));
      }
      out.add(
          new RerankTuner.TrainingQuery(
              "q" + q, "set", Map.of("a11#0", 1), Metrics.Level.PASSAGE, c));
    }
    return out;
  }

  @Test
  void learnsTheUsefulFeatureAndIgnoresNoise() {
    boolean[] free = new boolean[Reranker.FEATURES.size()];
    java.util.Arrays.fill(free, true);
    double[] w = RerankTuner.train(queries(), free, 12);
    assertEquals(1.0, w[0]);
    assertEquals(true, w[3] > 0.09, "article weight " + w[3]);
    assertEquals(0.0, w[9]);
    assertEquals("a11#0-0", RerankTuner.ranking(queries().get(0), w, 12).get(0));
    Map<String, List<String>> cv = RerankTuner.crossValidate(queries(), free, 12, 3);
    assertEquals(6, cv.size());
    cv.values().forEach(r -> assertEquals("a11#0-0", r.get(0)));
  }

  @Test
  void perArticleLimitAppliesAfterReranking() {
    int n = Reranker.FEATURES.size();
    List<RerankCandidate> c = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      double[] f = new double[n];
      f[0] = 1 - i / 10.0;
      c.add(new RerankCandidate("x#" + i + "-" + i, "x#" + i + "-" + i, "x", f));
    }
    var q = new RerankTuner.TrainingQuery("q", "s", Map.of(), Metrics.Level.PASSAGE, c);
    double[] w = new double[n];
    w[0] = 1;
    assertEquals(List.of("x#0-0", "x#1-1"), RerankTuner.ranking(q, w, 4));
  }
}
