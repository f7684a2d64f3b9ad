package dev.parley.examples;

import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import dev.parley.query.result.SearchResults;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/** Filtered search: a date range and at most N passages per article. */
public final class FilteredSearch {
  private FilteredSearch() {}

  /**
   * Passages about {@code query} dated {@code since..until}, at most {@code perArticle} per
   * article.
   */
  public static SearchResults search(
      Path indexDir, String query, LocalDate since, LocalDate until, int perArticle)
      throws IOException {
    try (Searcher searcher = Searcher.open(indexDir)) {
      SearchRequest request =
          SearchRequest.builder(query)
              .withSince(since)
              .withUntil(until)
              .withPerArticle(perArticle)
              .withK(10)
              .build();
      return searcher.search(request);
    }
  }

  /** Prints North Korea passages from January 2019 in {@code index/}, one per article. */
  public static void main(String[] args) throws IOException {
    SearchResults results =
        search(
            Path.of("index"),
            "North Korea",
            LocalDate.of(2019, 1, 1),
            LocalDate.of(2019, 1, 31),
            1);
    System.out.println(results.totalHits() + " matching passages");
    for (Hit hit : results.hits()) {
      System.out.println(
          hit.rank() + ". " + hit.date() + " " + hit.passageId() + ": " + hit.snippet());
    }
  }
}
