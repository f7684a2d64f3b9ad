package dev.parley.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.tests.mockfile.FilterFileSystemProvider;
import org.apache.lucene.tests.mockfile.FilterPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input files that are listed but cannot be read are rejected with {@code cannot read: REASON} and
 * the rest is indexed. The read failures are injected through a {@link java.nio.file.FileSystem}
 * seam (Lucene's {@link FilterFileSystemProvider}) instead of {@code chmod 000}, which does not
 * stop root from reading and so never failed where the tests run (CI runs as root).
 *
 * <p>The seam fails by file name: {@code denied*} cannot be opened (permission denied), {@code
 * vanishing*} is really deleted from the disk the moment Parley opens it (the file disappears
 * between listing and reading: the operating system's own error), {@code eio*} fails with an I/O
 * error after its first bytes were read.
 */
class UnreadableInputTest {
  @TempDir Path tmp;

  /** Fails reads of files by name, as described in the class comment. */
  private static final class FailingReads extends FilterFileSystemProvider {
    FailingReads() {
      super("failing://", FileSystems.getDefault());
    }

    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
      String name = path.getFileName().toString();
      Path real = FilterPath.unwrap(path);
      if (name.startsWith("denied")) {
        throw new AccessDeniedException(path.toString());
      }
      if (name.startsWith("vanishing")) {
        Files.delete(real);
      }
      InputStream in = super.newInputStream(path, options);
      if (!name.startsWith("eio")) {
        return in;
      }
      return new FilterInputStream(in) {
        private int left = 8;

        @Override
        public int read() throws IOException {
          if (left-- <= 0) {
            throw new IOException("Input/output error");
          }
          return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (left <= 0) {
            throw new IOException("Input/output error");
          }
          int n = super.read(b, off, Math.min(len, left));
          left -= Math.max(n, 0);
          return n;
        }
      };
    }
  }

  @Test
  void filesThatCannotBeReadAreRejectedAndTheRestIsIndexed() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("input"));
    String article = "date 2019-01-10 Envoys met in Geneva.\n\nThey agreed to meet again.\n";
    for (String name :
        List.of("a-good.txt", "denied.txt", "eio.txt", "vanishing.txt", "z-good.jsonl")) {
      Files.writeString(
          dir.resolve(name),
          name.endsWith(".jsonl")
              ? "{\"id\": \"j1\", \"date\": \"2019-01-11\", \"text\": \"Talks.\"}\n"
                  + "{\"id\": \"j2\", \"date\": \"2019-01-12\", \"text\": \"More talks.\"}\n"
              : article,
          StandardCharsets.UTF_8);
    }
    Files.writeString(
        dir.resolve("eio-lines.jsonl"),
        "{\"id\": \"lost\", \"date\": \"2019-01-11\", \"text\": \"Never read.\"}\n");
    Files.writeString(dir.resolve("denied-lines.jsonl"), "{}\n");
    FileSystem failing = new FailingReads().getFileSystem(null);
    Path input = failing.getPath(dir.toString());
    Path index = tmp.resolve("index");

    IngestReport report;
    try (Indexer indexer = Indexer.builder(index).build()) {
      report = indexer.index(List.of(input));
    }

    assertEquals(
        List.of(
            new Rejection(
                dir.resolve("denied-lines.jsonl").toString(), "cannot read: permission denied"),
            new Rejection(dir.resolve("denied.txt").toString(), "cannot read: permission denied"),
            new Rejection(
                dir.resolve("eio-lines.jsonl").toString(),
                "cannot read: IOException: Input/output error"),
            new Rejection(
                dir.resolve("eio.txt").toString(), "cannot read: IOException: Input/output error"),
            new Rejection(dir.resolve("vanishing.txt").toString(), "cannot read: no such file")),
        report.rejected());
    assertEquals(3, report.articles());
    try (Searcher searcher = Searcher.open(index)) {
      List<String> ids =
          searcher
              .search(SearchRequest.builder("").withK(100).withPerArticle(0).build())
              .hits()
              .stream()
              .map(Hit::passageId)
              .sorted()
              .toList();
      assertEquals(List.of("a-good#0-0", "a-good#1-1", "j1#0-0", "j2#0-0"), ids);
    }
  }
}
