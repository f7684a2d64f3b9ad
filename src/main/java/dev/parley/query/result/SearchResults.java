package dev.parley.query.result;

import java.util.List;
import java.util.Objects;

/**
 * The answer to one search.
 *
 * @param query the query text as given
 * @param totalHits how many passages matched (before the per-article limit)
 * @param hits the requested page of hits, best first
 */
public record SearchResults(String query, long totalHits, List<Hit> hits) {
  /** Validates the values and copies the list. */
  public SearchResults {
    Objects.requireNonNull(query, "query");
    hits = List.copyOf(hits);
  }
}
