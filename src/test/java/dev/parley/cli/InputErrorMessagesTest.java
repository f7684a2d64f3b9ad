package dev.parley.cli;

import static dev.parley.cli.CliRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.parley.cli.CliRuns.Run;
import dev.parley.query.SearchRequest;
import dev.parley.testutil.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review 4 items 5, 12, 13, 15 and 17: bad input gets one line that names the file (and line or
 * key) and what to do, never the bare text of a Java exception; a failed batch keeps the old run
 * file; text output neutralises bidirectional overrides; summaries say what a run rewrote.
 */
class InputErrorMessagesTest {
  @TempDir static Path shared;
  static String seed;

  @TempDir Path dir;

  @BeforeAll
  static void indexSeeds() {
    seed = shared.resolve("seed").toString();
    assertEquals(0, run("index", "--input", "seeds", "--index", seed).code());
  }

  private static final byte[] NOT_UTF8 = {(byte) 0xC3, (byte) 0x28};

  private static Path write(Path file, byte[]... parts) throws IOException {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    Files.createDirectories(file.getParent());
    return Files.write(file, b.toByteArray());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** One line on stderr, exit 2, no Java exception text. */
  private static void oneLine(Run r, String expected) {
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals(expected, r.err().strip());
    for (String leak :
        List.of("Exception", "Input length", "Is a directory", "For input string", "java.")) {
      assertFalse(r.err().contains(leak), r.err());
    }
  }

  @Test
  void aBatchThatFailsKeepsTheOldRunFileAndNamesTheLineAndQuery() throws IOException {
    Path run = dir.resolve("keep.trec");
    Path good = write(dir.resolve("good.tsv"), utf8("q1\tsummit talks\nq2\tsanctions\n"));
    assertEquals(
        0,
        run("batch", "--index", seed, "--queries", good.toString(), "--run", run.toString())
            .code());
    String before = Files.readString(run);
    assertTrue(before.lines().count() > 2, before);
    String longQuery = "talks ".repeat(250).strip(); // 1,499 characters
    for (String[] bad :
        List.of(
            new String[] {"q1\tsummit talks\nq2\t" + longQuery + "\n", ":2: query q2 is 1499"},
            new String[] {
              "qid\tquery\nq1\tsummit\n\nq9\t" + longQuery + "x\n", ":4: query q9 is 1500"
            })) {
      Path queries = write(dir.resolve("bad.tsv"), utf8(bad[0]));
      Run r =
          run("batch", "--index", seed, "--queries", queries.toString(), "--run", run.toString());
      oneLine(
          r, "parley batch: " + queries + bad[1] + " characters long, at most 1000: shorten it");
      assertEquals(before, Files.readString(run), "the earlier run file is kept whole");
    }
    try (var files = Files.list(dir)) {
      assertEquals(
          List.of(),
          files.filter(p -> p.getFileName().toString().endsWith(".part")).toList(),
          "no temporary file is left");
    }
    // A query file that is not UTF-8 names its line, and the run file is kept too.
    Path nonUtf = write(dir.resolve("n.tsv"), utf8("q1\tsummit\nq2\tbad "), NOT_UTF8, utf8("\n"));
    oneLine(
        run("batch", "--index", seed, "--queries", nonUtf.toString(), "--run", run.toString()),
        "parley batch: " + nonUtf + ":2: not UTF-8: save the file as UTF-8");
    assertEquals(before, Files.readString(run));
    // A good batch replaces the file.
    Path one = write(dir.resolve("one.tsv"), utf8("q7\tsummit\n"));
    assertEquals(
        0,
        run("batch", "--index", seed, "--queries", one.toString(), "--run", run.toString()).code());
    assertTrue(Files.readString(run).startsWith("q7 Q0 "), Files.readString(run));
  }

  @Test
  void aDirectoryWhereAFileIsWantedAndAFileWhereADirectoryIsWanted() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("arts"));
    Path file = write(dir.resolve("q.tsv"), utf8("q1\tsummit\n"));
    Path run = dir.resolve("r.trec");
    oneLine(
        run("batch", "--index", seed, "--queries", folder.toString(), "--run", run.toString()),
        "parley batch: --queries "
            + folder
            + ": is a directory, give a file (FILE.tsv) (see: parley batch --help)");
    oneLine(
        run("batch", "--index", seed, "--queries", file.toString(), "--run", folder.toString()),
        "parley batch: --run "
            + folder
            + ": is a directory, give a file (OUT.trec) (see: parley batch --help)");
    oneLine(
        run("classify", "--input", folder.toString()),
        "parley classify: --input "
            + folder
            + ": is a directory, give a file (FILE.jsonl) (see: parley classify --help)");
    oneLine(
        run("eval", "--index", seed, "--queries", file.toString(), "--qrels", folder.toString()),
        "parley eval: --qrels "
            + folder
            + ": is a directory, give a file (FILE) (see: parley eval --help)");
    for (String command : List.of("search", "stats", "verify", "index")) {
      Run r = run(command, "--index", file.toString());
      oneLine(
          r,
          "parley "
              + command
              + ": --index "
              + file
              + ": is a file, not a directory: give a directory (DIR) (see: parley "
              + command
              + " --help)");
      assertFalse(r.err().contains("parley index --input"), r.err());
    }
    oneLine(
        run("tune-topics", "--labels", file.toString(), "--out", file.toString()),
        "parley tune-topics: --out "
            + file
            + ": is a file, not a directory: give a directory (DIR) (see: parley tune-topics"
            + " --help)");
    assertEquals("q1\tsummit\n", Files.readString(file), "nothing overwritten");
    // --help still works with a wrong kind of path.
    assertEquals(0, run("search", "--index", file.toString(), "--help").code());
  }

  private Path topicDir(String name, String json) throws IOException {
    Path d = Files.createDirectories(dir.resolve(name));
    Files.writeString(d.resolve("x.json"), json);
    return d;
  }

  @Test
  void topicFileProblemsNameTheFileAndWhatToDo() throws IOException {
    Path labels = write(dir.resolve("l.jsonl"), utf8("{\"id\":\"a\",\"text\":\"Talks.\"}\n"));
    Path nonUtf = Files.createDirectories(dir.resolve("nonutf"));
    write(
        nonUtf.resolve("x.json"), utf8("{\"format\": 2, \"name\": \"arms"), NOT_UTF8, utf8("\"}"));
    Object[][] cases = {
      {nonUtf, "not UTF-8: save the file as UTF-8"},
      {
        topicDir("eof", "{\"format\": 2, \"name\": \"arms\", \"description\": \"d\", "),
        "not valid JSON \\(the file ends before the JSON is complete at line 1 column \\d+\\): fix"
            + " the JSON"
      },
      {
        topicDir("junk", "{\"format\": 2, \"name\": \"arms\" \"description\": \"d\"}"),
        "not valid JSON \\(Unterminated object at line 1 column \\d+\\): fix the JSON"
      },
      {
        topicDir("noname", "{\"format\": 2, \"description\": \"d\", \"cues\": []}"),
        "not a topic definition (no \"name\": give the topic a name)"
      },
      {
        topicDir(
            "badweight",
            "{\"format\": 2, \"name\": \"arms\", \"description\": \"d\", \"cues\":"
                + " [{\"name\":\"t\",\"terms\":[\"treaty\"]}], \"weights\": {\"cue:t\": \"abc\"}}"),
        "not a topic definition (weights \"cue:t\" must be a number, got: \"abc\": give a number)"
      },
      {
        topicDir(
            "badprior",
            "{\"format\": 2, \"name\": \"arms\", \"description\": \"d\", \"cues\":"
                + " [{\"name\":\"t\",\"terms\":[\"treaty\"]}], \"priors\": {\"cue:t\": [1]}}"),
        "not a topic definition (priors \"cue:t\" must be a number, got: [1]: give a number)"
      },
    };
    for (Object[] c : cases) {
      Path d = (Path) c[0];
      String expected = d.resolve("x.json") + ": " + c[1];
      boolean pattern = expected.contains("\\(");
      for (String command : List.of("tune-topics", "classify")) {
        Run r =
            command.equals("classify")
                ? run("classify", "--topics", d.toString(), "--input", labels.toString())
                : run("tune-topics", "--topics", d.toString(), "--labels", labels.toString());
        if (pattern) {
          assertEquals(2, r.code(), r.err());
          assertTrue(
              r.err()
                  .strip()
                  .matches(
                      "parley "
                          + command
                          + ": "
                          + java.util.regex.Pattern.quote(d.resolve("x.json") + ": ")
                          + c[1]),
              r.err());
        } else {
          oneLine(r, "parley " + command + ": " + expected);
        }
      }
    }
  }

  @Test
  void untrainedTopicsAndUnjudgedFilesNameTheFile() throws IOException {
    Path untrained =
        topicDir(
            "untrained",
            "{\"format\": 2, \"name\": \"arms\", \"description\": \"d\", \"cues\":"
                + " [{\"name\":\"t\",\"terms\":[\"treaty\"]}]}");
    Path labels = write(dir.resolve("l.jsonl"), utf8("{\"id\":\"a\",\"text\":\"Talks.\"}\n"));
    String why =
        untrained.resolve("x.json")
            + ": topic arms has no weights: learn them with parley tune-topics --topics DIR"
            + " --labels LABELS.jsonl --out DIR";
    oneLine(
        run("classify", "--topics", untrained.toString(), "--input", labels.toString()),
        "parley classify: " + why);
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("a.txt"), "date 2020-01-01 Talks.\n");
    oneLine(
        run(
            "index",
            "--input",
            in.toString(),
            "--index",
            dir.resolve("i").toString(),
            "--topics",
            untrained.toString()),
        "parley index: " + why);
    for (String content : List.of("", "\n\n", "{\"id\":\"a\",\"text\":\"Talks.\"}\n")) {
      Path empty = write(dir.resolve("empty.jsonl"), utf8(content));
      oneLine(
          run("tune-topics", "--topics", untrained.toString(), "--labels", empty.toString()),
          "parley tune-topics: "
              + empty
              + ": no line is judged for topic arms: label lines for it, or leave its file out of"
              + " --topics");
      Run eval = run("classify", "--input", empty.toString(), "--eval");
      assertEquals(2, eval.code(), eval.err());
      assertTrue(
          eval.err()
              .strip()
              .endsWith(
                  "parley classify: "
                      + empty
                      + ": no line is judged for any topic (diplomacy, sanctions, summits): give"
                      + " lines \"labels\" to evaluate against, or drop --eval"),
          eval.err());
      assertEquals("", eval.out(), "no table of 0.000");
    }
    // Lines whose object labels name only unknown topics judge nothing either.
    Path typo =
        write(
            dir.resolve("typo.jsonl"),
            utf8(
                "{\"id\":\"a\",\"text\":\"Talks.\",\"labels\":{\"arms-controll\":1}}\n"
                    + "{\"id\":\"b\",\"text\":\"Talks.\",\"labels\":{\"arms-controll\":0}}\n"));
    Run r = run("classify", "--input", typo.toString(), "--eval");
    assertEquals(
        List.of(
            typo
                + ":1: \"labels\" names the topic 'arms-controll', which the model does not have"
                + " (diplomacy, sanctions, summits); that label ignored here and on 1 more lines"
                + " (check the spelling; other topics of the line are kept)",
            "parley classify: "
                + typo
                + ": no line is judged for any topic (diplomacy, sanctions, summits): give lines"
                + " \"labels\" to evaluate against, or drop --eval"),
        r.err().lines().toList());
  }

  @Test
  void bidiOverridesAndHiddenCharactersAreNeutralisedInTextOutputOnly() throws IOException {
    Path in = Files.createDirectories(dir.resolve("bidi"));
    String[] sneaky = {
      "\u202E",
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200E",
      "\u200F",
      "\u061C",
      "\uDB40\uDC41",
      "\uFFF9"
    };
    StringBuilder text = new StringBuilder("date 2020-01-01 Zanzibar envoys");
    for (String s : sneaky) {
      text.append(' ').append(s).append("gnu");
    }
    text.append(" met in a caf\u00E9 with a \u200C joiner.\n");
    Files.writeString(in.resolve("b.txt"), text.toString());
    String index = dir.resolve("bidi-idx").toString();
    assertEquals(0, run("index", "--input", in.toString(), "--index", index).code());
    Run plain = run("search", "--index", index, "Zanzibar");
    assertEquals(0, plain.code(), plain.err());
    for (String s : sneaky) {
      assertFalse(plain.out().contains(s), Integer.toHexString(s.codePointAt(0)));
    }
    assertTrue(plain.out().contains("envoys ?gnu ?gnu"), plain.out());
    assertTrue(plain.out().contains("caf\u00E9 with a \u200C joiner."), plain.out());
    Run json = run("search", "--index", index, "Zanzibar", "--json");
    JsonObject hit =
        StrictJson.parseObject(json.out()).getAsJsonArray("hits").get(0).getAsJsonObject();
    assertTrue(hit.get("text").getAsString().contains("\u202Egnu"), "JSON keeps the text");
    // A query echoed in the header is neutralised too.
    Run query = run("search", "--index", index, "Zanzibar \u202Eevil");
    assertFalse(query.out().contains("\u202E"), query.out());
  }

  @Test
  void aModelChangeRunSaysHowManyStoredArticlesItRewrote() throws IOException {
    String summits;
    try (InputStream in =
        getClass().getResourceAsStream("/dev/parley/indexer/enrich/topics/summits.json")) {
      summits = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path topics = Files.createDirectories(dir.resolve("topics"));
    Files.writeString(
        topics.resolve("meetings.json"),
        summits.replace("\"name\": \"summits\"", "\"name\": \"meetings\""));
    Path first = Files.createDirectories(dir.resolve("first"));
    for (int i = 0; i < 3; i++) {
      Files.writeString(first.resolve("a" + i + ".txt"), "date 2020-01-0" + (i + 1) + " Talks.\n");
    }
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("z.txt"), "date 2020-02-01 Leaders met at a summit.\n");
    String index = dir.resolve("m-idx").toString();
    Run plain = run("index", "--input", first.toString(), "--index", index);
    assertFalse(plain.err().contains("re-enriched"), plain.err());
    Run changed =
        run("index", "--input", other.toString(), "--index", index, "--topics", topics.toString());
    assertEquals(0, changed.code(), changed.err());
    assertTrue(
        changed.err().contains("; 3 stored articles re-enriched for the changed topic model,")
            || changed
                .out()
                .contains("; 3 stored articles re-enriched for the changed topic model,"),
        changed.out() + changed.err());
    Path third = Files.createDirectories(dir.resolve("third"));
    Files.writeString(third.resolve("y.txt"), "date 2020-03-01 More talks.\n");
    Run json =
        run(
            "index",
            "--input",
            third.toString(),
            "--index",
            index,
            "--topics",
            topics.toString(),
            "--json");
    assertEquals(0, StrictJson.parseObject(json.out()).get("reenriched").getAsInt(), json.out());
    String m2 = dir.resolve("m2").toString();
    assertEquals(0, run("index", "--input", first.toString(), "--index", m2).code());
    Run json2 =
        run(
            "index",
            "--input",
            other.toString(),
            "--index",
            m2,
            "--topics",
            topics.toString(),
            "--json");
    JsonObject summary = StrictJson.parseObject(json2.out());
    assertEquals(3, summary.get("reenriched").getAsInt(), json2.out());
    assertEquals(1, summary.get("articles").getAsInt(), json2.out());
  }

  @Test
  void anImpossibleMonthIsNamedAsSuch() throws IOException {
    Path in = Files.createDirectories(dir.resolve("dates"));
    Files.writeString(in.resolve("m.txt"), "date 2021-13-01 Bad month.\n");
    Files.writeString(in.resolve("z.txt"), "date 2021-00-10 Bad month.\n");
    Files.writeString(in.resolve("d.txt"), "date 2021-02-30 Bad day.\n");
    Files.writeString(in.resolve("ok.txt"), "date 2021-03-01 Good day.\n");
    Run r = run("index", "--input", in.toString(), "--index", dir.resolve("d-idx").toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(
        r.err().contains("impossible date 2021-13-01: no month 13 (months are 01-12)"), r.err());
    assertTrue(
        r.err().contains("impossible date 2021-00-10: no month 00 (months are 01-12)"), r.err());
    assertTrue(r.err().contains("impossible date 2021-02-30: no such day"), r.err());
    Run since = run("search", "--index", seed, "--since", "2021-13-01", "talks");
    assertEquals(2, since.code());
    assertTrue(
        since
            .err()
            .startsWith(
                "parley search: --since must be a day that exists, got: 2021-13-01 (no month 13;"
                    + " months are 01-12)"),
        since.err());
  }

  @Test
  void searchOptionsTheLibraryRejectsAreUsageErrorsWithTheHelpHint() {
    Run dates =
        run("search", "--index", seed, "--since", "2020-02-01", "--until", "2020-01-01", "x");
    assertEquals(2, dates.code());
    assertEquals(
        "parley search: --since 2020-02-01 is after --until 2020-01-01: give the earlier day to"
            + " --since (see: parley search --help)\n",
        dates.err());
    Run sameDay =
        run("search", "--index", seed, "--since", "2020-01-01", "--until", "2020-01-01", "talks");
    assertEquals(0, sameDay.code(), sameDay.err());

    Run longQuery = run("search", "--index", seed, "x".repeat(1001));
    assertEquals(2, longQuery.code());
    assertEquals(
        "parley search: query is 1001 characters long, at most 1000 (see: parley search --help)\n",
        longQuery.err());

    List<String> manyTopics = new ArrayList<>(List.of("search", "--index", seed));
    for (int i = 0; i <= SearchRequest.MAX_FILTERS; i++) {
      manyTopics.addAll(List.of("--topic", "t" + i));
    }
    Run topics = run(manyTopics.toArray(String[]::new));
    assertEquals(2, topics.code());
    assertEquals(
        "parley search: --topic given 21 times, at most 20 (see: parley search --help)\n",
        topics.err());
    List<String> manyEntities = new ArrayList<>(List.of("search", "--index", seed, "talks"));
    for (int i = 0; i < 25; i++) {
      manyEntities.addAll(List.of("--entity", "iran"));
    }
    assertEquals(
        "parley search: --entity given 25 times, at most 20 (see: parley search --help)\n",
        run(manyEntities.toArray(String[]::new)).err());
    Run huge = run("search", "--index", seed, "--k", "99999999999", "talks");
    assertEquals(2, huge.code());
    assertEquals(
        "parley search: --k is too large, got: 99999999999 (see: parley search --help)\n",
        huge.err());
  }

  @Test
  void anEmptyIdToDeleteIsNamedInItsRejection() throws IOException {
    Path idx = dir.resolve("empty-id");
    assertEquals(0, run("index", "--input", "seeds", "--index", idx.toString()).code());
    Run r = run("index", "--delete", "", "--index", idx.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("rejected \"\" (an empty id): article id is empty"), r.err());
  }
}
