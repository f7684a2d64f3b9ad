package dev.parley.query.rank;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Counts how many of a set of documents match a query, without scoring: which hits hold the query
 * words in their own text rather than only in their article's context. Thread safety: stateless.
 */
final class OwnTextMatches {
  private OwnTextMatches() {}

  /** How many of {@code docs} (top-level doc ids, any order) match {@code query}. */
  static long count(IndexSearcher searcher, Query query, int[] docs) throws IOException {
    int[] sorted = docs.clone();
    Arrays.sort(sorted);
    Weight weight =
        searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    long count = 0;
    int leaf = -1;
    DocIdSetIterator it = null;
    for (int doc : sorted) {
      int l = ReaderUtil.subIndex(doc, leaves);
      if (l != leaf) {
        leaf = l;
        Scorer scorer = weight.scorer(leaves.get(l));
        it = scorer == null ? null : scorer.iterator();
      }
      if (it == null) {
        continue;
      }
      int target = doc - leaves.get(l).docBase;
      if (it.docID() < target) {
        it.advance(target);
      }
      if (it.docID() == target) {
        count++;
      }
    }
    return count;
  }
}
