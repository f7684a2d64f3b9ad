package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.parley.testutil.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench on seeds/: the documented JSON with values that are real measurements (finite, positive,
 * ordered where they must be), ratios that are the quotient of their parts, and the fairness facts
 * of both sides. No timing is asserted: only what holds whatever the machine's speed.
 */
class BenchCommandTest {
  @TempDir Path dir;

  static final List<String> KEYS =
      List.of(
          "passagesPerSecond",
          "inputMBPerSecond",
          "indexBytes",
          "p50Millis",
          "p95Millis",
          "p99Millis",
          "qps",
          "qpsThreads",
          "peakHeapBytes",
          "firstQueryMillis",
          "worstQueryP99Millis");

  private MainTest.Run bench(Path input, String... more) throws IOException {
    Path queries = Files.writeString(dir.resolve("q.tsv"), "q1\tsummit talks\nq2\tsanctions\n");
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "bench",
                "--input",
                input.toString(),
                "--queries",
                queries.toString(),
                "--repeat",
                "1",
                "--threads",
                "2",
                "--work",
                dir.resolve("work").toString(),
                "--json"));
    args.addAll(List.of(more));
    return MainTest.run(args.toArray(String[]::new));
  }

  /** The JSON rounds to 4 significant digits below 1000 and to integers above. */
  private static double roundingError(double v) {
    return Math.abs(v) >= 1000 ? 0.5 : Math.abs(v) * 5e-4;
  }

  @Test
  void benchOnSeedsPrintsRealFiguresRatiosOfTheirPartsAndFairSides() throws IOException {
    MainTest.Run r =
        bench(
            Path.of("seeds"),
            "--scale",
            "1",
            "2",
            "--plot",
            dir.resolve("growth.png").toString(),
            "--ingredients");
    assertEquals(0, r.code(), r.err());
    JsonObject json = StrictJson.parseObject(r.out());
    assertEquals(2, json.getAsJsonArray("runs").size());
    for (int run = 0; run < 2; run++) {
      JsonObject o = json.getAsJsonArray("runs").get(run).getAsJsonObject();
      long passages = 20L * (run + 1);
      assertEquals(passages, o.getAsJsonObject("input").get("passages").getAsLong());
      JsonObject parley = o.getAsJsonObject("parley");
      JsonObject baseline = o.getAsJsonObject("baseline");
      JsonObject ratios = o.getAsJsonObject("ratios");
      for (JsonObject side : List.of(parley, baseline)) {
        assertEquals(KEYS, List.copyOf(side.keySet()));
        for (String key : KEYS) {
          double v = side.get(key).getAsDouble();
          assertTrue(Double.isFinite(v) && v > 0, key + " = " + v);
        }
        double p50 = side.get("p50Millis").getAsDouble();
        double p95 = side.get("p95Millis").getAsDouble();
        double p99 = side.get("p99Millis").getAsDouble();
        assertTrue(p50 <= p95 && p95 <= p99, p50 + " " + p95 + " " + p99);
        // One timed pass: each query's own p99 is its only timing, so the worst is the slowest
        // of all timings, at least the pooled p99.
        assertTrue(side.get("worstQueryP99Millis").getAsDouble() >= p99, side.toString());
        // Both rates divide the same run time: their quotient is passages per input megabyte.
        double bytes = o.getAsJsonObject("input").get("bytes").getAsDouble();
        double perMb = passages / (bytes / 1e6);
        double rate = side.get("passagesPerSecond").getAsDouble();
        double mbRate = side.get("inputMBPerSecond").getAsDouble();
        assertEquals(perMb, rate / mbRate, perMb * 0.002, "passages/s over MB/s " + o);
      }
      for (String key : KEYS) {
        double p = parley.get(key).getAsDouble();
        double b = baseline.get(key).getAsDouble();
        double ep = roundingError(p);
        double eb = roundingError(b);
        double ratio = ratios.get(key).getAsDouble();
        double er = roundingError(ratio);
        assertTrue(
            ratio + er >= (p - ep) / (b + eb) && ratio - er <= (p + ep) / (b - eb),
            key + ": ratio " + ratio + " is not " + p + " / " + b);
      }
      // Fair sides: the same documents, one segment each, thread counts stated, nothing cut off.
      JsonObject sides = o.getAsJsonObject("sides");
      assertEquals(List.of("parley", "baseline"), List.copyOf(sides.keySet()));
      for (String name : List.of("parley", "baseline")) {
        JsonObject side = sides.getAsJsonObject(name);
        assertEquals(passages, side.get("documents").getAsLong(), name);
        assertEquals(1, side.get("segments").getAsInt(), name);
        assertEquals(0, side.get("partialSearches").getAsInt(), name);
        assertEquals(1, side.get("searchThreads").getAsInt(), name);
        assertEquals(2, side.get("qpsThreads").getAsInt(), name);
        assertTrue(
            List.of("summit talks", "sanctions").contains(side.get("slowestQuery").getAsString()));
      }
      assertEquals(2, sides.getAsJsonObject("parley").get("indexingThreads").getAsInt());
      assertEquals(1, sides.getAsJsonObject("baseline").get("indexingThreads").getAsInt());
      assertEquals(0, o.getAsJsonArray("problems").size());
      JsonObject ingredients = o.getAsJsonObject("ingredientP50Millis");
      assertEquals(
          List.of("everything", "noEntitySynonyms", "noContext", "neither"),
          List.copyOf(ingredients.keySet()));
      for (String k : ingredients.keySet()) {
        double v = ingredients.get(k).getAsDouble();
        assertTrue(Double.isFinite(v) && v > 0, k + " = " + v);
      }
      JsonObject filtered = o.getAsJsonObject("filtered");
      double base = baseline.get("p50Millis").getAsDouble();
      // The stages: ranking alone, without snippets, full answer and the two filtered answers, all
      // timed in one interleaved loop, with their ratios to the baseline's p50.
      JsonObject stages = o.getAsJsonObject("stages");
      assertEquals(
          List.of(
              "rankP50Millis",
              "rankWorstQueryP99Millis",
              "noSnippetsP50Millis",
              "fullP50Millis",
              "snippetMicrosPerHit",
              "topicP50Millis",
              "dateP50Millis",
              "rankOverBaselineP50",
              "fullOverBaselineP50",
              "topicOverBaselineP50",
              "dateOverBaselineP50"),
          List.copyOf(stages.keySet()));
      for (String k : List.of("topic", "date")) {
        double p50 = stages.get(k + "P50Millis").getAsDouble();
        assertTrue(Double.isFinite(p50) && p50 > 0, k + " = " + p50);
        double over = stages.get(k + "OverBaselineP50").getAsDouble();
        assertEquals(p50 / base, over, roundingError(over) + p50 / base * 0.002, stages.toString());
      }
      double topic = filtered.get("topicP50Millis").getAsDouble();
      double ratio = filtered.get("topicP50OverUnfilteredBaselineP50").getAsDouble();
      assertEquals(topic / base, ratio, topic / base * 0.002, filtered.toString());
    }
    for (int run = 0; run < 2; run++) {
      JsonObject o = json.getAsJsonArray("runs").get(run).getAsJsonObject();
      // The second baseline: the keys of the first, null where a figure does not apply.
      JsonObject fts5 = o.getAsJsonObject("fts5");
      JsonObject ratios = o.getAsJsonObject("ratiosFts5");
      assertEquals(KEYS, List.copyOf(fts5.keySet()));
      assertEquals(KEYS, List.copyOf(ratios.keySet()));
      for (String key : KEYS) {
        if (key.equals("peakHeapBytes")) {
          // SQLite's memory is native: no JVM heap figure.
          assertTrue(fts5.get(key).isJsonNull() && ratios.get(key).isJsonNull(), o.toString());
          continue;
        }
        double f = fts5.get(key).getAsDouble();
        assertTrue(Double.isFinite(f) && f > 0, "fts5." + key + " = " + f);
        double p = o.getAsJsonObject("parley").get(key).getAsDouble();
        double ratio = ratios.get(key).getAsDouble();
        double er = roundingError(ratio) + roundingError(p / f) + (p / f) * 0.002;
        assertEquals(p / f, ratio, er, key);
      }
      assertEquals(
          o.getAsJsonObject("sides").getAsJsonObject("baseline").get("documents").getAsLong(),
          o.getAsJsonObject("fts5Side").get("documents").getAsLong());
    }
    assertTrue(Files.size(dir.resolve("growth.png")) > 1000);
  }

  @Test
  void wholeProcessAndConcurrentWritesAddTheirBlocks() throws IOException {
    MainTest.Run r =
        bench(
            Path.of("seeds"),
            "--whole-process",
            "--thread-scaling",
            "--concurrent-writes",
            "--mixed-seconds",
            "1");
    assertEquals(0, r.code(), r.err());
    JsonObject json = StrictJson.parseObject(r.out());
    JsonObject processes = json.getAsJsonObject("wholeProcess");
    for (String key : List.of("parleySeconds", "luceneSeconds", "fts5Seconds")) {
      assertTrue(processes.get(key).getAsDouble() > 0, key);
    }
    double parley = processes.get("parleySeconds").getAsDouble();
    assertEquals(
        parley / processes.get("luceneSeconds").getAsDouble(),
        processes.get("parleyOverLucene").getAsDouble(),
        0.01 * parley);
    // Each child read the seeds itself and wrote its own index.
    assertTrue(processes.get("parleyBytes").getAsLong() > 0);
    assertTrue(processes.get("luceneBytes").getAsLong() > 0);
    assertTrue(processes.get("fts5Bytes").getAsLong() > 0);
    // Both scaling runs wrote every passage of the seeds.
    JsonObject scaling = json.getAsJsonObject("threadScaling");
    assertEquals(json.getAsJsonObject("input").get("passages"), scaling.get("passages"));
    assertTrue(scaling.get("oneThreadPassagesPerSecond").getAsDouble() > 0);
    assertTrue(scaling.get("twoThreadsPassagesPerSecond").getAsDouble() > 0);
    JsonObject mixed = json.getAsJsonObject("concurrentWrites");
    assertEquals(4, mixed.get("searchThreads").getAsInt());
    JsonObject quiet = mixed.getAsJsonObject("quiet");
    JsonObject writes = mixed.getAsJsonObject("writes");
    assertTrue(quiet.get("searches").getAsInt() > 0);
    assertEquals(0, quiet.get("commits").getAsInt());
    assertTrue(writes.get("searches").getAsInt() > 0);
    assertTrue(writes.get("commits").getAsInt() > 0);
    assertEquals(0, writes.get("partial").getAsInt());
    assertTrue(
        writes.get("p50Millis").getAsDouble() <= writes.get("p99Millis").getAsDouble()
            && writes.get("p99Millis").getAsDouble() <= writes.get("maxMillis").getAsDouble(),
        writes.toString());
  }

  @Test
  void benchFailsWhenTheBaselineIndexedOtherTextThanParley() throws IOException {
    // The same article id in two files: Parley rejects the second copy, a baseline fed every
    // parsed article would index it: the two sides would not search the same passages.
    Path input = Files.createDirectories(dir.resolve("dup"));
    Files.writeString(input.resolve("a.jsonl"), line("x", "Envoys met."));
    Files.writeString(
        input.resolve("b.jsonl"), line("x", "Envoys met again.") + line("y", "Talks."));
    MainTest.Run r = bench(input);
    assertEquals(1, r.code(), r.err());
    JsonObject o = StrictJson.parseObject(r.out());
    assertEquals(
        2, o.getAsJsonObject("sides").getAsJsonObject("parley").get("documents").getAsInt());
    assertEquals(
        3, o.getAsJsonObject("sides").getAsJsonObject("baseline").get("documents").getAsInt());
    List<String> problems = r.err().lines().filter(l -> l.startsWith("problem: ")).toList();
    assertEquals(
        List.of(
            "problem: scale 1: baseline indexed 3 documents but Parley 2 passages: the two sides"
                + " did not search the same text"),
        problems,
        r.err());
    JsonElement listed = o.getAsJsonArray("problems").get(0);
    assertTrue(listed.getAsString().startsWith("baseline indexed 3 documents"), listed.toString());
  }

  private static String line(String id, String text) {
    return "{\"id\": \"" + id + "\", \"date\": \"2019-01-10\", \"text\": \"" + text + "\"}\n";
  }

  @Test
  void fileKindsAndTheFieldAblationAreNewBlocksBesideTheOldKeys() throws IOException {
    MainTest.Run r = bench(Path.of("seeds"), "--field-ablation", "--ablation-runs", "1");
    assertEquals(0, r.code(), r.err());
    JsonObject o = StrictJson.parseObject(r.out());
    // The keys earlier versions printed, in their order, then the new blocks.
    assertEquals(
        List.of(
            "parley",
            "baseline",
            "ratios",
            "filtered",
            "stages",
            "sides",
            "problems",
            "machine",
            "input",
            "fts5",
            "ratiosFts5",
            "fts5Side",
            "indexFiles",
            "fieldAblation"),
        List.copyOf(o.keySet()));
    assertEquals(KEYS, List.copyOf(o.getAsJsonObject("parley").keySet()));
    JsonObject files = o.getAsJsonObject("indexFiles");
    assertEquals(List.of("parley", "baseline"), List.copyOf(files.keySet()));
    for (String side : files.keySet()) {
      long sum = 0;
      double shares = 0;
      for (var kind : files.getAsJsonObject(side).entrySet()) {
        JsonObject k = kind.getValue().getAsJsonObject();
        assertEquals(List.of("bytes", "share"), List.copyOf(k.keySet()), kind.getKey());
        sum += k.get("bytes").getAsLong();
        shares += k.get("share").getAsDouble();
      }
      // The file kinds add up to the size the side reports (write.lock is empty).
      assertEquals(o.getAsJsonObject(side).get("indexBytes").getAsLong(), sum, side);
      assertEquals(1.0, shares, 0.001, side);
    }
    JsonObject ablation = o.getAsJsonObject("fieldAblation");
    assertEquals(1, ablation.get("runs").getAsInt());
    assertEquals(1, ablation.get("threads").getAsInt());
    assertEquals(
        o.getAsJsonObject("input").get("passages").getAsLong(),
        ablation.get("passages").getAsLong());
    assertEquals(
        List.of("all", "withoutText", "withoutContext", "withoutArticleText"),
        List.copyOf(ablation.getAsJsonObject("variants").keySet()));
  }

  @Test
  void theTextReportShowsFileKindsAndTheAblationTable() throws IOException {
    Path queries = Files.writeString(dir.resolve("q.tsv"), "q1\tsummit talks\n");
    MainTest.Run r =
        MainTest.run(
            "bench",
            "--queries",
            queries.toString(),
            "--repeat",
            "1",
            "--work",
            dir.resolve("work").toString(),
            "--field-ablation",
            "--ablation-runs",
            "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("parley index by file kind: "), r.out());
    assertTrue(r.out().contains("baseline index by file kind: "), r.out());
    assertTrue(r.out().contains("field ablation (1 thread, 1 articles"), r.out());
    assertTrue(r.out().contains("withoutArticleText"), r.out());
  }

  @Test
  void badAblationOptionsAreOneLineUsageErrors() throws IOException {
    MainTest.Run stages = MainTest.run("bench", "--stages", "--field-ablation");
    assertEquals(2, stages.code());
    assertTrue(
        stages.err().contains("--field-ablation runs with the benchmark (--queries), not with"),
        stages.err());
    MainTest.Run field =
        MainTest.run(
            "bench", "--stages", "--drop-field", "title", "--work", dir.resolve("s").toString());
    assertEquals(2, field.code());
    assertTrue(
        field.err().contains("--drop-field takes text, context, article_text, got: title"),
        field.err());
    MainTest.Run runs = bench(Path.of("seeds"), "--field-ablation", "--ablation-runs", "0");
    assertEquals(2, runs.code());
    assertTrue(runs.err().contains("--ablation-runs"), runs.err());
  }

  @Test
  void badBenchOptionsAreUsageErrors() throws IOException {
    MainTest.Run r = bench(Path.of("seeds"), "--context-weight", "heavy");
    assertEquals(2, r.code());
    assertTrue(
        r.err().contains("--context-weight takes a number from 0 to 10, got: heavy"), r.err());
  }
}
