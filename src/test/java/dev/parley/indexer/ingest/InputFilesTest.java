package dev.parley.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir Path dir;

  @Test
  void listsArticlesRecursivelyInNameOrderAndSkipsOthers() throws IOException {
    Files.createDirectories(dir.resolve("b/sub"));
    for (String f :
        List.of("b/z.txt", "b/a.jsonl", "b/sub/m.txt", "a.txt", "index.tsv", ".hidden.txt")) {
      Files.writeString(dir.resolve(f), "x");
    }
    InputFiles.Listing listing = InputFiles.list(List.of(dir, dir.resolve("missing")));
    assertEquals(
        List.of(
            dir.resolve("a.txt"),
            dir.resolve("b/a.jsonl"),
            dir.resolve("b/sub/m.txt"),
            dir.resolve("b/z.txt")),
        listing.articles());
    assertEquals(List.of(dir.resolve(".hidden.txt"), dir.resolve("index.tsv")), listing.skipped());
    assertEquals(1, listing.problems().size());
    assertEquals("no such file or directory", listing.problems().get(0).reason());
  }

  @Test
  void symbolicLinkLoopEnds() throws IOException {
    Files.createDirectories(dir.resolve("d"));
    Files.writeString(dir.resolve("d/one.txt"), "x");
    Files.createSymbolicLink(dir.resolve("d/loop"), dir.resolve("d"));
    InputFiles.Listing listing = InputFiles.list(List.of(dir));
    assertEquals(List.of(dir.resolve("d/one.txt")), listing.articles());
    assertTrue(listing.problems().get(0).reason().contains("symbolic link loop"));
  }

  @Test
  void sourceFileDropsTheLineNumberOfJsonLinesOnly() {
    assertEquals(Path.of("d/a.jsonl"), InputFiles.sourceFile("d/a.jsonl:12"));
    assertEquals(Path.of("d/a.txt"), InputFiles.sourceFile("d/a.txt"));
    assertEquals(Path.of("d/odd:3.txt"), InputFiles.sourceFile("d/odd:3.txt"));
    assertEquals(Path.of("d/a.jsonl:x"), InputFiles.sourceFile("d/a.jsonl:x"));
  }
}
