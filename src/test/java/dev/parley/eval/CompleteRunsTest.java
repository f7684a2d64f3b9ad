package dev.parley.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.cli.CliRuns;
import dev.parley.indexer.Indexer;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.SearchResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ranked list that is scored (eval, tune, batch) is never one a time limit cut short: evaluation
 * searches get a long limit, and a search that still reaches it fails the run by name.
 */
class CompleteRunsTest {
  @TempDir static Path tmp;
  static Path index;

  @BeforeAll
  static void indexSeeds() throws IOException {
    index = tmp.resolve("idx");
    try (Indexer indexer = Indexer.builder(index).build()) {
      indexer.index(List.of(Path.of("seeds")));
    }
  }

  @Test
  void aCompleteSearchPassesAndACutOneFailsNamingTheQuery() throws IOException {
    SearchRequest request = SearchRequest.builder("summit").build();
    try (Searcher patient = Searcher.builder(index).withTimeout(Evaluation.SEARCH_TIMEOUT).build();
        Searcher hurried = Searcher.builder(index).withTimeout(Duration.ofNanos(1)).build()) {
      SearchResults complete = patient.search(request);
      assertSame(complete, Evaluation.complete(complete, "q1", Evaluation.SEARCH_TIMEOUT));
      SearchResults cut = hurried.search(request);
      assertTrue(cut.partial());
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> Evaluation.complete(cut, "q7", Duration.ofMillis(2000)));
      assertEquals(
          "query q7 reached the search time limit (2000 ms), so its ranked list would be cut short"
              + " and scored as complete: give a longer time limit or run on a quieter machine",
          e.getMessage());
    }
  }

  @Test
  void batchRunsWithTheLongLimitAndRefusesAZeroOne() throws IOException {
    Path queries = tmp.resolve("q.tsv");
    Files.writeString(queries, "qid\tquery\nq1\tsummit\nq2\tsanctions\n");
    Path run = tmp.resolve("run.trec");
    CliRuns.Run ok =
        CliRuns.run(
            "batch",
            "--index",
            index.toString(),
            "--queries",
            queries.toString(),
            "--run",
            run.toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(Files.readString(run).contains("q1 Q0 "), Files.readString(run));
    CliRuns.Run zero =
        CliRuns.run(
            "batch",
            "--index",
            index.toString(),
            "--queries",
            queries.toString(),
            "--run",
            run.toString(),
            "--timeout-ms",
            "0");
    assertEquals(2, zero.code());
    assertTrue(zero.err().startsWith("parley batch: --timeout-ms must be in [1, "), zero.err());
  }
}
