package dev.parley.cli;

import static dev.parley.cli.CliRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * {@code index --topics DIR} scores an app's own topics beside the built-in ones, and no run
 * without them (indexing or deleting) may silently drop them from an index that holds them.
 */
class IndexTopicsOptionTest {
  @TempDir Path dir;

  /** A trained topic file: the shipped summits model under another name. */
  private Path topicsDir() throws IOException {
    String summits;
    try (InputStream in =
        getClass().getResourceAsStream("/dev/parley/indexer/enrich/topics/summits.json")) {
      summits = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path topics = Files.createDirectories(dir.resolve("topics"));
    Files.writeString(
        topics.resolve("meetings.json"),
        summits.replace("\"name\": \"summits\"", "\"name\": \"meetings\""));
    return topics;
  }

  @Test
  void anAppTopicIsIndexedSearchedAndNeverDroppedSilently() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(
        in.resolve("a.txt"), "date 2020-01-01 Trump and Kim held a summit in Hanoi.\n");
    Files.writeString(in.resolve("b.txt"), "date 2020-01-02 Wheat prices fell in Chicago.\n");
    String index = dir.resolve("idx").toString();
    String topics = topicsDir().toString();

    assertEquals(
        0, run("index", "--input", in.toString(), "--index", index, "--topics", topics).code());
    Run browse = run("search", "--index", index, "--topic", "meetings", "--k", "1");
    assertEquals(0, browse.code(), browse.err());
    assertTrue(browse.out().contains("a#0-0"), browse.out());

    String refused =
        "parley index: index "
            + index
            + " holds the topic meetings that this run would drop from every passage: pass"
            + " --topics DIR with their topic files (the built-in topics are always included)";
    Run again = run("index", "--input", in.toString(), "--index", index);
    assertEquals(2, again.code());
    assertTrue(again.err().startsWith(refused), again.err());
    Run delete = run("index", "--delete", "b", "--index", index);
    assertEquals(2, delete.code());
    assertTrue(delete.err().startsWith(refused), delete.err());

    Run still = run("search", "--index", index, "--topic", "meetings", "--k", "1");
    assertEquals(0, still.code(), still.err());
    assertTrue(still.out().contains("a#0-0"), still.out());
    assertEquals(0, run("index", "--delete", "b", "--index", index, "--topics", topics).code());
  }

  @Test
  void topicsMustBeADirectoryOfTopicFiles() {
    Run run =
        run(
            "index",
            "--input",
            "seeds",
            "--index",
            dir.resolve("i").toString(),
            "--topics",
            dir.resolve("nope").toString());
    assertEquals(2, run.code());
    assertTrue(
        run.err().startsWith("parley index: --topics must be a directory of topic files, got: "),
        run.err());
  }
}
