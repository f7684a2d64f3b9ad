package dev.parley.examples;

import dev.parley.indexer.Indexer;
import dev.parley.indexer.IngestReport;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import dev.parley.query.result.ResultsJson;
import dev.parley.query.result.SearchResults;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

public class ReadmeQuickStart {
  public static void main(String[] args) throws IOException {
    Path index = Path.of(args.length > 0 ? args[0] : "index");
    try (Indexer indexer = Indexer.builder(index).build()) {
      IngestReport report = indexer.index(List.of(Path.of("seeds"))); // files or directories
      report.rejected().forEach(r -> System.err.println(r.source() + ": " + r.reason()));
    }

    try (Searcher searcher = Searcher.open(index)) {
      SearchRequest request =
          SearchRequest.builder("sanctions \"North Korea\" -oil")
              .withK(10)
              .withSince(LocalDate.of(2019, 1, 1))
              .withPerArticle(2)
              .build();
      SearchResults results = searcher.search(request);
      for (Hit hit : results.hits()) {
        System.out.println(hit.rank() + " " + hit.passageId() + " " + hit.snippet());
      }
      System.out.println(ResultsJson.toJson(results)); // the JSON shown below
    }
  }
}
