package dev.parley.query;

import dev.parley.query.build.SimpleQuery;
import dev.parley.query.result.Unit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to search for. Build with {@link #of(String)} or {@link #builder(String)}.
 *
 * @param query the query text in Parley's simple syntax (words, {@code "phrases"}, {@code
 *     -exclusions}, {@code OR}); empty browses all passages, newest first (or by topic score when
 *     topics are given)
 * @param k how many hits to return, 1 to {@value #MAX_K}
 * @param offset how many hits to skip first (pagination), 0 to {@value #MAX_OFFSET}
 * @param since earliest article date, inclusive, or {@code null}
 * @param until latest article date, inclusive, or {@code null}
 * @param perArticle at most this many passages of one article in the list; 0 for no limit
 * @param match how query clauses combine
 * @param explain whether each hit carries Lucene's score explanation
 * @param topics topics to rank by, in any case ({@code Sanctions} is {@code sanctions}; stored in
 *     lower case): with query text, their scores are added to text relevance; without, passages
 *     labelled with them are ranked by topic score, diversified across articles and dates
 * @param entities entities every hit must mention (canonical ids or aliases)
 * @param topicFilter topics a hit must be labelled with, at least one of them (any case): this
 *     narrows the list, where {@code topics} ranks it; empty keeps every passage
 * @param recencyHalfLifeDays when above 0, scores are multiplied by {@code 2^(-age/halfLife)}, age
 *     in days before the newest article in the index
 * @param facets whether to count topics, entities and months over all matching passages
 * @param collapse whether near-identical passages (the same wire paragraph in several stories) are
 *     folded into one hit that lists the other articles
 * @param dense whether to fuse dense vectors into the ranking when the index has them (default
 *     true; false ranks by the lexical first stage alone)
 * @param unit what a hit stands for: a passage (default) or an article (one hit per article; the
 *     per-article limit and folding then do not apply)
 */
public record SearchRequest(
    String query,
    int k,
    int offset,
    LocalDate since,
    LocalDate until,
    int perArticle,
    MatchMode match,
    boolean explain,
    List<String> topics,
    List<String> entities,
    List<String> topicFilter,
    int recencyHalfLifeDays,
    boolean facets,
    boolean collapse,
    boolean dense,
    Unit unit) {

  /** Largest {@code k}. */
  public static final int MAX_K = 1000;

  /** Largest {@code offset}. */
  public static final int MAX_OFFSET = 10_000;

  /** Most topics, and most entities, in one request. */
  public static final int MAX_FILTERS = 20;

  /** Longest query text, in characters. */
  public static final int MAX_QUERY_CHARS = 1000;

  /**
   * Most words and phrases in one query (alternatives and exclusions included), so that with their
   * synonyms and two fields each they stay well under Lucene's limit of 1024 clauses.
   */
  public static final int MAX_QUERY_TERMS = 100;

  /** Validates the values, quoting the bad one. */
  public SearchRequest {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(unit, "unit");
    topics = topics.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
    entities = List.copyOf(entities);
    topicFilter = topicFilter.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
    if (recencyHalfLifeDays < 0) {
      throw new IllegalArgumentException(
          "recencyHalfLifeDays must be >= 0 (0 is off), got: " + recencyHalfLifeDays);
    }
    if (topics.size() > MAX_FILTERS
        || entities.size() > MAX_FILTERS
        || topicFilter.size() > MAX_FILTERS) {
      throw new IllegalArgumentException(
          "at most "
              + MAX_FILTERS
              + " topics, "
              + MAX_FILTERS
              + " topic filters and "
              + MAX_FILTERS
              + " entities per request");
    }
    if (query.length() > MAX_QUERY_CHARS) {
      throw new IllegalArgumentException(
          "query is " + query.length() + " characters long, at most " + MAX_QUERY_CHARS);
    }
    SimpleQuery parsed = SimpleQuery.parse(query);
    int terms = parsed.exclusions().size() + parsed.groups().stream().mapToInt(List::size).sum();
    if (terms > MAX_QUERY_TERMS) {
      throw new IllegalArgumentException(
          "query has " + terms + " words and phrases, at most " + MAX_QUERY_TERMS);
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
    private final List<String> topics = new ArrayList<>();
    private final List<String> entities = new ArrayList<>();
    private final List<String> topicFilter = new ArrayList<>();
    private int recencyHalfLifeDays;
    private boolean facets;
    private boolean collapse;
    private boolean dense = true;
    private Unit unit = Unit.PASSAGE;

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

    /** Ranks by this topic too (see {@link SearchRequest#topics()}). */
    public Builder addTopic(String topic) {
      topics.add(Objects.requireNonNull(topic, "topic"));
      return this;
    }

    /** Keeps only passages that mention this entity (canonical id or alias). */
    public Builder addEntity(String entity) {
      entities.add(Objects.requireNonNull(entity, "entity"));
      return this;
    }

    /**
     * Keeps only passages labelled with this topic; several calls keep passages labelled with any
     * of them (see {@link SearchRequest#topicFilter()}).
     */
    public Builder filterTopic(String topic) {
      topicFilter.add(Objects.requireNonNull(topic, "topic"));
      return this;
    }

    /** Prefers recent passages: scores halve every {@code days} days of age; 0 (default) is off. */
    public Builder withRecencyHalfLife(int days) {
      this.recencyHalfLifeDays = days;
      return this;
    }

    /** Whether to count facets over all matching passages; default false. */
    public Builder withFacets(boolean facets) {
      this.facets = facets;
      return this;
    }

    /**
     * Whether to fold near-identical passages into one hit; default false (folding measurably
     * lowers recall when both copies are wanted, see docs/quality.md).
     */
    public Builder withCollapse(boolean collapse) {
      this.collapse = collapse;
      return this;
    }

    /**
     * Whether to fuse dense passage vectors into the ranking when the index has them; default true.
     * False ranks by the lexical first stage alone (what an index without vectors always does).
     */
    public Builder withDense(boolean dense) {
      this.dense = dense;
      return this;
    }

    /**
     * What a hit stands for; default {@link Unit#PASSAGE}. With {@link Unit#ARTICLE} each hit is
     * one article, scored from its passages and shown through its best one, and {@code totalHits}
     * counts articles.
     */
    public Builder withUnit(Unit unit) {
      this.unit = Objects.requireNonNull(unit, "unit");
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException if a value is out of range, naming it
     */
    public SearchRequest build() {
      return new SearchRequest(
          query,
          k,
          offset,
          since,
          until,
          perArticle,
          match,
          explain,
          topics,
          entities,
          topicFilter,
          recencyHalfLifeDays,
          facets,
          collapse,
          dense,
          unit);
    }
  }
}
