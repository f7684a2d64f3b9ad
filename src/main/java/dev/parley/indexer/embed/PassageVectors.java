package dev.parley.indexer.embed;

import dev.parley.embed.Embedder;
import dev.parley.indexer.Passage;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * The vectors of an article's passages: embedded with the {@link Embedder}, or, for a passage whose
 * text equals that of a passage the article already had in the index, copied from there (the vector
 * of a text depends on the text only, since every text is embedded alone).
 *
 * <p>Thread safety: safe for concurrent use (the counters are atomic; the embedder is thread-safe).
 */
public final class PassageVectors {
  private final Embedder embedder;
  private final AtomicLong embedded = new AtomicLong();
  private final AtomicLong reused = new AtomicLong();

  /** Embeds with {@code embedder} (the caller keeps and closes it). */
  public PassageVectors(Embedder embedder) {
    this.embedder = Objects.requireNonNull(embedder, "embedder");
  }

  /** The embedder. */
  public Embedder embedder() {
    return embedder;
  }

  /**
   * One vector per passage, in order.
   *
   * @param previous vectors the article's indexed passages have, by passage text (empty for a new
   *     article)
   */
  public List<float[]> of(List<Passage> passages, Map<String, float[]> previous) {
    List<float[]> out = new ArrayList<>(passages.size());
    for (Passage p : passages) {
      float[] old = previous.get(p.text());
      if (old != null) {
        reused.incrementAndGet();
        out.add(old);
      } else {
        out.add(embedder.passage(p.text()));
        embedded.incrementAndGet();
      }
    }
    return out;
  }

  /** Passages embedded so far. */
  public long embedded() {
    return embedded.get();
  }

  /** Passages whose vector was copied from the index so far. */
  public long reused() {
    return reused.get();
  }

  /**
   * The vectors the indexed passages of {@code articleId} have, by passage text; empty when the
   * article is not indexed or its passages have no vectors.
   *
   * @throws IOException on a read error
   */
  public static Map<String, float[]> indexed(IndexReader reader, String articleId)
      throws IOException {
    Map<String, float[]> out = new HashMap<>();
    Term id = new Term(Fields.ARTICLE_ID, articleId);
    for (LeafReaderContext leaf : reader.leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
      PostingsEnum docs = leaf.reader().postings(id, PostingsEnum.NONE);
      if (values == null || docs == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      // Doc ids ascend in both iterators, so one forward pass reads every vector of the article;
      // the article record has no vector and is passed over.
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if ((live != null && !live.get(doc))
            || values.docID() > doc
            || (values.docID() < doc && values.advance(doc) != doc)) {
          continue;
        }
        String text = stored.document(doc, Set.of(Fields.TEXT)).get(Fields.TEXT);
        if (text != null) {
          out.put(text, values.vectorValue().clone());
        }
      }
    }
    return out;
  }
}
