package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --stages} on the seed articles reports every stage in pipeline order, the sums the
 * targets read, and the second half's figures beside them (no timing is asserted: speed lives in
 * docs/performance.md).
 */
class StageBreakdownTest {
  @Test
  void reportsEveryStageAndTheSecondHalfBeside(@TempDir Path work) throws Exception {
    StageBreakdown b = new StageBreakdown();
    Map<String, Double> perPassage = b.run(List.of(Path.of("seeds")), work);
    assertEquals(StageBreakdown.STAGES, List.copyOf(perPassage.keySet()));
    assertTrue(b.passages() > 0 && b.articles() > 0);
    double[] half = b.secondHalf();
    assertTrue(half[0] >= 0 && half[1] >= half[0], "analyse+tag+topics includes tag+topics");
    JsonObject json = b.toJson(perPassage);
    assertEquals(b.passages(), json.get("passages").getAsLong());
    assertTrue(json.getAsJsonObject("secondHalf").has("tagAndTopics"));
    assertTrue(json.getAsJsonObject("secondHalf").has("analyseTagAndTopics"));
    String table = b.table(perPassage);
    assertTrue(table.contains("tag+topics"), table);
    assertTrue(table.contains("second half of the articles only"), table);
  }
}
