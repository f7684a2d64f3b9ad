package dev.parley.examples;

import dev.parley.indexer.Indexer;
import dev.parley.indexer.IngestReport;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Quick start: index the seed articles into a temporary directory, search, print. */
public final class QuickStart {
  private QuickStart() {}

  /** Indexes {@code articles} into {@code indexDir} and returns the top hits for {@code query}. */
  public static List<Hit> run(Path articles, Path indexDir, String query) throws IOException {
    try (Indexer indexer = Indexer.builder(indexDir).build()) {
      IngestReport report = indexer.index(List.of(articles));
      if (!report.ok()) {
        throw new IOException("some articles were rejected: " + report.rejected());
      }
    }
    try (Searcher searcher = Searcher.open(indexDir)) {
      return searcher.search(SearchRequest.builder(query).withK(3).build()).hits();
    }
  }

  /** Prints the top three passages about the summit from {@code seeds/}. */
  public static void main(String[] args) throws IOException {
    Path indexDir = Files.createTempDirectory("parley-quickstart");
    for (Hit hit : run(Path.of("seeds"), indexDir, "second summit")) {
      System.out.printf(
          "%d. %s (%.2f)%n   %s%n", hit.rank(), hit.passageId(), hit.score(), hit.snippet());
    }
  }
}
