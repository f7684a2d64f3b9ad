package dev.parley.cli;

import static dev.parley.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.parley.cli.MainTest.Run;
import dev.parley.testutil.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picocli command line: help, version, one-line errors, and the rules of each option. */
class CommandLineTest {
  static final List<String> COMMANDS =
      List.of(
          "demo",
          "index",
          "search",
          "batch",
          "stats",
          "verify",
          "eval",
          "tune",
          "classify",
          "tune-topics",
          "bench",
          "serve");

  @TempDir static Path shared;
  static String seed;

  @TempDir Path dir;

  @BeforeAll
  static void indexSeeds() {
    seed = shared.resolve("seed").toString();
    assertEquals(0, run("index", "--input", "seeds", "--index", seed).code());
  }

  @Test
  void everyCommandHasHelpOnStdoutAndExitsZero() {
    Run top = run("--help");
    assertEquals(0, top.code());
    for (String command : COMMANDS) {
      assertTrue(top.out().contains("\n  " + command + " "), command + " in:\n" + top.out());
      Run help = run(command, "--help");
      assertEquals(0, help.code(), command);
      assertTrue(help.out().startsWith("Usage: parley " + command), help.out());
      assertTrue(help.out().contains("--help"), help.out());
      assertEquals("", help.err(), command);
      Run viaHelp = run("help", command);
      assertEquals(help.out(), viaHelp.out(), command);
    }
    assertTrue(run("search", "--help").out().contains("--match-all"));
  }

