package dev.parley.query.highlight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;

/**
 * A leaf reader for matching one document after another, in any order, that recycles postings
 * enumerators between documents: a postings enumerator asked for without one to reuse gets one that
 * served the previous document, through Lucene's own reuse ({@link TermsEnum#postings(
 * PostingsEnum, int)}), which resets it for the new term instead of allocating a new one and
 * cloning its three file inputs. Lucene's term weights never pass one to reuse when they match a
 * document ({@code Weight#matches}), and building those enumerators was a fifth of the snippet
 * stage in the profile (docs/performance.md, sixth session).
 *
 * <p>The postings read are the index's own, positioned by the same calls; only the objects are
 * reused. The caller promises what the highlighter does: it is done with every enumerator of a
 * document before it calls {@link #nextDocument()} and asks for the next one.
 *
 * <p>Thread safety: not thread-safe; one instance per highlighting call.
 */
final class RecyclingLeafReader extends FilterLeafReader {
  /** Per field and postings flags: the enumerators handed out, and how many are in use. */
  private final List<Pool> pools = new ArrayList<>();

  RecyclingLeafReader(LeafReader in) {
    super(in);
  }

  /** Every enumerator handed out so far is free again: the previous document is done. */
  void nextDocument() {
    for (Pool pool : pools) {
      pool.inUse = 0;
    }
  }

  @Override
  public Terms terms(String field) throws IOException {
    Terms terms = super.terms(field);
    return terms == null ? null : new RecyclingTerms(terms, field);
  }

  @Override
  public CacheHelper getCoreCacheHelper() {
    return null; // a view for one highlighting call: nothing to cache on
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return null;
  }

  private Pool pool(String field, int flags) {
    // A search asks for a field or two with one or two kinds of postings: a scan beats hashing.
    for (Pool pool : pools) {
      if (pool.flags == flags && pool.field.equals(field)) {
        return pool;
      }
    }
    Pool pool = new Pool(field, flags);
    pools.add(pool);
    return pool;
  }

  /** The enumerators of one field and flags; the first {@code inUse} serve the current document. */
  private static final class Pool {
    final String field;
    final int flags;
    final List<PostingsEnum> enums = new ArrayList<>();
    int inUse;

    Pool(String field, int flags) {
      this.field = field;
      this.flags = flags;
    }
  }

  private final class RecyclingTerms extends FilterTerms {
    private final String field;

    RecyclingTerms(Terms in, String field) {
      super(in);
      this.field = field;
    }

    @Override
    public TermsEnum iterator() throws IOException {
      return new RecyclingTermsEnum(in.iterator(), field);
    }
  }

  private final class RecyclingTermsEnum extends FilterTermsEnum {
    private final String field;

    RecyclingTermsEnum(TermsEnum in, String field) {
      super(in);
      this.field = field;
    }

    @Override
    public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
      if (reuse != null) {
        return in.postings(reuse, flags); // the caller recycles its own
      }
      Pool pool = pool(field, flags);
      PostingsEnum free = pool.inUse < pool.enums.size() ? pool.enums.get(pool.inUse) : null;
      PostingsEnum postings = in.postings(free, flags);
      if (free == null) {
        pool.enums.add(postings);
      } else {
        pool.enums.set(pool.inUse, postings); // Lucene may have made a new one after all
      }
      pool.inUse++;
      return postings;
    }
  }
}
