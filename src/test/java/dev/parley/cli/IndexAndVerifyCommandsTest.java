package dev.parley.cli;

import static dev.parley.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.parley.cli.MainTest.Run;
import dev.parley.testutil.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index --delete/--prune}, re-runs, and {@code verify}: exit codes and exact lines. */
class IndexAndVerifyCommandsTest {
  @TempDir Path dir;

  private String input() throws IOException {
    Files.createDirectories(dir.resolve("in"));
    Files.writeString(dir.resolve("in/a.txt"), "date 2020-01-01 Alpha.\n\nMore alpha.\n");
    Files.writeString(dir.resolve("in/b.txt"), "date 2020-01-02 Bravo.\n");
    return dir.resolve("in").toString();
  }

  @Test
  void embedReportsWhatItEmbeddedAndOnlyARerunHasARest() throws IOException {
    // Reviewer finding: the first --embed run said "(the rest kept their vectors)" with no rest.
    String index = dir.resolve("vectors").toString();
    String in = input();
    Run first = run("index", "--input", in, "--index", index, "--embed", "e5-small-v2");
    assertEquals(0, first.code(), first.err());
    assertTrue(
        first
            .err()
            .contains(
                "embedded 3 passages with e5-small-v2 (384 dimensions, 1.11.0-beta19)"
                    + System.lineSeparator()),
        first.err());
    assertFalse(first.err().contains("kept"), first.err());
    Files.writeString(dir.resolve("in/c.txt"), "date 2020-01-03 Charlie.\n");
    Run second = run("index", "--input", in, "--index", index);
    assertEquals(0, second.code(), second.err());
    assertTrue(
        second
            .err()
            .contains(
                "embedded 1 passages with e5-small-v2 (384 dimensions, 1.11.0-beta19) (2 unchanged"
                    + " articles kept their vectors)"),
        second.err());
    Files.writeString(dir.resolve("in/b.txt"), "date 2020-01-02 Bravo again.\n");
    Files.delete(dir.resolve("in/a.txt"));
    Run third = run("index", "--input", in, "--index", index);
    assertEquals(0, third.code(), third.err());
    assertTrue(third.err().contains("(1 unchanged article kept its vectors)"), third.err());
  }

  @Test
  void rerunReportsUnchangedAndJsonOnlyAddsFields() throws IOException {
    String index = dir.resolve("idx").toString();
    String in = input();
    assertEquals(0, run("index", "--input", in, "--index", index).code());
    Run again = run("index", "--input", in, "--index", index, "--json");
    assertEquals(0, again.code(), again.err());
    JsonObject json = StrictJson.parseObject(again.out());
    assertEquals(
        new TreeSet<>(
            Set.of(
                "index",
                "articles",
                "passages",
                "skipped",
                "inputBytes",
                "seconds",
                "reenriched",
                "rejected",
                "unchanged",
                "deleted",
                "pruned")),
        new TreeSet<>(json.keySet()));
    assertEquals(
        List.of(0, 2, 0, 0),
        List.of(
            json.get("articles").getAsInt(),
            json.get("unchanged").getAsInt(),
            json.get("deleted").getAsInt(),
            json.get("pruned").getAsInt()));
  }

  @Test
  void pruneAndDelete() throws IOException {
    String index = dir.resolve("idx").toString();
    String in = input();
    run("index", "--input", in, "--index", index);
    Files.delete(dir.resolve("in/b.txt"));
    Run prune = run("index", "--input", in, "--index", index, "--prune");
    assertEquals(0, prune.code(), prune.err());
    assertTrue(
        prune
            .out()
            .startsWith(
                "indexed 0 articles into "
                    + index
                    + ": 0 passages, 0 rejected, 0 other files skipped, 1 unchanged, 1 pruned, "),
        prune.out());

    Run delete = run("index", "--delete", "a", "zz", "--index", index);
    assertEquals(1, delete.code());
    assertEquals("deleted 1 articles from " + index + ", 1 rejected\n", delete.out());
    assertEquals(
        "rejected zz: no article with this id in the index, nothing deleted\n", delete.err());

    Run verify = run("verify", "--index", index);
    assertEquals(0, verify.code(), verify.out() + verify.err());
    assertEquals(
        "index "
            + index
            + " is sound: 0 articles, 0 passages; CheckIndex clean, manifest matches\n",
        verify.out());
  }

  @Test
  void deleteWithInputIsAUsageError() {
    Run r = run("index", "--delete", "a", "--input", "seeds", "--index", dir.toString());
    assertEquals(2, r.code());
    assertEquals(
        "parley index: --delete cannot be combined with --input or --prune: run them one after the"
            + " other (see: parley index --help)\n",
        r.err());
  }

  @Test
  void verifyExitsOneOnADamagedIndexWithOneLinePerProblem() throws IOException {
    String index = dir.resolve("idx").toString();
    run("index", "--input", input(), "--index", index);
    // The contract check: a stray commit-like file and the segment infos gone.
    Files.writeString(dir.resolve("idx/segments_zz_not_a_segment"), "garbage\n");
    try (var files = Files.list(dir.resolve("idx"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".si")).toList()) {
        Files.delete(f);
      }
    }
    Run r = run("verify", "--index", index);
    assertEquals(1, r.code());
    List<String> lines = r.out().lines().toList();
    assertEquals(
        "problem: file segments_zz_not_a_segment is named like a commit (segments_N) but is not"
            + " one: Lucene cannot open the index while it is there",
        lines.get(0));
    assertTrue(lines.stream().allMatch(l -> l.startsWith("problem: ")), r.out());
    assertEquals(
        "parley verify: index "
            + index
            + " is not sound ("
            + lines.size()
            + " problems above): re-index into a new directory\n",
        r.err());
    assertFalse(r.out().contains("\tat "), "no stack trace");

    Run json = run("verify", "--index", index, "--json");
    assertEquals(1, json.code());
    JsonObject o = StrictJson.parseObject(json.out());
    assertFalse(o.get("sound").getAsBoolean());
    assertEquals(lines.size(), o.getAsJsonArray("problems").size());
  }

  @Test
  void verifyWithoutAnIndexExitsTwo() {
    Run r = run("verify", "--index", dir.resolve("none").toString());
    assertEquals(2, r.code());
    assertEquals(
        "parley verify: no index at "
            + dir.resolve("none")
            + ": create one with: parley index --input DIR --index "
            + dir.resolve("none")
            + "\n",
        r.err());
  }
}
