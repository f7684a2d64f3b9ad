package dev.parley.solr.query;

import dev.parley.query.DayParam;
import dev.parley.query.MatchMode;
import dev.parley.query.SearchRequest;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.SolrParams;

/**
 * How a {@link SearchRequest}'s query part travels to Solr: request parameters {@code parley.q},
 * {@code parley.topic}, {@code parley.filtertopic} and {@code parley.entity} (repeated), {@code
 * parley.since}, {@code parley.until} (ISO dates) and {@code parley.match} ({@code any} or {@code
 * all}), read by {@code {!parley}}. Paging, the per-article limit and folding stay in the client.
 *
 * <p>Thread safety: stateless.
 */
final class ParleyParams {
  private ParleyParams() {}

  static final String Q = "parley.q";
  static final String TOPIC = "parley.topic";
  static final String ENTITY = "parley.entity";
  static final String FILTER_TOPIC = "parley.filtertopic";
  static final String SINCE = "parley.since";
  static final String UNTIL = "parley.until";
  static final String MATCH = "parley.match";

  /** Local parameter of {@code {!parley}}: which query of the request to build. */
  static final String PART = "part";

  /** Adds the query part of {@code request} to {@code params}. */
  static void write(SearchRequest request, ModifiableSolrParams params) {
    params.set(Q, request.query());
    request.topics().forEach(t -> params.add(TOPIC, t));
    request.entities().forEach(e -> params.add(ENTITY, e));
    request.topicFilter().forEach(t -> params.add(FILTER_TOPIC, t));
    if (request.since() != null) {
      params.set(SINCE, request.since().toString());
    }
    if (request.until() != null) {
      params.set(UNTIL, request.until().toString());
    }
    params.set(MATCH, request.match().name().toLowerCase(Locale.ROOT));
  }

  /**
   * The request {@code params} describe.
   *
   * @throws IllegalArgumentException for a bad date or match mode, or any value {@link
   *     SearchRequest} rejects
   */
  static SearchRequest read(SolrParams params) {
    SearchRequest.Builder b = SearchRequest.builder(params.get(Q, ""));
    String[] topics = params.getParams(TOPIC);
    if (topics != null) {
      for (String t : topics) {
        b.addTopic(t);
      }
    }
    String[] entities = params.getParams(ENTITY);
    if (entities != null) {
      for (String e : entities) {
        b.addEntity(e);
      }
    }
    String[] filter = params.getParams(FILTER_TOPIC);
    if (filter != null) {
      for (String t : filter) {
        b.filterTopic(t);
      }
    }
    b.withSince(date(params, SINCE));
    b.withUntil(date(params, UNTIL));
    String match = params.get(MATCH, "any");
    b.withMatch(
        switch (match) {
          case "any" -> MatchMode.ANY;
          case "all" -> MatchMode.ALL;
          default ->
              throw new IllegalArgumentException(MATCH + " must be any or all, got: " + match);
        });
    return b.build();
  }

  private static LocalDate date(SolrParams params, String name) {
    String v = params.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    return DayParam.parse(name, v);
  }
}
