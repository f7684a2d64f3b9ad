package dev.parley.bench;

import dev.parley.indexer.Article;
import dev.parley.indexer.Paragraph;
import dev.parley.indexer.ingest.InputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQLite FTS5 loader that {@code bench --whole-process} runs as a child JVM beside {@code
 * parley index}: reads the same files itself (Parley's parsers), one row per paragraph, into a
 * contentless {@code fts5} table ({@code tokenize='porter unicode61'}) in one transaction, then
 * {@code optimize}. See {@link Fts5Baseline}.
 *
 * <p>Usage: {@code java -cp parley.jar dev.parley.bench.Fts5Loader DB_FILE INPUT...}.
 */
public final class Fts5Loader {
  private Fts5Loader() {}

  /**
   * Loads the inputs into a new database file; prints the paragraph count.
   *
   * @throws IOException on a read or SQLite error
   */
  public static void main(String[] args) throws IOException {
    Path db = Path.of(args[0]);
    List<Path> inputs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      inputs.add(Path.of(args[i]));
    }
    long paragraphs = 0;
    try (Fts5Baseline fts5 = new Fts5Baseline(db)) {
      for (Path file : InputFiles.list(inputs).articles()) {
        for (Article article : Benchmark.parse(file)) {
          for (Paragraph p : article.paragraphs()) {
            fts5.add(p.text());
            paragraphs++;
          }
        }
      }
      fts5.finish();
    }
    System.out.println(paragraphs);
  }
}
