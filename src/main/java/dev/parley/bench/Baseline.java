package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The raw Lucene baseline: passages indexed as one analyzed text field with {@link
 * EnglishAnalyzer}, nothing stored, default BM25; queries are plain disjunctions of the analyzed
 * words, top 10, no snippets. Only the time inside Lucene (adding documents, merging to one
 * segment, committing) counts as indexing time. Documents are added on the calling thread.
 */
final class Baseline implements AutoCloseable {
  private final FSDirectory directory;
  private final IndexWriter writer;
  private static final EnglishAnalyzer ANALYZER = new EnglishAnalyzer();
  private long nanos;

  Baseline(Path dir) throws IOException {
    directory = FSDirectory.open(dir);
    writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER).setRAMBufferSizeMB(64));
  }

  /** Indexes one passage, timing only Lucene. */
  void add(String text) throws IOException {
    Document doc = new Document();
    doc.add(new TextField("text", text, Field.Store.NO));
    long t0 = System.nanoTime();
    writer.addDocument(doc);
    nanos += System.nanoTime() - t0;
  }

  /**
   * Merges to one segment (as Parley does after a bulk run, so both sides look terms up once per
   * query), commits and closes the writer; returns the Lucene time in nanoseconds, merge included
   * as it is in Parley's.
   */
  long finish() throws IOException {
    long t0 = System.nanoTime();
    writer.forceMerge(1);
    writer.commit();
    writer.close();
    nanos += System.nanoTime() - t0;
    return nanos;
  }

  /** The baseline query for {@code text}. */
  static Query query(String text) {
    Query q = new QueryBuilder(ANALYZER).createBooleanQuery("text", text, Occur.SHOULD);
    return q == null ? new MatchNoDocsQuery() : q;
  }

  static TopDocs search(IndexSearcher searcher, Query query) throws IOException {
    return searcher.search(query, 10);
  }

  @Override
  public void close() throws IOException {
    if (writer.isOpen()) {
      writer.close();
    }
    directory.close();
  }
}
