package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke test: bench runs on seeds/ and prints the documented JSON. No timing is asserted. */
class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void benchOnSeedsPrintsBothSidesAndRatios() throws IOException {
    Path queries = Files.writeString(dir.resolve("q.tsv"), "q1\tsummit talks\nq2\tsanctions\n");
    MainTest.Run r =
        MainTest.run(
            "bench",
            "--input",
            "seeds",
            "--queries",
            queries.toString(),
            "--repeat",
            "1",
            "--threads",
            "2",
            "--work",
            dir.resolve("work").toString(),
            "--json",
            "--scale",
            "1",
            "2",
            "--plot",
            dir.resolve("growth.png").toString());
    assertEquals(0, r.code(), r.err());
    JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(2, json.getAsJsonArray("runs").size());
    JsonObject first = json.getAsJsonArray("runs").get(0).getAsJsonObject();
    for (String side : new String[] {"parley", "baseline", "ratios"}) {
      for (String key :
          new String[] {
            "passagesPerSecond", "inputMBPerSecond", "indexBytes", "p50Millis", "p95Millis",
            "p99Millis", "qps", "qpsThreads", "peakHeapBytes", "firstQueryMillis"
          }) {
        assertTrue(first.getAsJsonObject(side).has(key), side + "." + key);
      }
    }
    for (String side : new String[] {"fts5", "ratiosFts5"}) {
      for (String key : first.getAsJsonObject("baseline").keySet()) {
        assertTrue(first.getAsJsonObject(side).has(key), side + "." + key);
      }
    }
    // SQLite's memory is native: no JVM heap figure, written as null.
    assertTrue(first.getAsJsonObject("fts5").get("peakHeapBytes").isJsonNull());
    assertTrue(first.getAsJsonObject("ratiosFts5").get("peakHeapBytes").isJsonNull());
    assertTrue(first.getAsJsonObject("fts5").get("indexBytes").getAsLong() > 0);
    assertEquals(20, first.getAsJsonObject("input").get("passages").getAsInt());
    JsonObject second = json.getAsJsonArray("runs").get(1).getAsJsonObject();
    assertEquals(40, second.getAsJsonObject("input").get("passages").getAsInt());
    assertTrue(Files.size(dir.resolve("growth.png")) > 1000);
  }

  @Test
  void wholeProcessAndConcurrentWritesAddTheirBlocks() throws IOException {
    Path queries = Files.writeString(dir.resolve("q.tsv"), "q1\tsummit talks\nq2\tsanctions\n");
    MainTest.Run r =
        MainTest.run(
            "bench",
            "--input",
            "seeds",
            "--queries",
            queries.toString(),
            "--repeat",
            "1",
            "--threads",
            "1",
            "--work",
            dir.resolve("work").toString(),
            "--json",
            "--whole-process",
            "--concurrent-writes",
            "--mixed-seconds",
            "1");
    assertEquals(0, r.code(), r.err());
    JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
    JsonObject processes = json.getAsJsonObject("wholeProcess");
    for (String key :
        new String[] {
          "parleySeconds", "luceneSeconds", "fts5Seconds", "parleyOverLucene", "parleyOverFts5"
        }) {
      assertTrue(processes.get(key).getAsDouble() > 0, key);
    }
    // Each child read the seeds itself and wrote its own index.
    assertTrue(processes.get("parleyBytes").getAsLong() > 0);
    assertTrue(processes.get("luceneBytes").getAsLong() > 0);
    assertTrue(processes.get("fts5Bytes").getAsLong() > 0);
    JsonObject mixed = json.getAsJsonObject("concurrentWrites");
    assertEquals(4, mixed.get("searchThreads").getAsInt());
    assertTrue(mixed.getAsJsonObject("quiet").get("searches").getAsInt() > 0);
    assertEquals(0, mixed.getAsJsonObject("quiet").get("commits").getAsInt());
    assertTrue(mixed.getAsJsonObject("writes").get("searches").getAsInt() > 0);
    assertTrue(mixed.getAsJsonObject("writes").get("commits").getAsInt() > 0);
    assertEquals(0, mixed.getAsJsonObject("writes").get("partial").getAsInt());
  }
}
