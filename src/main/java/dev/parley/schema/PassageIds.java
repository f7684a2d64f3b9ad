package dev.parley.schema;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;

/**
 * The article id inside a passage id, and passage ids read from doc values. A passage id is {@code
 * articleId#...} ({@code articleId#from-to}, plus {@code :w}, from Parley's segmenter) and an
 * article id never contains {@code #}, so the article id is everything before the first {@code #};
 * the indexer refuses passages named otherwise. Since schema 9 neither id is stored on a passage
 * document: {@link #of} reads the passage id from the sorted doc values every passage has for
 * tie-breaking, and the article id comes from it.
 *
 * <p>Thread safety: stateless.
 */
public final class PassageIds {
  private PassageIds() {}

  /** The article id of passage {@code passageId}: the text before its first {@code #}, or null. */
  public static String articleId(String passageId) {
    int hash = passageId == null ? -1 : passageId.indexOf('#');
    return hash < 0 ? null : passageId.substring(0, hash);
  }

  /** Whether {@code passageId} names a passage of article {@code articleId}. */
  public static boolean givesArticleId(String passageId, String articleId) {
    return articleId.equals(articleId(passageId));
  }

  /**
   * The passage ids of documents {@code docs} (top-level doc ids, any order) of {@code reader},
   * from the {@link Fields#PASSAGE_ID} doc values; null for a document without one (an article
   * record).
   */
  public static String[] of(IndexReader reader, int[] docs) throws IOException {
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = i;
    }
    // Doc-values iterators only move forward: visit the documents in doc-id order.
    Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
    String[] out = new String[docs.length];
    List<LeafReaderContext> leaves = reader.leaves();
    int currentLeaf = -1;
    SortedDocValues values = null;
    boolean has = false;
    for (int i : order) {
      int leaf = ReaderUtil.subIndex(docs[i], leaves);
      LeafReaderContext ctx = leaves.get(leaf);
      int local = docs[i] - ctx.docBase;
      if (leaf != currentLeaf) {
        currentLeaf = leaf;
        values = ctx.reader().getSortedDocValues(Fields.PASSAGE_ID);
        has = false;
      }
      if (values == null) {
        continue;
      }
      if (values.docID() < local) {
        has = values.advanceExact(local);
      } // else the same document again: as before
      if (has) {
        out[i] = values.lookupOrd(values.ordValue()).utf8ToString();
      }
    }
    return out;
  }
}
