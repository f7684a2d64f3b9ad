package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.query.rank.RerankModel;
import dev.parley.query.rank.Reranker;
import dev.parley.testutil.StrictJson;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley tune} on the hand-made corpus of {@link EvalCommandTest}: the ablation table has a
 * row per configuration, its first-stage row is the first stage's nDCG@10 computed by hand (no free
 * weight: cross-validation cannot change it), every cell is a metric, and the model written with
 * {@code --out} is one the searcher reads.
 */
class TuneCommandTest {
  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void indexFixture() throws Exception {
    index = EvalCommandTest.indexFixture(tmp);
  }

  @Test
  void ablationTableStartsFromTheFirstStageComputedByHand() throws IOException {
    Path model = tmp.resolve("model.json");
    MainTest.Run r =
        MainTest.run(
            "tune",
            "--set",
            "fx=passage:"
                + EvalCommandTest.file("queries.tsv")
                + ":"
                + EvalCommandTest.file("qrels-passage.txt"),
            "--index",
            "fx=" + index,
            "--folds",
            "2",
            "--depth",
            "10",
            "--candidates",
            "10",
            "--out",
            model.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(
        "2 queries, re-ranking depth 10 of 10 candidates, 2-fold cross-validated by query",
        lines.get(0));
    int features = Reranker.FEATURES.size();
    // first stage, one row per feature added alone, all features, one row per feature left out.
    List<String> rows = lines.subList(2, 2 + 1 + (features - 1) + 1 + (features - 1));
    double firstStage = (EvalCommandTest.Q1.get("ndcg@10") + EvalCommandTest.Q2.get("ndcg@10")) / 2;
    assertTrue(rows.get(0).startsWith("first stage (parley)"), rows.get(0));
    assertEquals(firstStage, cell(rows.get(0)), 5e-5);
    assertTrue(rows.get(0).endsWith("fx=1.000"), "no difference from itself: " + rows.get(0));
    for (String row : rows) {
      double v = cell(row);
      assertTrue(v >= 0 && v <= 1, row);
    }
    assertTrue(lines.get(2 + rows.size()).startsWith("weights learned on all queries: "));
    RerankModel written =
        RerankModel.fromJson(
            new StringReader(StrictJson.parse(Files.readString(model)).toString()),
            model.toString());
    assertEquals(1.0, written.weights().get("base"));
    assertEquals(10, written.depth());
  }

  /** The nDCG@10 column of a table row (the first number after the configuration name). */
  private static double cell(String row) {
    return Double.parseDouble(row.substring(24).trim().split("\\s+")[0]);
  }

  @Test
  void aSetWithoutItsPartsIsAUsageError() {
    MainTest.Run r = MainTest.run("tune", "--set", "fx=passage:only-one-file", "--index", "fx=x");
    assertEquals(2, r.code());
    assertEquals(
        "parley tune: --set takes NAME=passage|article:QUERIES.tsv:QRELS, got:"
            + " fx=passage:only-one-file (see: parley tune --help)",
        r.err().lines().findFirst().orElse(""));
  }
}
