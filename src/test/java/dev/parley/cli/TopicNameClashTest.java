package dev.parley.cli;

import static dev.parley.cli.CliRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.cli.CliRuns.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topic file may not silently replace another topic: a file named like a built-in topic is
 * refused where it would be scored beside the built-ins ({@code index --topics}), and two files of
 * one topic name are refused everywhere ({@code index}, {@code classify}, {@code tune-topics}),
 * each with one line naming the file. Lines with nothing to score are skipped with a note.
 */
class TopicNameClashTest {
  @TempDir Path dir;

  /** One line: the message, then at most the usage errors' pointer to --help. */
  private static void assertStartsWith(String expected, String err) {
    assertTrue(err.startsWith(expected), err);
    assertFalse(err.contains("\n"), err);
  }

  private static String shippedSummits() throws IOException {
    try (InputStream in =
        TopicNameClashTest.class.getResourceAsStream(
            "/dev/parley/indexer/enrich/topics/summits.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A trained topic file named {@code name}, written as {@code file} in {@code topics}. */
  private static Path topic(Path topics, String file, String name) throws IOException {
    Files.createDirectories(topics);
    return Files.writeString(
        topics.resolve(file),
        shippedSummits().replace("\"name\": \"summits\"", "\"name\": \"" + name + "\""));
  }

  private Path articles() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(
        in.resolve("a.txt"), "date 2020-01-01 Trump and Kim held a summit in Hanoi.\n");
    return in;
  }

  @Test
  void indexRefusesAFileNamedLikeABuiltInTopic() throws IOException {
    for (String builtIn : new String[] {"summits", "diplomacy", "sanctions"}) {
      Path topics = dir.resolve("t-" + builtIn);
      Path file = topic(topics, "arms-control.json", builtIn);
      String index = dir.resolve("idx-" + builtIn).toString();
      Run r =
          run(
              "index",
              "--input",
              articles().toString(),
              "--index",
              index,
              "--topics",
              topics.toString());
      assertEquals(2, r.code(), r.err());
      assertStartsWith(
          "parley index: "
              + file
              + ": topic name '"
              + builtIn
              + "' is a built-in topic's (built-in: diplomacy, sanctions, summits); give the"
              + " topic another \"name\"",
          r.err().strip());
      assertFalse(Files.exists(Path.of(index, "segments_1")), "nothing indexed");
    }
  }

  @Test
  void twoFilesOfOneTopicNameAreRefusedByEveryCommand() throws IOException {
    Path topics = dir.resolve("twice");
    topic(topics, "arms.json", "arms-control");
    Path second = topic(topics, "arms2.json", "arms-control");
    String expected =
        second
            + ": topic name 'arms-control' is also the name of "
            + topics.resolve("arms.json")
            + "; give each topic file its own \"name\"";
    Path texts =
        Files.writeString(
            dir.resolve("texts.jsonl"), "{\"id\": \"1\", \"text\": \"Leaders met in Rome.\"}\n");
    Run classify = run("classify", "--topics", topics.toString(), "--input", texts.toString());
    assertEquals(2, classify.code(), classify.err());
    assertStartsWith("parley classify: " + expected, classify.err().strip());
    Run index =
        run(
            "index",
            "--input",
            articles().toString(),
            "--index",
            dir.resolve("idx").toString(),
            "--topics",
            topics.toString());
    assertEquals(2, index.code(), index.err());
    assertStartsWith("parley index: " + expected, index.err().strip());
    Path labels =
        Files.writeString(
            dir.resolve("labels.jsonl"),
            "{\"id\": \"1\", \"text\": \"Leaders met in Rome.\", \"labels\": [\"arms-control\"]}\n");
    Run tune = run("tune-topics", "--topics", topics.toString(), "--labels", labels.toString());
    assertEquals(2, tune.code(), tune.err());
    assertStartsWith("parley tune-topics: " + expected, tune.err().strip());
  }

  @Test
  void classifyScoresOnlyItsOwnTopicsSoABuiltInNameIsAllowedThere() throws IOException {
    // classify --topics DIR scores DIR's topics alone (nothing is replaced): this is how a model
    // trained on topics-train alone is scored on topics-dev (scripts/quality).
    Path topics = dir.resolve("train-only");
    topic(topics, "summits.json", "summits");
    Path texts =
        Files.writeString(
            dir.resolve("texts.jsonl"), "{\"id\": \"1\", \"text\": \"Leaders met in Rome.\"}\n");
    Run r = run("classify", "--topics", topics.toString(), "--input", texts.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"summits\""), r.out());
  }

  @Test
  void classifySkipsALineWithNothingToScore() throws IOException {
    Path texts =
        Files.writeString(
            dir.resolve("texts.jsonl"),
            "{\"id\": \"a\", \"text\": \"The EU imposed sanctions on Russia.\"}\n"
                + "{\"id\": \"empty\", \"text\": \"\"}\n"
                + "{\"id\": \"spaces\", \"text\": \"   \\t \"}\n"
                + "{\"id\": \"zwsp\", \"text\": \"\\u200b\\u200b\"}\n"
                + "{\"id\": \"dots\", \"text\": \" ... \"}\n"
                + "{\"id\": \"b\", \"text\": \"Leaders met in Rome.\"}\n");
    Run r = run("classify", "--input", texts.toString());
    assertEquals(1, r.code(), r.err());
    String[] out = r.out().strip().split("\n");
    assertEquals(2, out.length, r.out());
    assertTrue(out[0].startsWith("{\"id\": \"a\"") || out[0].contains("\"id\":\"a\""), out[0]);
    assertTrue(out[1].contains("\"b\""), out[1]);
    for (int line = 2; line <= 5; line++) {
      assertTrue(
          r.err()
              .contains(
                  texts + ":" + line + ": \"text\" is empty: no words to score; line skipped"),
          r.err());
    }
  }
}
