package dev.parley.query;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.Gazetteer;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The first-stage Lucene queries of a {@link SearchRequest}, built exactly as the embedded {@link
 * Searcher} builds them with its default settings (entity synonyms from the default gazetteer,
 * context weight 0.2, topic weight 3): for engines that run Parley's ranking on another Lucene,
 * such as the SolrCloud query parser ({@code dev.parley.solr.plugin.ParleyQParserPlugin}). It is
 * the same code as the searcher's ({@code QueryPreparer}), never a copy, so a change to query
 * building flows into every engine.
 *
 * <p>Statistics: the synonym balance reads IDF through the searcher given to {@link #prepare}; a
 * shard of a distributed index passes one that implements {@link
 * dev.parley.query.build.SynonymBalance.CollectionWide} so the balance is the whole collection's.
 *
 * <p>Thread safety: immutable; safe for concurrent use.
 */
public final class FirstStage {
  private final QueryPreparer preparer;

  private FirstStage(QueryPreparer preparer) {
    this.preparer = preparer;
  }

  /**
   * The first stage of the embedded searcher's defaults over an index analyzed with {@code
   * analysis} whose passages were scored for {@code topics}.
   */
  public static FirstStage defaults(AnalysisConfig analysis, List<String> topics) {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(topics, "topics");
    return new FirstStage(
        QueryPreparer.create(
            analysis,
            true,
            Gazetteer.defaults(),
            Searcher.DEFAULT_CONTEXT_WEIGHT,
            Searcher.DEFAULT_TOPIC_WEIGHT,
            topics));
  }

  /**
   * This first stage for an index whose passages were scored for {@code topics}: shares the
   * analyzers and gazetteer, which take a while to load, so it is cheap.
   */
  public FirstStage withTopics(List<String> topics) {
    return new FirstStage(preparer.withTopics(List.copyOf(topics)));
  }

  /**
   * The queries of one request.
   *
   * @param browse whether the request has no query words
   * @param query the whole first-stage query: text relevance, topic scores and filters (what ranks)
   * @param text the relevance query alone, synonyms balanced (what snippets highlight)
   * @param ownText the query words on the passage text alone with the same filters (which hits hold
   *     the words themselves), or null when browsing
   */
  public record Queries(boolean browse, Query query, Query text, Query ownText) {}

  /**
   * Checks {@code request}'s topics and entities as the embedded searcher does, with the same
   * messages, before any index is read.
   *
   * @return whether the request browses (has no query words)
   * @throws IllegalArgumentException for an unknown topic or entity
   */
  public boolean check(SearchRequest request) {
    return preparer.check(request).parsed().groups().isEmpty();
  }

  /**
   * Checks {@code request} (topics, entities) and builds its queries over {@code searcher}'s index.
   *
   * @throws IllegalArgumentException for an unknown topic or entity, or a query too complex
   * @throws IOException on a read error
   */
  public Queries prepare(SearchRequest request, IndexSearcher searcher) throws IOException {
    QueryPreparer.Prepared p = preparer.prepare(preparer.check(request), searcher);
    return new Queries(p.browse(), p.query(), p.text(), p.ownText());
  }
}
