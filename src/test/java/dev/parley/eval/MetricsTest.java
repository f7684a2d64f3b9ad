package dev.parley.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every metric on tiny examples computed by hand. */
class MetricsTest {
  private static final double EPS = 1e-9;

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void passageSpansCreditEachParagraphOnce() {
    // a#1 (grade 2) and a#2 (grade 1) relevant; b#0 judged not relevant; c#5 grade 1.
    Map<String, Integer> judged = Map.of("a#1", 2, "a#2", 1, "b#0", 0, "c#5", 1);
    List<String> hits = List.of("a#1-2", "a#2-2", "b#0-0", "x#0-0", "c#5-5");
    Map<String, Double> m = Metrics.score(hits, judged, Metrics.Level.PASSAGE);
    // gains: a#1-2 -> 2 (credits a#1 and a#2); a#2-2 -> 0 (already credited); b#0 -> 0; x -> 0; c#5
    // -> 1
    double dcg = 2 / log2(2) + 1 / log2(6);
    double idcg = 2 / log2(2) + 1 / log2(3) + 1 / log2(4);
    assertEquals(dcg / idcg, m.get("ndcg@10"), EPS);
    assertEquals(0.2, m.get("p@10"), EPS);
    // AP over 3 relevant: hits at ranks 1 and 5 -> (1/1 + 2/5) / 3
    assertEquals((1 + 2 / 5.0) / 3, m.get("ap@100"), EPS);
    assertEquals(2 / 3.0, m.get("recall@100"), EPS);
    assertEquals(1.0, m.get("mrr@10"), EPS);
    // judged@10: a#1-2, a#2-2, b#0-0, c#5-5 touch judged units; x does not -> 4/5
    assertEquals(0.8, m.get("judged@10"), EPS);
  }

  @Test
  void articleLevelCountsTheFirstHitOfEachArticle() {
    Map<String, Integer> judged = Map.of("t1", 1, "t2", 1);
    List<String> hits = List.of("t9#0-0", "t1#3-3", "t1#0-0", "t2#1-1");
    Map<String, Double> m = Metrics.score(hits, judged, Metrics.Level.ARTICLE);
    // deduplicated: t9, t1, t2 -> relevant at ranks 2 and 3
    assertEquals((1 / 2.0 + 2 / 3.0) / 2, m.get("map@1000"), EPS);
    assertEquals(0.5, m.get("mrr@10"), EPS);
    assertEquals(2 / 3.0, m.get("judged@10"), EPS);
  }

  @Test
  void paragraphJudgmentsCountForTheirArticleAtArticleLevel() {
    // a: paragraphs graded 0 and 2 -> article a graded 2; b: only a 0 -> judged, not relevant;
    // c: grade 1. Two relevant articles.
    Map<String, Integer> judged = Map.of("a#0", 0, "a#3", 2, "b#1", 0, "c#2", 1);
    List<String> hits = List.of("b#0-0", "a#1-1", "x#0-0", "c#5-5", "a#3-3");
    Map<String, Double> m = Metrics.score(hits, judged, Metrics.Level.ARTICLE);
    // b (judged 0), a (2), x (unjudged), c (1): relevant at ranks 2 and 4.
    assertEquals((1 / 2.0 + 2 / 4.0) / 2, m.get("map@1000"), EPS);
    assertEquals(0.5, m.get("mrr@10"), EPS);
    assertEquals(3 / 4.0, m.get("judged@10"), EPS);
    double dcg = 2 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(5) / Math.log(2));
    double idcg = 2 + 1 / (Math.log(3) / Math.log(2));
    assertEquals(dcg / idcg, m.get("ndcg@10"), EPS);
    // The same judgments at passage level are untouched: a#1 is not judged there.
    assertEquals(
        0.0, Metrics.score(List.of("a#1-1"), judged, Metrics.Level.PASSAGE).get("judged@10"), EPS);
  }

  @Test
  void tiesAreKeptInRunOrderAndEmptyRunsScoreZero() {
    Map<String, Integer> judged = Map.of("a#0", 1);
    assertEquals(0.0, Metrics.score(List.of(), judged, Metrics.Level.PASSAGE).get("ndcg@10"), EPS);
    assertEquals(
        0.5,
        Metrics.score(List.of("b#0-0", "a#0-0"), judged, Metrics.Level.PASSAGE).get("mrr@10"),
        EPS);
  }

  @Test
  void randomisationTestIsDeterministicAndSensible() {
    assertEquals(1.0, Significance.pValue(List.of()), EPS);
    assertEquals(1.0, Significance.pValue(List.of(0.0, 0.0)), EPS);
    double p = Significance.pValue(List.of(0.1, 0.2, 0.15, 0.3, 0.05, 0.1, 0.2, 0.25, 0.1, 0.2));
    assertEquals(
        p, Significance.pValue(List.of(0.1, 0.2, 0.15, 0.3, 0.05, 0.1, 0.2, 0.25, 0.1, 0.2)), EPS);
    // All ten differences positive: only the all-positive and all-negative flips are as extreme.
    assertEquals(true, p < 0.01, "p=" + p);
    double mixed = Significance.pValue(List.of(0.1, -0.1, 0.2, -0.2));
    assertEquals(true, mixed > 0.5, "p=" + mixed);
  }
}
