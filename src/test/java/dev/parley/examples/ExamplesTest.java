package dev.parley.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.parley.query.result.Hit;
import dev.parley.query.result.SearchResults;
import dev.parley.testutil.StrictJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example programs in examples/ and checks what they return. */
class ExamplesTest {
  @TempDir Path dir;

  private Path seedIndex() throws IOException {
    Path index = dir.resolve("index");
    QuickStart.run(Path.of("seeds"), index, "summit");
    return index;
  }

  @Test
  void quickStartFindsTheSecondSummit() throws IOException {
    List<Hit> hits = QuickStart.run(Path.of("seeds"), dir.resolve("qs"), "second summit");
    assertEquals(2, hits.size(), "one article, two passages per article by default");
    assertEquals("000_36ca1f6425bbafbc#12-12", hits.get(0).passageId());
    assertTrue(
        hits.get(0).snippet().contains("<em>second</em> <em>summit</em>"), hits.get(0).snippet());
  }

  @Test
  void jsonExportGivesTheDocumentedObject() throws IOException {
    JsonObject json = StrictJson.parseObject(JsonExport.export(seedIndex(), "sanctions", 5));
    assertEquals("sanctions", json.get("query").getAsString());
    assertEquals(2, json.getAsJsonArray("hits").size());
    assertEquals(
        "000_36ca1f6425bbafbc",
        json.getAsJsonArray("hits").get(0).getAsJsonObject().get("articleId").getAsString());
  }

  @Test
  void filteredSearchAppliesDatesAndPerArticleLimit() throws IOException {
    Path index = seedIndex();
    SearchResults january =
        FilteredSearch.search(
            index, "North Korea", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31), 1);
    assertEquals(1, january.hits().size());
    assertEquals(LocalDate.of(2019, 1, 10), january.hits().get(0).date());
    SearchResults february =
        FilteredSearch.search(
            index, "North Korea", LocalDate.of(2019, 2, 1), LocalDate.of(2019, 2, 28), 1);
    assertEquals(0, february.totalHits());
  }
}
