package dev.parley.query.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON contract, pinned to the character. */
class ResultsJsonTest {

  @Test
  void searchResultsSchema() {
    Hit hit =
        new Hit(
            1,
            2.5f,
            "a1",
            "a1#3-4",
            3,
            4,
            10,
            42,
            LocalDate.of(2019, 1, 10),
            null,
            "Leaders <met> at the summit.",
            "Leaders <met> at the <em>summit</em>.",
            null);
    assertEquals(
        "{\"query\":\"summit\",\"totalHits\":7,\"hits\":[{\"rank\":1,\"score\":2.5,\"articleId\":\"a1\","
            + "\"passageId\":\"a1#3-4\",\"paragraphs\":[3,4],\"offsets\":[10,42],\"date\":\"2019-01-10\","
            + "\"heading\":null,\"text\":\"Leaders <met> at the summit.\","
            + "\"snippet\":\"Leaders <met> at the <em>summit</em>.\"}]}",
        ResultsJson.toJson(new SearchResults("summit", 7, List.of(hit))));
  }

  @Test
  void explanationAppearsOnlyWhenPresent() {
    Hit hit =
        new Hit(
            2,
            1f,
            "a",
            "a#0-0",
            0,
            0,
            0,
            1,
            LocalDate.of(2020, 2, 29),
            "Heading",
            "x",
            "x",
            "1.0 = sum of:");
    assertEquals(
        "{\"rank\":2,\"score\":1.0,\"articleId\":\"a\",\"passageId\":\"a#0-0\",\"paragraphs\":[0,0],"
            + "\"offsets\":[0,1],\"date\":\"2020-02-29\",\"heading\":\"Heading\",\"text\":\"x\","
            + "\"snippet\":\"x\",\"explanation\":\"1.0 = sum of:\"}",
        ResultsJson.toJson(ResultsJson.toTree(hit)));
  }

  @Test
  void statsSchemaWithEmptyIndex() {
    assertEquals(
        "{\"articles\":0,\"passages\":0,\"firstDate\":null,\"lastDate\":null,\"schemaVersion\":1}",
        ResultsJson.toJson(new IndexStats(0, 0, null, null, 1)));
  }
}
