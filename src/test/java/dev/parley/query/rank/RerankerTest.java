package dev.parley.query.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.testutil.StrictJson;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RerankerTest {

  @Test
  void combineIsTheWeightedSumOfEachRow() {
    double[][] f = {{1, 0.5, 0, 0, 0, 0, 0, 0, 0, 0}, {0.5, 1, 0, 0, 0, 0, 0, 0, 0, 0}};
    double[] w = {1, 0.2, 0, 0, 0, 0, 0, 0, 0, 0};
    assertArrayEquals(new double[] {1.1, 0.7}, Reranker.combine(f, w), 1e-12);
  }

  @Test
  void proximityPairsAdjacentWords() {
    assertEquals(
        "text:\"north korea\"~8 text:\"korea summit\"~8",
        Reranker.proximity(List.of("north", "korea", "summit"), 8).toString());
    assertEquals(null, Reranker.proximity(List.of("summit"), 8));
  }

  @Test
  void modelRoundTripsThroughJsonAndRejectsUnknownFeatures() {
    RerankModel m = RerankModel.of(Map.of("base", 1.0, "article", 0.3));
    StrictJson.parse(m.toJson()); // the model file is strict JSON with finite weights
    RerankModel back = RerankModel.fromJson(new StringReader(m.toJson()), "test");
    assertEquals(m, back);
    assertEquals(Reranker.FEATURES, List.copyOf(back.weights().keySet()));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RerankModel.of(Map.of("base", 1.0, "magic", 2.0)));
    assertEquals("unknown feature 'magic', known: " + Reranker.FEATURES, e.getMessage());
  }

  @Test
  void shippedModelLoads() {
    RerankModel learned = RerankModel.learned();
    assertEquals(1.0, learned.weights().get("base"));
    assertEquals(200, learned.depth());
  }

  @Test
  void querySignalsSpotTopicCues() {
    QuerySignals s =
        QuerySignals.of("EU sanctions on Iran", List.of("e.u", "sanction", "iran"), Set.of("iran"));
    assertEquals(true, s.sanctions());
    assertEquals(false, s.summits());
    assertEquals(true, QuerySignals.of("G7 summit in Venice", List.of(), Set.of()).summits());
  }
}
