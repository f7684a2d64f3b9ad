package dev.parley.examples;

import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.SearchResults;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

public class ReadmeFilters {
  public static void main(String[] args) throws IOException {
    try (Searcher searcher = Searcher.open(Path.of(args.length > 0 ? args[0] : "index"))) {
      SearchRequest request =
          SearchRequest.builder("talks")
              .addTopic("sanctions")
              .addEntity("DPRK")
              .withSince(LocalDate.of(2019, 1, 1))
              .withFacets(true)
              .build();
      SearchResults results = searcher.search(request);
      System.out.println(results.totalHits() + " hits; facets: " + results.facets());
    }
  }
}
