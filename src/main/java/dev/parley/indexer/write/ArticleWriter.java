package dev.parley.indexer.write;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;

/**
 * The write stage: stores one article's documents ({@link ArticleDocuments}: its passages, then its
 * record), replacing any earlier version of the article whole, and deletes articles. Two
 * implementations: {@link LuceneArticleWriter} (an index directory, what {@code Indexer} writes
 * through) and {@code dev.parley.solr.write.SolrArticleWriter} (a SolrCloud collection).
 * Committing, and the manifest a commit records, belong to the caller's front door.
 *
 * <p>Thread safety: implementations accept calls from several threads.
 */
public interface ArticleWriter {
  /**
   * Writes {@code docs}, the documents of article {@code articleId}, replacing any earlier version
   * of it; visible after the next commit.
   *
   * @throws IOException if they cannot be written
   */
  void write(String articleId, List<Document> docs) throws IOException;

  /**
   * Deletes article {@code articleId} and its passages; visible after the next commit.
   *
   * @throws IOException if it cannot be deleted
   */
  void delete(String articleId) throws IOException;
}
