package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./parley} launcher (run by failsafe after {@code package}, so the jar is current):
 * relative paths mean the caller's directory, and nothing it prints to a non-terminal carries an
 * ANSI escape code.
 */
class LauncherIT {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  Result launch(String... args) throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(List.of("bash", Path.of("parley").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void relativePathsAreTheCallersAndNothingIsColoured() throws Exception {
    Files.writeString(
        dir.resolve("a.txt"), "date 2020-07-09 The envoy landed in Doha for talks.\n");
    Result index = launch("index", "--input", "a.txt", "--index", "idx");
    assertEquals(0, index.code(), index.err());
    assertTrue(Files.isDirectory(dir.resolve("idx")), "the index is in the caller's directory");
    assertTrue(index.out().startsWith("indexed 1 articles into idx"), index.out());
    Result search = launch("search", "--index", "idx", "Doha");
    assertEquals(0, search.code(), search.err());
    assertTrue(search.out().contains("[Doha]"), search.out());
    Result bad = launch("search", "--index", "idx", "--k", "zero", "Doha");
    assertEquals(2, bad.code());
    assertEquals(1, bad.err().lines().count(), bad.err());
    for (Result r : List.of(index, search, bad)) {
      assertFalse(r.out().contains("\u001b"), r.out());
      assertFalse(r.err().contains("\u001b"), r.err());
    }
  }
}
