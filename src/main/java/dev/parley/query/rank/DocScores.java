package dev.parley.query.rank;

import java.io.IOException;
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
 * The score of one query for a given set of documents, 0 where a document does not match, as
 * Lucene's own QueryRescorer computes second-pass scores: one weight, one scorer per segment,
 * documents visited in doc-id order.
 */
final class DocScores {
  private DocScores() {}

  static double[] of(IndexSearcher searcher, Query query, int[] docs) throws IOException {
    double[] scores = new double[docs.length];
    if (docs.length == 0) {
      return scores;
    }
    Integer[] order = DocValueLookup.byDocId(docs);
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int currentLeaf = -1;
    Scorer scorer = null;
    for (int i : order) {
      int leaf = ReaderUtil.subIndex(docs[i], leaves);
      LeafReaderContext ctx = leaves.get(leaf);
      if (leaf != currentLeaf) {
        currentLeaf = leaf;
        scorer = weight.scorer(ctx);
      }
      if (scorer == null) {
        continue;
      }
      int local = docs[i] - ctx.docBase;
      DocIdSetIterator it = scorer.iterator();
      int at = it.docID() < local ? it.advance(local) : it.docID();
      if (at == local) {
        scores[i] = scorer.score();
      }
    }
    return scores;
  }
}
