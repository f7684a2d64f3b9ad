package dev.parley.schema;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;

/**
 * The article id inside a passage id. Passage ids are {@code articleId#from-to} (plus {@code :w}),
 * so the article id is everything before the last {@code #}; since schema 8 a passage document
 * stores {@link Fields#ARTICLE_ID} only when its id does not give the article id back this way (a
 * segmenter of the app's own may name passages otherwise), and readers take the stored value first.
 * The passage id itself is not stored either (schema 8): {@link #of} reads it from the sorted doc
 * values every passage has for tie-breaking.
 *
 * <p>Thread safety: stateless.
 */
public final class PassageIds {
  private PassageIds() {}

  /** The article id of passage {@code passageId}: the text before its last {@code #}, or null. */
  public static String articleId(String passageId) {
    int hash = passageId == null ? -1 : passageId.lastIndexOf('#');
    return hash < 0 ? null : passageId.substring(0, hash);
  }

  /** Whether {@link #articleId} of {@code passageId} is {@code articleId}. */
  public static boolean givesArticleId(String passageId, String articleId) {
    return articleId.equals(articleId(passageId));
  }

  /**
   * The article id of a passage whose stored {@link Fields#ARTICLE_ID} is {@code stored} (null when
   * not stored) and whose id is {@code passageId}.
   */
  public static String articleId(String stored, String passageId) {
    return stored != null ? stored : articleId(passageId);
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
