package dev.parley.solr.write;

import dev.parley.indexer.write.ArticleWriter;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.document.Document;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;

/**
 * The write stage over a SolrCloud collection. Documents are buffered and sent in batches of {@code
 * batchDocs}; a batch that fails for a transient reason (a node down, a leader election, a
 * time-out: anything but a bad request) is sent again with growing pauses until {@code retryFor}
 * has passed. Resending is harmless: every document has a unique key (the passage id), so a
 * document sent twice replaces itself and is never doubled.
 *
 * <p>{@link #write} replaces an article whole: it adds the new documents and deletes the article's
 * passages whose ids are no longer among them (an article that was cut differently before). {@link
 * #add} only adds, for an article the caller knows the collection does not hold, and saves that
 * delete, which costs a request to every shard.
 *
 * <p>Thread safety: every method is synchronized; several indexing threads may share one writer.
 */
public final class SolrArticleWriter implements ArticleWriter, AutoCloseable {
  private final SolrClient client;
  private final String collection;
  private final int batchDocs;
  private final Duration retryFor;
  private final List<SolrInputDocument> pending = new ArrayList<>();
  private long retries;
  private long sent;

  /**
   * A writer into {@code collection} through {@code client} (which the caller keeps and closes).
   *
   * @param batchDocs documents per update request, 1 to 100 000
   * @param retryFor how long a failing batch is retried before the write fails
   */
  public SolrArticleWriter(SolrClient client, String collection, int batchDocs, Duration retryFor) {
    this.client = Objects.requireNonNull(client, "client");
    this.collection = Objects.requireNonNull(collection, "collection");
    if (batchDocs < 1 || batchDocs > 100_000) {
      throw new IllegalArgumentException("batchDocs must be in [1, 100000], got: " + batchDocs);
    }
    this.batchDocs = batchDocs;
    this.retryFor = Objects.requireNonNull(retryFor, "retryFor");
  }

  @Override
  public synchronized void write(String articleId, List<Document> docs) throws IOException {
    List<SolrInputDocument> solrDocs = SolrDocuments.of(docs);
    flush();
    // The stale passages of an earlier version: those of the article whose ids are not new. Sent
    // with the new documents, in one request; the query leaves the new ones alone whatever the
    // order Solr applies them in.
    StringBuilder keep = new StringBuilder();
    for (SolrInputDocument d : solrDocs) {
      keep.append(keep.length() == 0 ? "" : " ")
          .append(ClientUtils.escapeQueryChars(d.getFieldValue("id").toString()));
    }
    UpdateRequest request = new UpdateRequest();
    request.deleteByQuery(
        "+"
            + Fields.ARTICLE_ID
            + ":"
            + ClientUtils.escapeQueryChars(articleId)
            + " -id:("
            + keep
            + ")");
    request.add(solrDocs);
    send(request);
  }

  /**
   * Adds the documents of an article the collection does not hold yet (or holds with the same
   * passage ids); batched.
   *
   * @throws IOException if a batch cannot be sent within the retry time
   */
  public synchronized void add(String articleId, List<Document> docs) throws IOException {
    pending.addAll(SolrDocuments.of(docs));
    if (pending.size() >= batchDocs) {
      flush();
    }
  }

  /**
   * Adds one document as it is (the manifest document), batched.
   *
   * @throws IOException if a batch cannot be sent within the retry time
   */
  public synchronized void addDocument(SolrInputDocument doc) throws IOException {
    pending.add(doc);
    if (pending.size() >= batchDocs) {
      flush();
    }
  }

  @Override
  public synchronized void delete(String articleId) throws IOException {
    flush();
    UpdateRequest request = new UpdateRequest();
    request.deleteByQuery(Fields.ARTICLE_ID + ":" + ClientUtils.escapeQueryChars(articleId));
    send(request);
  }

  /**
   * Sends what is buffered.
   *
   * @throws IOException if it cannot be sent within the retry time
   */
  public synchronized void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    UpdateRequest request = new UpdateRequest();
    request.add(new ArrayList<>(pending));
    send(request);
    pending.clear();
  }

  /**
   * Sends what is buffered and commits: everything written so far becomes searchable and durable.
   *
   * @throws IOException if it cannot be committed within the retry time
   */
  public synchronized void commit() throws IOException {
    flush();
    UpdateRequest request = new UpdateRequest();
    request.setAction(UpdateRequest.ACTION.COMMIT, true, true);
    send(request);
  }

  /**
   * Merges each shard down to one segment and commits, so deleted documents leave the term
   * statistics (as the embedded indexer's merge after a run does).
   *
   * @throws IOException if it fails within the retry time
   */
  public synchronized void optimize() throws IOException {
    flush();
    UpdateRequest request = new UpdateRequest();
    request.setAction(UpdateRequest.ACTION.OPTIMIZE, true, true, 1);
    send(request);
  }

  /** How many requests went through so far. */
  public synchronized long sent() {
    return sent;
  }

  /** How many requests were sent again after a transient failure. */
  public synchronized long retries() {
    return retries;
  }

  private void send(UpdateRequest request) throws IOException {
    long deadline = System.nanoTime() + retryFor.toNanos();
    long pauseMillis = 200;
    while (true) {
      try {
        request.process(client, collection);
        sent++;
        return;
      } catch (SolrServerException | IOException | SolrException e) {
        if (!transientFailure(e) || System.nanoTime() > deadline) {
          throw new IOException(
              "writing to Solr collection "
                  + collection
                  + " failed"
                  + (transientFailure(e) ? " for " + retryFor.toSeconds() + " s" : "")
                  + ": "
                  + oneLine(e),
              e);
        }
        retries++;
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while retrying a write to Solr");
        }
        pauseMillis = Math.min(pauseMillis * 2, 3000);
      }
    }
  }

  /** Anything but a request Solr rejects as bad (a schema error, say) may pass when retried. */
  static boolean transientFailure(Exception e) {
    return !(e instanceof SolrException s) || s.code() != SolrException.ErrorCode.BAD_REQUEST.code;
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  /**
   * Sends what is buffered. The client stays open (its owner closes it).
   *
   * @throws IOException if it cannot be sent within the retry time
   */
  @Override
  public synchronized void close() throws IOException {
    flush();
  }
}
