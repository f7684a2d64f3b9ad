package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's arithmetic and fairness checks, on figures computed by hand. */
class BenchmarkTest {
  @TempDir Path dir;

  private static Measurement measurement(double p50, long bytes, double qps) {
    return new Measurement(1000, 2, bytes, p50, p50 * 2, p50 * 3, qps, qps * 2, 100, 5, p50 * 4);
  }

  private static SideFacts side(String name, long documents, int segments, long partial) {
    return new SideFacts(name, documents, segments, 2, 1, 2, partial, "q");
  }

  @Test
  void ratiosArePartOverPartAndZeroOnlyForAZeroBaseline() {
    Benchmark.Result r =
        new Benchmark.Result(
            measurement(3.0, 36_600_000, 334),
            new Measurement(128_000, 19.4, 4_800_000, 0.1, 0.2, 0.25, 9000, 0, 150, 6.6, 0.4),
            100,
            10,
            4,
            2,
            List.of(),
            List.of(),
            Map.of());
    Map<String, Double> ratios = r.ratios();
    assertEquals(1000 / 128_000.0, ratios.get("passagesPerSecond"), 1e-12);
    assertEquals(2 / 19.4, ratios.get("inputMBPerSecond"), 1e-12);
    assertEquals(7.625, ratios.get("indexBytes"), 1e-12);
    assertEquals(30, ratios.get("p50Millis"), 1e-9);
    assertEquals(30, ratios.get("p95Millis"), 1e-9);
    assertEquals(36, ratios.get("p99Millis"), 1e-9);
    assertEquals(334 / 9000.0, ratios.get("qps"), 1e-12);
    assertEquals(0, ratios.get("qpsThreads"));
    assertEquals(30, ratios.get("worstQueryP99Millis"), 1e-9);
    var json = r.toJson(new Benchmark.Config(List.of(), List.of("q"), 1, 1, 1, dir, null));
    assertEquals(30, json.getAsJsonObject("ratios").get("p50Millis").getAsDouble());
    assertEquals(
        40,
        json.getAsJsonObject("filtered").get("topicP50OverUnfilteredBaselineP50").getAsDouble());
    assertEquals(
        20, json.getAsJsonObject("filtered").get("dateP50OverUnfilteredBaselineP50").getAsDouble());
  }

  @Test
  void figuresKeepFourSignificantDigits() {
    assertEquals(0.001432, Benchmark.Result.round(0.00143216));
    assertEquals(3.032, Benchmark.Result.round(3.03249));
    assertEquals(128_062, Benchmark.Result.round(128_061.7));
    assertEquals(0, Benchmark.Result.round(0));
  }

  @Test
  void latencyPercentilesUseTheNearestRank() {
    long[] ms = {5_000_000, 1_000_000, 4_000_000, 2_000_000, 3_000_000};
    assertEquals(3.0, Latencies.percentile(ms, 50));
    assertEquals(5.0, Latencies.percentile(ms, 99));
    assertEquals(1.0, Latencies.percentile(ms, 1));
    assertEquals(0.0, Latencies.percentile(new long[0], 50));
  }

  @Test
  void fairRunsHaveNoProblemsAndEachUnfairnessIsNamed() {
    SideFacts parley = side("parley", 20, 1, 0);
    assertEquals(List.of(), Fairness.problems(parley, List.of(side("baseline", 20, 1, 0))));
    assertEquals(
        List.of(
            "baseline indexed 21 documents but Parley 20 passages: the two sides did not search"
                + " the same text",
            "baseline searched 3 segments but Parley 1: merge both sides alike"),
        Fairness.problems(parley, List.of(side("baseline", 21, 3, 0))));
    // A second baseline is checked the same way, each by its own name.
    assertEquals(
        List.of(
            "fts5 indexed 19 documents but Parley 20 passages: the two sides did not search the"
                + " same text",
            "parley: 4 searches were cut off by the time limit (partial): their latencies are not"
                + " those of whole searches"),
        Fairness.problems(
            side("parley", 20, 1, 4), List.of(side("baseline", 20, 1, 0), side("fts5", 19, 1, 0))));
  }

  @Test
  void searchesCutOffByTheTimeLimitAreCountedAndFailTheRun() throws IOException {
    Benchmark.Config config =
        new Benchmark.Config(
            List.of(Path.of("seeds")),
            List.of("summit talks", "sanctions"),
            1,
            1,
            1,
            dir,
            null,
            b -> b.withTimeout(Duration.ofNanos(1)),
            false);
    Benchmark.Result r = new Benchmark(config).run();
    SideFacts parley = r.sides().get(0);
    // Every Parley search ran out of time at its first check: none finished.
    assertTrue(parley.partialSearches() > 0, parley.toString());
    assertEquals(0, r.sides().get(1).partialSearches());
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertTrue(r.problems().get(0).startsWith("parley: "), r.problems().toString());
    // Same documents and segments on both sides: the time limit is the only problem.
    assertEquals(20, parley.documents());
    assertEquals(20, r.sides().get(1).documents());
    assertEquals(1, parley.segments());
    assertEquals(1, r.sides().get(1).segments());
  }
}
