package dev.parley.indexer.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the articles in one file. Implementations report each article or rejection to the sink and
 * throw only when the file cannot be read at all.
 */
@FunctionalInterface
public interface ArticleParser {
  /**
   * Parses {@code file}.
   *
   * @throws IOException if the file cannot be opened or read
   */
  void parse(Path file, ArticleSink sink) throws IOException;
}
