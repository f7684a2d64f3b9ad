package dev.parley.query.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON contract, pinned to the character. */
class ResultsJsonTest {

  private static Map<String, Float> topics() {
    Map<String, Float> t = new LinkedHashMap<>();
    t.put("diplomacy", 0.75f);
    t.put("sanctions", 0.125f);
    return t;
  }

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
            null,
            topics(),
            List.of("north-korea"),
            List.of("b7"),
            9,
            40);
    Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
    facets.put("topic", List.of(new FacetCount("diplomacy", 3)));
    facets.put("month", List.of(new FacetCount("2019-01", 7)));
    assertEquals(
        "{\"query\":\"summit\",\"totalHits\":7,\"totalHitsRelation\":\"eq\",\"ownTextHits\":7,"
            + "\"matchingPassages\":7,\"order\":\"relevance\",\"partial\":false,\"hits\":[{\"rank\":1,\"score\":2.5,\"articleId\":\"a1\","
            + "\"passageId\":\"a1#3-4\",\"paragraphs\":[3,4],\"offsets\":[10,42],\"codePointOffsets\":[9,40],\"date\":\"2019-01-10\","
            + "\"heading\":null,\"text\":\"Leaders <met> at the summit.\","
            + "\"snippet\":\"Leaders <met> at the <em>summit</em>.\","
            + "\"topics\":{\"diplomacy\":0.75,\"sanctions\":0.125},\"entities\":[\"north-korea\"],"
            + "\"duplicates\":[\"b7\"]}],"
            + "\"facets\":{\"topic\":[{\"label\":\"diplomacy\",\"count\":3}],"
            + "\"month\":[{\"label\":\"2019-01\",\"count\":7}]}}",
        ResultsJson.toJson(new SearchResults("summit", 7, List.of(hit), facets)));
  }

  @Test
  void explanationAppearsOnlyWhenPresentAndFacetsOnlyWhenAsked() {
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
            "1.0 = sum of:",
            Map.of(),
            List.of(),
            List.of(),
            0,
            1);
    assertEquals(
        "{\"rank\":2,\"score\":1.0,\"articleId\":\"a\",\"passageId\":\"a#0-0\",\"paragraphs\":[0,0],"
            + "\"offsets\":[0,1],\"codePointOffsets\":[0,1],\"date\":\"2020-02-29\",\"heading\":\"Heading\",\"text\":\"x\","
            + "\"snippet\":\"x\",\"topics\":{},\"entities\":[],\"duplicates\":[],"
            + "\"explanation\":\"1.0 = sum of:\"}",
        ResultsJson.toJson(ResultsJson.toTree(hit)));
    assertEquals(
        "{\"query\":\"\",\"totalHits\":0,\"totalHitsRelation\":\"eq\",\"ownTextHits\":0,"
            + "\"matchingPassages\":0,\"order\":\"relevance\",\"partial\":false,\"hits\":[]}",
        ResultsJson.toJson(new SearchResults("", 0, List.of())));
  }

  @Test
  void statsSchemaWithEmptyIndex() {
    assertEquals(
        "{\"articles\":0,\"passages\":0,\"firstDate\":null,\"lastDate\":null,\"schemaVersion\":2,"
            + "\"topics\":[],\"entities\":[],\"topicModel\":\"\",\"gazetteer\":\"\",\"vectors\":null}",
        ResultsJson.toJson(
            new IndexStats(0, 0, null, null, 2, List.of(), List.of(), "", "", null)));
    assertEquals(
        "{\"articles\":0,\"passages\":0,\"firstDate\":null,\"lastDate\":null,\"schemaVersion\":7,"
            + "\"topics\":[],\"entities\":[],\"topicModel\":\"2.3\",\"gazetteer\":\"g1\","
            + "\"vectors\":\"e5-small-v2/384\"}",
        ResultsJson.toJson(
            new IndexStats(
                0, 0, null, null, 7, List.of(), List.of(), "2.3", "g1", "e5-small-v2/384")));
  }
}
