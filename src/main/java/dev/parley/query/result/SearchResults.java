package dev.parley.query.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to one search.
 *
 * <p>Counting follows Lucene's {@code TotalHits}: exact up to a threshold of matching passages
 * (1000), a lower bound beyond it ({@link #totalHitsRelation()}), so that counting never forces a
 * search to visit every match.
 *
 * @param query the query text as given
 * @param totalHits how many hits the whole ranked list holds, after the per-article limit and
 *     folding: exactly what {@code offset} pages through (the last page ends at {@code totalHits})
 * @param totalHitsRelation whether the three counts are exact or lower bounds
 * @param ownTextHits of {@code totalHits}, how many hold a query word (or phrase) in the passage's
 *     own text; the others match only through their article's context (its title and lead), which
 *     Parley searches too, with a lower weight, or (hybrid search) were found by meaning alone.
 *     Equal to {@code totalHits} when browsing
 * @param matchingPassages how many passages matched, before the per-article limit and folding; like
 *     {@code totalHits} a lower bound when the relation is {@link
 *     Relation#GREATER_THAN_OR_EQUAL_TO} (Lucene stops counting past 1000 matches, and how far past
 *     depends on how much it could skip)
 * @param hits the requested page of hits, best first
 * @param facets when requested, counts over all matching passages by dimension ({@code topic},
 *     {@code entity}, {@code month}), else empty
 * @param partial true when the search reached its time limit: the hits, counts and facets are those
 *     found until then, not necessarily the best
 * @param order how the list is ordered, and so what a hit's score means
 */
public record SearchResults(
    String query,
    long totalHits,
    Relation totalHitsRelation,
    long ownTextHits,
    long matchingPassages,
    List<Hit> hits,
    Map<String, List<FacetCount>> facets,
    boolean partial,
    Order order) {

  /** Whether a count is exact; named as in Lucene's {@code TotalHits.Relation}. */
  public enum Relation {
    /** The count is exact ({@code "eq"} in JSON). */
    EQUAL_TO,
    /** The count is a lower bound ({@code "gte"} in JSON). */
    GREATER_THAN_OR_EQUAL_TO;

    /** The JSON form: {@code "eq"} or {@code "gte"}. */
    public String json() {
      return this == EQUAL_TO ? "eq" : "gte";
    }
  }

  /** How the hits are ordered. */
  public enum Order {
    /**
     * By score, highest first, ties by passage id: a search with query words, or a browse with a
     * recency half-life (the score is then the recency weight).
     */
    RELEVANCE,
    /**
     * By article date, newest first, ties by passage id: a browse without query words or topics (an
     * empty query, exclusions only, or entity and date filters alone). Every score is 0.
     */
    NEWEST,
    /**
     * A topic browse (topics without query words): by topic score, but each pick is discounted for
     * every passage of the same date already listed, so the list spreads over dates and the scores
     * (the undiscounted topic scores) are not in descending order.
     */
    TOPIC;

    /** The JSON form: the name in lower case. */
    public String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Validates the values and copies the collections (keeping dimension order). */
  public SearchResults {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(totalHitsRelation, "totalHitsRelation");
    Objects.requireNonNull(order, "order");
    if (totalHits < 0 || ownTextHits < 0 || ownTextHits > totalHits || matchingPassages < 0) {
      throw new IllegalArgumentException(
          "counts must satisfy 0 <= ownTextHits <= totalHits, got: "
              + ownTextHits
              + ", "
              + totalHits);
    }
    hits = List.copyOf(hits);
    Map<String, List<FacetCount>> copy = new LinkedHashMap<>();
    facets.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    facets = Collections.unmodifiableMap(copy);
  }

  /** Complete, exactly counted results ordered by relevance, every hit matching in its own text. */
  public SearchResults(
      String query, long totalHits, List<Hit> hits, Map<String, List<FacetCount>> facets) {
    this(
        query,
        totalHits,
        Relation.EQUAL_TO,
        totalHits,
        totalHits,
        hits,
        facets,
        false,
        Order.RELEVANCE);
  }

  /** Complete, exactly counted results without facets, ordered by relevance. */
  public SearchResults(String query, long totalHits, List<Hit> hits) {
    this(query, totalHits, hits, Map.of());
  }
}
