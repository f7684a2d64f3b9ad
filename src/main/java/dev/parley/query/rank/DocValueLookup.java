package dev.parley.query.rank;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;

/**
 * Reads one numeric doc-values field for a set of documents given in any order. Doc-values
 * iterators only move forward, so the documents are visited in doc-id order and the values returned
 * in the caller's order.
 */
final class DocValueLookup {
  private DocValueLookup() {}

  /**
   * Positions of {@code docs} in increasing doc-id order: doc-values iterators and scorers only
   * move forward, so look-ups for documents given in rank order visit them in this order.
   */
  static Integer[] byDocId(int[] docs) {
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
    return order;
  }

  /** The values of {@code field} for {@code docs} (0 where a document has none). */
  static long[] longs(IndexSearcher searcher, String field, int[] docs) throws IOException {
    Integer[] order = byDocId(docs);
    long[] values = new long[docs.length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int currentLeaf = -1;
    NumericDocValues dv = null;
    for (int i : order) {
      int leaf = ReaderUtil.subIndex(docs[i], leaves);
      LeafReaderContext ctx = leaves.get(leaf);
      if (leaf != currentLeaf) {
        currentLeaf = leaf;
        dv = ctx.reader().getNumericDocValues(field);
      }
      int local = docs[i] - ctx.docBase;
      if (dv != null && (dv.docID() == local || (dv.docID() < local && dv.advanceExact(local)))) {
        values[i] = dv.longValue();
      }
    }
    return values;
  }

  /**
   * The values of the sorted (keyword) doc-values {@code field} for {@code docs}, copied; empty
   * where a document has none.
   */
  static org.apache.lucene.util.BytesRef[] sorted(IndexSearcher searcher, String field, int[] docs)
      throws IOException {
    Integer[] order = byDocId(docs);
    org.apache.lucene.util.BytesRef[] values = new org.apache.lucene.util.BytesRef[docs.length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int currentLeaf = -1;
    org.apache.lucene.index.SortedDocValues dv = null;
    for (int i : order) {
      int leaf = ReaderUtil.subIndex(docs[i], leaves);
      LeafReaderContext ctx = leaves.get(leaf);
      if (leaf != currentLeaf) {
        currentLeaf = leaf;
        dv = ctx.reader().getSortedDocValues(field);
      }
      int local = docs[i] - ctx.docBase;
      boolean has =
          dv != null && (dv.docID() == local || (dv.docID() < local && dv.advanceExact(local)));
      values[i] =
          has
              ? org.apache.lucene.util.BytesRef.deepCopyOf(dv.lookupOrd(dv.ordValue()))
              : new org.apache.lucene.util.BytesRef();
    }
    return values;
  }
}
