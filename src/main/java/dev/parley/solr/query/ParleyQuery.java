package dev.parley.solr.query;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.query.FirstStage;
import dev.parley.query.SearchRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.solr.common.SolrException;

/**
 * A Parley request that becomes the library's first-stage query when Solr rewrites it. Building it
 * at rewrite time, not at parse time, is what makes the synonym balance collection-wide: Solr
 * rewrites on each shard after it has gathered the statistics of every shard ({@code
 * ExactStatsCache}), and {@link CollectionWideSearcher} hands those to the balance.
 *
 * <p>Thread safety: immutable.
 */
final class ParleyQuery extends Query {
  /** Which of the request's queries. */
  enum Part {
    /** The whole first-stage query (what ranks). */
    QUERY,
    /** The relevance query alone (what snippets highlight). */
    TEXT,
    /** The words on the passage text alone, with the filters (which hits hold them). */
    OWN_TEXT
  }

  /**
   * One first stage per topic list: the check of topics is the client's (it reads the collection's
   * manifest), so the list given is the request's own. Few distinct lists exist; the map is
   * bounded.
   */
  private static final Map<List<String>, FirstStage> STAGES = new ConcurrentHashMap<>();

  /** The analyzers and gazetteer, loaded once per JVM (the first search, or Solr's warming). */
  private static final class Base {
    static final FirstStage STAGE = FirstStage.defaults(AnalysisConfig.defaults(), List.of());
  }

  private final SearchRequest request;
  private final Part part;

  ParleyQuery(SearchRequest request, Part part) {
    this.request = Objects.requireNonNull(request, "request");
    this.part = Objects.requireNonNull(part, "part");
  }

  ParleyQuery withPart(Part other) {
    return new ParleyQuery(request, other);
  }

  private static FirstStage stage(List<String> topics) {
    if (STAGES.size() > 256) {
      STAGES.clear();
    }
    return STAGES.computeIfAbsent(List.copyOf(topics), t -> Base.STAGE.withTopics(t));
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    FirstStage.Queries q;
    try {
      List<String> topics = new java.util.ArrayList<>(request.topics());
      request.topicFilter().stream().filter(t -> !topics.contains(t)).forEach(topics::add);
      q = stage(topics).prepare(request, CollectionWideSearcher.of(searcher));
    } catch (IllegalArgumentException e) {
      throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, e.getMessage(), e);
    }
    return switch (part) {
      case QUERY -> q.query();
      case TEXT -> q.text();
      case OWN_TEXT ->
          q.ownText() == null ? new MatchNoDocsQuery("browsing has no words") : q.ownText();
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "parley(" + part + ", " + request.query() + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && request.equals(((ParleyQuery) other).request)
        && part == ((ParleyQuery) other).part;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * classHash() + request.hashCode()) + part.hashCode();
  }
}
