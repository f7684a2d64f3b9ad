package dev.parley.query;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to search for. Build with {@link #of(String)} or {@link #builder(String)}.
 *
 * @param query the query text in Parley's simple syntax (words, {@code "phrases"}, {@code
 *     -exclusions}, {@code OR}); empty browses all passages, newest first
 * @param k how many hits to return, 1 to {@value #MAX_K}
 * @param offset how many hits to skip first (pagination), 0 to {@value #MAX_OFFSET}
 * @param since earliest article date, inclusive, or {@code null}
 * @param until latest article date, inclusive, or {@code null}
 * @param perArticle at most this many passages of one article in the list; 0 for no limit
 * @param match how query clauses combine
 * @param explain whether each hit carries Lucene's score explanation
 */
public record SearchRequest(
    String query,
    int k,
    int offset,
    LocalDate since,
    LocalDate until,
    int perArticle,
    MatchMode match,
    boolean explain) {

  /** Largest {@code k}. */
  public static final int MAX_K = 1000;

  /** Largest {@code offset}. */
  public static final int MAX_OFFSET = 10_000;

  /** Longest query text, in characters. */
  public static final int MAX_QUERY_CHARS = 1000;

  /** Validates the values, quoting the bad one. */
  public SearchRequest {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(match, "match");
    if (query.length() > MAX_QUERY_CHARS) {
      throw new IllegalArgumentException(
          "query is " + query.length() + " characters long, at most " + MAX_QUERY_CHARS);
    }
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be in [1, " + MAX_K + "], got: " + k);
    }
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new IllegalArgumentException(
          "offset must be in [0, " + MAX_OFFSET + "], got: " + offset);
    }
    if (perArticle < 0) {
      throw new IllegalArgumentException("perArticle must be >= 0, got: " + perArticle);
    }
    if (since != null && until != null && since.isAfter(until)) {
      throw new IllegalArgumentException("since " + since + " is after until " + until);
    }
  }

  /** A request with the defaults: top 10, at most 2 passages per article. */
  public static SearchRequest of(String query) {
    return builder(query).build();
  }

  /** Starts a request for {@code query}. */
  public static Builder builder(String query) {
    return new Builder(query);
  }

  /** Builds a {@link SearchRequest}. Not thread-safe. */
  public static final class Builder {
    private final String query;
    private int k = 10;
    private int offset;
    private LocalDate since;
    private LocalDate until;
    private int perArticle = 2;
    private MatchMode match = MatchMode.ANY;
    private boolean explain;

    private Builder(String query) {
      this.query = Objects.requireNonNull(query, "query");
    }

    /** How many hits; default 10. */
    public Builder withK(int k) {
      this.k = k;
      return this;
    }

    /** How many hits to skip (for page p of size k, {@code p * k}); default 0. */
    public Builder withOffset(int offset) {
      this.offset = offset;
      return this;
    }

    /** Earliest article date, inclusive. */
    public Builder withSince(LocalDate since) {
      this.since = since;
      return this;
    }

    /** Latest article date, inclusive. */
    public Builder withUntil(LocalDate until) {
      this.until = until;
      return this;
    }

    /** At most this many passages per article; default 2; 0 for no limit. */
    public Builder withPerArticle(int perArticle) {
      this.perArticle = perArticle;
      return this;
    }

    /** How clauses combine; default {@link MatchMode#ANY}. */
    public Builder withMatch(MatchMode match) {
      this.match = match;
      return this;
    }

    /** Whether hits carry score explanations; default false. */
    public Builder withExplain(boolean explain) {
      this.explain = explain;
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException if a value is out of range, naming it
     */
    public SearchRequest build() {
      return new SearchRequest(query, k, offset, since, until, perArticle, match, explain);
    }
  }
}
