package dev.parley.indexer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The child process of {@link KillTest}: opens an indexer, says {@code open} on stdout once it
 * holds the index's write lock, indexes the input, and exits 0 unless it is killed first.
 *
 * <p>Arguments: index directory, input directory, commit every N articles.
 */
final class KillTestIndexing {
  private KillTestIndexing() {}

  public static void main(String[] args) throws IOException {
    Path index = Path.of(args[0]);
    Path input = Path.of(args[1]);
    int commitEvery = Integer.parseInt(args[2]);
    try (Indexer indexer = Indexer.builder(index).withCommitEvery(commitEvery).build()) {
      System.out.println("open");
      System.out.flush();
      IngestReport report = indexer.index(List.of(input));
      System.out.println(
          "done " + report.articles() + " written, " + report.unchanged() + " unchanged");
    }
  }
}
