package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.parley.testutil.StrictJson;
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
    JsonObject json = StrictJson.parseObject(r.out());
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
    assertEquals(20, first.getAsJsonObject("input").get("passages").getAsInt());
    JsonObject second = json.getAsJsonArray("runs").get(1).getAsJsonObject();
    assertEquals(40, second.getAsJsonObject("input").get("passages").getAsInt());
    assertTrue(Files.size(dir.resolve("growth.png")) > 1000);
  }
}
