package dev.parley.query.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to one search.
 *
 * @param query the query text as given
 * @param totalHits how many passages matched (before the per-article limit)
 * @param hits the requested page of hits, best first
 * @param facets when requested, counts over all matching passages by dimension ({@code topic},
 *     {@code entity}, {@code month}), else empty
 * @param partial true when the search reached its time limit: the hits, counts and facets are those
 *     found until then, not necessarily the best
 */
public record SearchResults(
    String query,
    long totalHits,
    List<Hit> hits,
    Map<String, List<FacetCount>> facets,
    boolean partial) {
  /** Validates the values and copies the collections (keeping dimension order). */
  public SearchResults {
    Objects.requireNonNull(query, "query");
    hits = List.copyOf(hits);
    Map<String, List<FacetCount>> copy = new LinkedHashMap<>();
    facets.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    facets = Collections.unmodifiableMap(copy);
  }

  /** Complete results (not cut short by the time limit). */
  public SearchResults(
      String query, long totalHits, List<Hit> hits, Map<String, List<FacetCount>> facets) {
    this(query, totalHits, hits, facets, false);
  }

  /** Complete results without facets. */
  public SearchResults(String query, long totalHits, List<Hit> hits) {
    this(query, totalHits, hits, Map.of(), false);
  }
}
