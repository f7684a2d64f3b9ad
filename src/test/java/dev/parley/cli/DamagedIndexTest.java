package dev.parley.cli;

import static dev.parley.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.cli.MainTest.Run;
import dev.parley.query.Searcher;
import dev.parley.schema.DamagedIndexException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every command that opens an index answers a damaged one with one line that names the index and
 * points to {@code parley verify}, for several kinds of damage; never Lucene's bare internals
 * ({@code For input string: "zz_not_a_segment" under radix 36}) or a stack trace.
 */
class DamagedIndexTest {
  @TempDir Path dir;

  /** Ways an index directory gets damaged. */
  enum Damage {
    /** The contract check's: a stray commit-like file, and the segment infos gone. */
    STRAY_COMMIT_FILE {
      @Override
      void apply(Path index) throws IOException {
        Files.writeString(index.resolve("segments_zz_not_a_segment"), "garbage\n");
        for (Path f : files(index, ".si")) {
          Files.delete(f);
        }
      }
    },
    /** The commit file cut short (a crash of the disk, not of Lucene). */
    TRUNCATED_COMMIT {
      @Override
      void apply(Path index) throws IOException {
        truncate(files(index, "segments_").get(0), 20);
      }
    },
    /** A segment's data file cut short. */
    TRUNCATED_SEGMENT {
      @Override
      void apply(Path index) throws IOException {
        truncate(biggest(index), 1000);
      }
    },
    /** A segment's data file deleted. */
    MISSING_SEGMENT_FILE {
      @Override
      void apply(Path index) throws IOException {
        Files.delete(biggest(index));
      }
    },
    /** Segment info emptied. */
    EMPTY_SEGMENT_INFO {
      @Override
      void apply(Path index) throws IOException {
        Files.write(files(index, ".si").get(0), new byte[0]);
      }
    };

    abstract void apply(Path index) throws IOException;

    static List<Path> files(Path index, String part) throws IOException {
      try (Stream<Path> s = Files.list(index)) {
        return s.filter(p -> p.getFileName().toString().contains(part)).sorted().toList();
      }
    }

    static Path biggest(Path index) throws IOException {
      try (Stream<Path> s = Files.list(index)) {
        return s.max(
                (a, b) -> {
                  try {
                    return Long.compare(Files.size(a), Files.size(b));
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                })
            .orElseThrow();
      }
    }

    static void truncate(Path f, int bytes) throws IOException {
      byte[] all = Files.readAllBytes(f);
      Files.write(f, java.util.Arrays.copyOf(all, Math.min(bytes, all.length / 2)));
    }
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void everyCommandThatOpensTheIndexPointsToVerify(Damage damage) throws IOException {
    Path index = dir.resolve("idx");
    assertEquals(0, run("index", "--input", "seeds", "--index", index.toString()).code());
    damage.apply(index);
    Path queries = Files.writeString(dir.resolve("q.tsv"), "q1\tsummit\n");
    Path qrels = Files.writeString(dir.resolve("qrels"), "q1 0 x#0-0 1\n");
    String i = index.toString();
    List<List<String>> commands =
        List.of(
            List.of("search", "--index", i, "summit"),
            List.of("search", "--index", i, "--json", ""),
            List.of("stats", "--index", i),
            List.of("stats", "--index", i, "--json"),
            List.of(
                "batch",
                "--index",
                i,
                "--queries",
                queries.toString(),
                "--run",
                dir.resolve("r.trec").toString()),
            List.of(
                "eval", "--index", i, "--queries", queries.toString(), "--qrels", qrels.toString()),
            List.of("index", "--input", "seeds", "--index", i),
            List.of("index", "--delete", "x", "--index", i));
    for (List<String> command : commands) {
      Run r = run(command.toArray(String[]::new));
      String where = damage + " " + command + ": " + r.err();
      assertEquals(2, r.code(), where);
      assertEquals(1, r.err().lines().count(), where);
      assertTrue(
          r.err()
              .startsWith(
                  "parley "
                      + command.get(0)
                      + ": index "
                      + i
                      + " cannot be read, it may be damaged ("),
          where);
      assertTrue(
          r.err()
              .endsWith(
                  "): run parley verify --index "
                      + i
                      + " for a full report, then re-index into a new directory\n"),
          where);
      assertFalse(r.err().contains("\tat "), where);
    }
    Run verify = run("verify", "--index", i);
    assertEquals(1, verify.code(), damage + ": verify reports the damage");
    assertThrows(DamagedIndexException.class, () -> Searcher.open(index).close());
  }
}
