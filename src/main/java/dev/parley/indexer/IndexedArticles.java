package dev.parley.indexer;

import dev.parley.schema.ContentHashes;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The articles an index held when a run started, looked up by id, so unchanged ones are skipped.
 *
 * <p>Thread safety: {@link #lookup} and {@link #unchanged} are used by the thread that parses a
 * run's files only; {@link #reader()} may be read from any thread.
 */
final class IndexedArticles {
  private final IndexSearcher searcher;
  private final DirectoryReader reader;
  private final boolean skipUnchanged;

  IndexedArticles(DirectoryReader reader, boolean skipUnchanged) {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.searcher.setQueryCache(null);
    this.skipUnchanged = skipUnchanged;
  }

  /** The index as the run started (thread-safe to read). */
  DirectoryReader reader() {
    return reader;
  }

  /** The stored content hash and source of article {@code id}, or null if it is not indexed. */
  Indexed lookup(String id) throws IOException {
    BooleanQuery query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.ARTICLE_ID, id)), Occur.FILTER)
            .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)), Occur.FILTER)
            .build();
    TopDocs top = searcher.search(query, 1);
    if (top.scoreDocs.length == 0) {
      return null;
    }
    Document record =
        searcher
            .storedFields()
            .document(top.scoreDocs[0].doc, Set.of(Fields.CONTENT_HASH, Fields.SOURCE));
    return new Indexed(
        ContentHashes.toHex(record.getBinaryValue(Fields.CONTENT_HASH)), record.get(Fields.SOURCE));
  }

  /** True if {@code article} is indexed with the same content and source. */
  boolean unchanged(Article article) throws IOException {
    if (!skipUnchanged) {
      return false;
    }
    Indexed indexed = lookup(article.id());
    return indexed != null
        && article.contentHash().equals(indexed.contentHash())
        && article.source().equals(indexed.source());
  }

  /** What an article record says about the indexed version of an article. */
  record Indexed(String contentHash, String source) {}
}
