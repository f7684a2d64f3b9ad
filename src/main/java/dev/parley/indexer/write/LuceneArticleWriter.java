package dev.parley.indexer.write;

import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * The write stage over a Lucene {@link IndexWriter}: an article's documents go in as one block
 * ({@link IndexWriter#updateDocuments}), so the article is replaced atomically, never half.
 *
 * <p>Thread safety: as {@link IndexWriter}, safe for concurrent calls.
 */
public final class LuceneArticleWriter implements ArticleWriter {
  private final IndexWriter writer;

  /** Writes through {@code writer}, which the caller keeps, commits and closes. */
  public LuceneArticleWriter(IndexWriter writer) {
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  @Override
  public void write(String articleId, List<Document> docs) throws IOException {
    writer.updateDocuments(new Term(Fields.ARTICLE_ID, articleId), docs);
  }

  @Override
  public void delete(String articleId) throws IOException {
    writer.deleteDocuments(new Term(Fields.ARTICLE_ID, articleId));
  }
}
