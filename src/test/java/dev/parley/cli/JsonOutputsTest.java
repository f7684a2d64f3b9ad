package dev.parley.cli;

import static dev.parley.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.parley.cli.MainTest.Run;
import dev.parley.query.result.ResultsJson;
import dev.parley.testutil.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON the command line prints is strict JSON (RFC 8259: no NaN or Infinity, which {@code
 * JSON.parse} rejects) with finite numbers: each command and each kind of search, browses above
 * all, whose scores used to print as {@code NaN}.
 */
class JsonOutputsTest {
  @TempDir static Path dir;
  static String seed;

  @BeforeAll
  static void indexSeeds() {
    seed = dir.resolve("seed").toString();
    assertEquals(0, run("index", "--input", "seeds", "--index", seed).code());
  }

  /** Searches of every kind: with words, browses by date, by topic, by entity, by recency. */
  static final List<List<String>> SEARCHES =
      List.of(
          List.of("summit"),
          List.of(""),
          List.of("-banquet"),
          List.of("-banquet", "-summit"),
          List.of("--entity", "DPRK"),
          List.of("--entity", "north-korea", "--since", "2019-01-01"),
          List.of("--topic", "sanctions"),
          List.of("--topic", "summits", "--entity", "china"),
          List.of("", "--recency-half-life", "30"),
          List.of("talks", "--recency-half-life", "7", "--topic", "diplomacy"),
          List.of("", "--until", "2000-01-01"),
          List.of("the of and"),
          List.of("\"no deal\"", "--match-all"),
          List.of("summit", "--explain", "--facets", "--collapse", "--per-article", "0"),
          List.of("", "--facets", "--offset", "18", "--k", "5"),
          List.of("summit", "--offset", "10000"));

  @Test
  void everySearchPrintsStrictJsonWithFiniteScores() {
    for (List<String> args : SEARCHES) {
      List<String> command = new ArrayList<>(List.of("search", "--index", seed, "--json"));
      command.addAll(args);
      Run r = run(command.toArray(String[]::new));
      assertEquals(0, r.code(), args + ": " + r.err());
      JsonObject json = StrictJson.parseObject(r.out());
      for (String key :
          List.of(
              "query",
              "totalHits",
              "totalHitsRelation",
              "ownTextHits",
              "matchingPassages",
              "order",
              "partial",
              "hits")) {
        assertTrue(json.has(key), args + " lacks " + key);
      }
      for (JsonElement h : json.getAsJsonArray("hits")) {
        double score = h.getAsJsonObject().get("score").getAsDouble();
        assertTrue(Double.isFinite(score) && score >= 0, args + ": " + score);
      }
    }
  }

  @Test
  void browseByDateScoresZeroAndSaysSo() {
    Run r = run("search", "--index", seed, "--json", "");
    JsonObject json = StrictJson.parseObject(r.out());
    assertEquals("newest", json.get("order").getAsString());
    for (JsonElement h : json.getAsJsonArray("hits")) {
      assertEquals(0.0, h.getAsJsonObject().get("score").getAsDouble());
    }
    JsonObject topic =
        StrictJson.parseObject(
            run("search", "--index", seed, "--json", "--topic", "summits").out());
    assertEquals("topic", topic.get("order").getAsString());
    JsonObject words =
        StrictJson.parseObject(run("search", "--index", seed, "--json", "kim").out());
    assertEquals("relevance", words.get("order").getAsString());
  }

  @Test
  void everyOtherCommandPrintsStrictJson() throws IOException {
    List<String> outputs = new ArrayList<>();
    Path empty = dir.resolve("empty");
    Path good = Files.writeString(dir.resolve("good.txt"), "date 2019-01-10 Talks in Hanoi.\n");
    Path bad = Files.writeString(dir.resolve("bad.txt"), "no date line\n");
    Run index =
        run("index", "--input", good.toString(), bad.toString(), "--index", empty + "x", "--json");
    assertEquals(1, index.code());
    outputs.add(index.out());
    outputs.add(run("index", "--delete", "good", "--index", empty + "x", "--json").out());
    outputs.add(run("stats", "--index", empty + "x", "--json").out()); // no articles: null dates
    outputs.add(run("stats", "--index", seed, "--json").out());
    outputs.add(run("verify", "--index", seed, "--json").out());
    Path texts =
        Files.writeString(
            dir.resolve("c.jsonl"),
            "{\"id\": \"a\", \"text\": \"Leaders met at the summit on sanctions.\","
                + " \"labels\": {\"diplomacy\": 1, \"sanctions\": 1, \"summits\": 1}}\n"
                + "{\"id\": \"b\", \"text\": \"\", \"labels\": {\"diplomacy\": 0}}\n");
    outputs.add(run("classify", "--input", texts.toString(), "--explain").out());
    outputs.add(run("classify", "--input", texts.toString(), "--eval", "--json").out());
    Path queries = Files.writeString(dir.resolve("q.tsv"), "q1\tsummit\nq2\tbanquet\n");
    Path qrels =
        Files.writeString(
            dir.resolve("qrels"),
            "q1 0 000_36ca1f6425bbafbc#13 2\nq2 0 000_36ca1f6425bbafbc#19 1\nq3 0 x#0 1\n");
    Run eval =
        run(
            "eval",
            "--index",
            seed,
            "--queries",
            queries.toString(),
            "--qrels",
            qrels.toString(),
            "--json");
    assertEquals(0, eval.code(), eval.err());
    outputs.add(eval.out());
    for (String out : outputs) {
      assertTrue(!out.isBlank(), "no output");
      StrictJson.parseLines(out);
    }
  }

  @Test
  void theSerializerRefusesNonFiniteNumbers() {
    JsonObject o = new JsonObject();
    JsonObject hit = new JsonObject();
    hit.addProperty("score", Float.NaN);
    o.add("hit", hit);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ResultsJson.toJson(o));
    assertEquals(
        "JSON has no NaN (at $.hit.score): a bug in Parley, please report it", e.getMessage());
    o.addProperty("x", Double.POSITIVE_INFINITY);
    hit.addProperty("score", 1);
    assertThrows(IllegalArgumentException.class, () -> ResultsJson.toJson(o));
  }
}
