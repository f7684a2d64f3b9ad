package dev.parley.solr.query;

import dev.parley.query.build.SynonymBalance;
import java.io.IOException;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.solr.request.SolrRequestInfo;
import org.apache.solr.search.SolrIndexSearcher;
import org.apache.solr.search.stats.LocalStatsSource;
import org.apache.solr.search.stats.StatsSource;

/**
 * A searcher over one shard that answers statistics for the whole collection: what Solr's {@code
 * ExactStatsCache} gathered from every shard for this request. The synonym balance reads IDF
 * through it, so a term absent from this shard but present elsewhere weighs as it does in one index
 * holding every passage.
 *
 * <p>Thread safety: one per query rewrite.
 */
final class CollectionWideSearcher extends IndexSearcher implements SynonymBalance.CollectionWide {
  private final SolrIndexSearcher shard;
  private final StatsSource source;

  private CollectionWideSearcher(SolrIndexSearcher shard, StatsSource source) {
    super(shard.getIndexReader());
    setSimilarity(shard.getSimilarity());
    this.shard = shard;
    this.source = source;
  }

  /**
   * A collection-wide view of {@code searcher} when this request carries collection statistics (a
   * distributed search with {@code ExactStatsCache}); else {@code searcher} itself.
   */
  static IndexSearcher of(IndexSearcher searcher) {
    SolrRequestInfo info = SolrRequestInfo.getRequestInfo();
    if (!(searcher instanceof SolrIndexSearcher shard) || info == null) {
      return searcher;
    }
    Object source = info.getReq().getContext().get(SolrIndexSearcher.STATS_SOURCE);
    if (!(source instanceof StatsSource s) || source instanceof LocalStatsSource) {
      return searcher;
    }
    return new CollectionWideSearcher(shard, s);
  }

  @Override
  public CollectionStatistics collectionStatistics(String field) throws IOException {
    return shard.collectionStatistics(field);
  }

  @Override
  public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq)
      throws IOException {
    return shard.termStatistics(term, docFreq, totalTermFreq);
  }

  @Override
  public TermStatistics collectionTermStatistics(Term term) throws IOException {
    TermStates local = TermStates.build(shard, term, true);
    if (local.docFreq() > 0) {
      return shard.termStatistics(term, local.docFreq(), local.totalTermFreq());
    }
    // Absent here: the gathered statistics say whether another shard has it (null if none).
    return source.termStatistics(null, term, 0, 0);
  }
}