  @Test
  void versionIsOneLine() {
    Run r = run("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().matches("parley \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), r.out());
  }

  @Test
  void everyUsageErrorIsOneLineExitTwo() {
    List<List<String>> bad =
        List.of(
            List.of("search", "--k"),
            List.of("search", "--k", "1.5", "q"),
            List.of("search", "--k", "0", "q"),
            List.of("search", "--k", "1", "--k", "2", "q"),
            List.of("search", "--until", "yesterday", "q"),
            List.of("search"),
            List.of("stats", "extra"),
            List.of("batch", "--queries", "q.tsv"),
            List.of("index", "--threads", "-3"),
            List.of("tune-topics", "--labels", "x", "--lambda", "NaN"),
            List.of("eval", "--queries", "q", "--qrels", "r", "--level", "sentence"),
            List.of("classify"),
            List.of("-x"),
            List.of("nonsense"));
    for (List<String> args : bad) {
      Run r = run(args.toArray(String[]::new));
      assertEquals(2, r.code(), args + ": " + r.err());
      assertEquals(1, r.err().lines().count(), args + ": " + r.err());
      assertTrue(r.err().startsWith("parley"), r.err());
      assertTrue(r.err().strip().endsWith("--help)"), args + ": " + r.err());
      assertFalse(r.err().contains("\tat "), r.err());
      assertEquals("", r.out(), args.toString());
    }
  }

  @Test
  void usageMessagesSayWhatIsWrong() {
    assertEquals(
        "parley index: --input needs a value (PATH) (see: parley index --help)\n",
        run("index", "--input").err());
    assertEquals(
        "parley batch: 'batch' needs --run (see: parley batch --help)\n",
        run("batch", "--queries", "q.tsv").err());
    assertEquals("parley: unknown option --bogus (see: parley --help)\n", run("--bogus").err());
    assertEquals(
        "parley search: --k given twice (see: parley search --help)\n",
        run("search", "--k", "1", "--k", "2", "q").err());
    assertEquals(
        "parley search: --k must be in [1, 1000], got: 0 (see: parley search --help)\n",
        run("search", "--k", "0", "q").err());
    assertEquals(
        "parley stats: unexpected argument 'extra' for 'stats' (see: parley stats --help)\n",
        run("stats", "extra").err());
  }

  @Test
  void aQueryOfExclusionsIsPositionalNotAnOption() {
    Run r = run("search", "--index", seed, "--json", "-banquet", "--k", "3");
    assertEquals(0, r.code(), r.err());
    JsonObject json = StrictJson.parseObject(r.out());
    assertEquals("-banquet", json.get("query").getAsString());
    for (JsonElement h : json.getAsJsonArray("hits")) {
      assertFalse(h.getAsJsonObject().get("text").getAsString().contains("banquet"), h.toString());
    }
    Run afterDashes = run("search", "--index", seed, "--json", "--", "--all");
    assertEquals(0, afterDashes.code(), afterDashes.err());
    assertEquals("--all", StrictJson.parseObject(afterDashes.out()).get("query").getAsString());
  }

  @Test
  void anEntityWithoutQueryTextBrowses() {
    for (String entity : List.of("DPRK", "north-korea", "North Korea")) {
      Run r = run("search", "--index", seed, "--entity", entity, "--json", "--per-article", "0");
      assertEquals(0, r.code(), r.err());
      JsonObject json = StrictJson.parseObject(r.out());
      assertEquals(15, json.get("totalHits").getAsInt(), "stats count north-korea in 15 passages");
      assertEquals(10, json.getAsJsonArray("hits").size());
      assertEquals("newest", json.get("order").getAsString());
    }
  }

  /**
   * Review 4 item 1: a filter or topic option takes ONE value, so the query after it stays the
   * query.
   */
  @Test
  void aQueryAfterTopicEntityOrFilterTopicStaysTheQuery() {
    List<List<String>> options =
        List.of(
            List.of("--topic", "sanctions"),
            List.of("--filter-topic", "summits"),
            List.of("--entity", "DPRK"),
            List.of("--topic", "summits", "--topic", "diplomacy"),
            List.of("--filter-topic", "summits", "--filter-topic", "sanctions"),
            List.of("--entity", "DPRK", "--entity", "china"),
            List.of("--topic", "SUMMITS", "--entity", "north-korea", "--filter-topic", "summits"));
    for (String query : List.of("China", "treaty talks", "diplomacy", "summits")) {
      for (List<String> opts : options) {
        List<String> before = new java.util.ArrayList<>(List.of("search", "--index", seed));
        before.addAll(opts);
        before.addAll(List.of(query, "--json", "--per-article", "0"));
        List<String> after = new java.util.ArrayList<>(List.of("search", "--index", seed, query));
        after.addAll(opts);
        after.addAll(List.of("--json", "--per-article", "0"));
        Run b = run(before.toArray(String[]::new));
        Run a = run(after.toArray(String[]::new));
        String what = opts + " " + query;
        assertEquals(0, b.code(), what + ": " + b.err());
        assertEquals(query, StrictJson.parseObject(b.out()).get("query").getAsString(), what);
        assertEquals(a.out(), b.out(), what);
      }
    }
    // The review's commands: not "unknown topic 'treaty talks'", not a silent browse.
    Run browse = run("search", "--index", seed, "--entity", "DPRK", "--json");
    Run china = run("search", "--index", seed, "--entity", "DPRK", "China", "--json");
    assertEquals("relevance", StrictJson.parseObject(china.out()).get("order").getAsString());
    assertFalse(browse.out().equals(china.out()));
    Run unknown = run("search", "--index", seed, "--topic", "arms-control", "treaty talks");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("'arms-control'"), unknown.err());
    assertFalse(unknown.err().contains("treaty talks"), unknown.err());
    Run help = run("search", "--help");
    assertFalse(help.out().contains("T..."), help.out());
    assertFalse(help.out().contains("E..."), help.out());
  }

  @Test
  void topicNamesIgnoreCase() {
    for (String topic : List.of("sanctions", "Sanctions", "SANCTIONS", " sanctions ")) {
      Run r = run("search", "--index", seed, "--topic", topic, "--json");
      assertEquals(0, r.code(), topic + ": " + r.err());
      assertEquals(
          run("search", "--index", seed, "--topic", "sanctions", "--json").out(), r.out(), topic);
    }
  }

  @Test
  void noExistingInputExitsTwoAndCreatesNoIndex() throws IOException {
    Path index = dir.resolve("never");
    Run one = run("index", "--input", dir.resolve("typo").toString(), "--index", index.toString());
    assertEquals(2, one.code());
    assertEquals(
        "parley index: no such input: "
            + dir.resolve("typo")
            + "; nothing indexed (see: parley index --help)\n",
        one.err());
    Run two =
        run(
            "index",
            "--input",
            dir.resolve("a").toString(),
            dir.resolve("b").toString(),
            "--index",
            index.toString());
    assertEquals(2, two.code());
    assertTrue(two.err().startsWith("parley index: none of the inputs exists: "), two.err());
    Run demo = run("demo", "--input", dir.resolve("typo").toString(), "--index", index.toString());
    assertEquals(2, demo.code());
    assertFalse(Files.exists(index), "no index directory was created");

    Path good = Files.writeString(dir.resolve("good.txt"), "date 2019-01-10 Talks.\n");
    Run some =
        run(
            "index",
            "--input",
            good.toString(),
            dir.resolve("gone").toString(),
            "--index",
            index.toString());
    assertEquals(1, some.code(), "only some missing: the rest is indexed, exit 1");
    assertTrue(some.out().startsWith("indexed 1 articles"), some.out());
    assertTrue(some.err().contains("rejected " + dir.resolve("gone")), some.err());
  }

  @Test
  void snippetsAreEscapedInBothOutputsUnlessAskedNotTo() throws IOException {
    Path in =
        Files.writeString(
            dir.resolve("x.txt"),
            "date 2021-05-05 Envoys said the summit & talks <script>alert(1)</script> late.\n");
    String index = dir.resolve("x").toString();
    assertEquals(0, run("index", "--input", in.toString(), "--index", index).code());
    Run text = run("search", "--index", index, "summit");
    assertTrue(
        text.out().contains("the [summit] &amp; talks &lt;script&gt;alert(1)&lt;&#x2F;script&gt;"),
        text.out());
    Run json = run("search", "--index", index, "summit", "--json");
    String snippet =
        StrictJson.parseObject(json.out())
            .getAsJsonArray("hits")
            .get(0)
            .getAsJsonObject()
            .get("snippet")
            .getAsString();
    assertFalse(snippet.contains("<script>"), snippet);
    assertTrue(snippet.contains("<em>summit</em>"), snippet);
    Run raw = run("search", "--index", index, "summit", "--json", "--snippet-escaping", "none");
    assertTrue(raw.out().contains("<script>alert(1)</script>"), raw.out());
    Run bad = run("search", "--index", index, "summit", "--snippet-escaping", "xml");
    assertEquals(2, bad.code());
    assertEquals(
        "parley search: --snippet-escaping must be html or none, got: xml"
            + " (see: parley search --help)\n",
        bad.err());
  }

  @Test
  void controlCharactersNeverReachTheTerminal() throws IOException {
    Path in =
        Files.writeString(
            dir.resolve("c.txt"), "date 2021-05-05 The summit \u001b[31mred\u001b[0m ended.\n");
    String index = dir.resolve("c").toString();
    assertEquals(0, run("index", "--input", in.toString(), "--index", index).code());
    Run text = run("search", "--index", index, "summit");
    assertFalse(text.out().contains("\u001b"), text.out());
    assertTrue(text.out().contains("?[31mred?[0m"), text.out());
  }

  @Test
  void textOutputShowsTopicsEntitiesAndWhyTheOrder() {
    Run r = run("search", "--index", seed, "sanctions", "--k", "1");
    List<String> lines = r.out().lines().toList();
    assertEquals(
        "2 passages match \"sanctions\" (showing 1-1); 3 passages matched before the per-article"
            + " limit and folding (see --per-article)",
        lines.get(0));
    assertEquals("     #diplomacy #sanctions  entities: china, north-korea", lines.get(3));
    Run topic = run("search", "--index", seed, "--topic", "sanctions");
    assertTrue(
        topic.out().lines().toList().get(1).startsWith("(topic browse: scores are weighted topic"),
        topic.out());
    Run browse = run("search", "--index", seed, "");
    assertEquals(
        "(no query words: newest first; scores are 0)", browse.out().lines().toList().get(1));
    Run offset = run("search", "--index", seed, "sanctions", "--offset", "2");
    assertTrue(
        offset.out().startsWith("2 passages match \"sanctions\" (none after 2)"), offset.out());
  }

  @Test
  void textOutputShowsFoldedDuplicates() throws IOException {
    Path in = Files.createDirectories(dir.resolve("wire"));
    String wire =
        "Negotiators from both sides met in Geneva on Monday for a new round of talks on the"
            + " nuclear programme, officials said.";
    Files.writeString(in.resolve("a.txt"), "date 2020-03-02 " + wire + "\n");
    Files.writeString(in.resolve("b.txt"), "date 2020-03-02 " + wire + "\n");
    String index = dir.resolve("w").toString();
    assertEquals(0, run("index", "--input", in.toString(), "--index", index).code());
    Run r = run("search", "--index", index, "Geneva talks", "--collapse");
    List<String> lines = r.out().lines().toList();
    assertTrue(
        lines.get(0).startsWith("1 passage matches \"Geneva talks\" (showing 1-1)"), r.out());
    assertTrue(lines.get(3).endsWith("also in: b"), r.out());
    // A query with phrases of its own is quoted with single quotes, never ""Geneva talks"".
    Run phrase = run("search", "--index", index, "\"Geneva\" talks", "--collapse");
    assertTrue(
        phrase.out().startsWith("1 passage matches '\"Geneva\" talks' (showing 1-1)"),
        phrase.out());
    // With --articles the header counts articles, as totalHits does.
    Run articles = run("search", "--index", index, "Geneva talks", "--articles");
    assertTrue(
        articles.out().startsWith("2 articles match \"Geneva talks\" (showing 1-2)"),
        articles.out());
    Run one = run("search", "--index", index, "Geneva talks", "--articles", "--k", "1");
    assertTrue(one.out().startsWith("2 articles match \"Geneva talks\" (showing 1-1)"), one.out());
  }

  @Test
  void demoFindsTheClonesSeedsFromElsewhere() {
    assertEquals(Path.of("seeds"), DemoCommand.defaultSeeds(Path.of("seeds"), "/clone"));
    assertEquals(
        Path.of("/clone", "seeds"), DemoCommand.defaultSeeds(Path.of("no-such-dir"), "/clone"));
    assertEquals(Path.of("no-such-dir"), DemoCommand.defaultSeeds(Path.of("no-such-dir"), null));
  }
}
