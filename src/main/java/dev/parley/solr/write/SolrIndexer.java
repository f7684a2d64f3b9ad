package dev.parley.solr.write;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.Gazetteer;
import dev.parley.indexer.Article;
import dev.parley.indexer.IngestProgress;
import dev.parley.indexer.IngestReport;
import dev.parley.indexer.Passage;
import dev.parley.indexer.ProgressListener;
import dev.parley.indexer.Rejection;
import dev.parley.indexer.enrich.Enricher;
import dev.parley.indexer.enrich.Enrichment;
import dev.parley.indexer.enrich.NewsEnricher;
import dev.parley.indexer.ingest.ArticleSink;
import dev.parley.indexer.ingest.InputFiles;
import dev.parley.indexer.segment.ParagraphSegmenter;
import dev.parley.indexer.segment.SegmentationConfig;
import dev.parley.indexer.segment.Segmenter;
import dev.parley.indexer.write.ArticleDocuments;
import dev.parley.schema.ContentHashes;
import dev.parley.schema.Fields;
import dev.parley.schema.IndexManifest;
import dev.parley.schema.SchemaVersion;
import dev.parley.solr.schema.SolrCollection;
import dev.parley.solr.schema.SolrSchema;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;

/**
 * Indexes articles into a Parley collection on SolrCloud, as {@code dev.parley.indexer.Indexer}
 * does into a directory: the same readers, segmentation, enrichment and documents ({@link
 * ArticleDocuments}), written through {@link SolrArticleWriter}.
 *
 * <pre>{@code
 * try (SolrIndexer indexer = SolrIndexer.builder("http://127.0.0.1:8983/solr/parley").build()) {
 *   IngestReport report = indexer.index(List.of(Path.of("seeds")));
 * }
 * }</pre>
 *
 * <p>Runs are incremental and idempotent: an article whose content hash and source are those in the
 * collection is skipped, a changed one is replaced whole, and a run repeated after a failure (or a
 * batch resent after a node came back) replaces documents by their ids, never doubles them. After a
 * run that changed something, the collection is committed, merged to one segment per shard (deleted
 * documents would otherwise skew term statistics) and its manifest document updated.
 *
 * <p>Not supported on Solr: passage vectors ({@code --embed}) and analysis other than the default
 * (the configset's analyzer is {@link AnalysisConfig#defaults()}).
 *
 * <p>Thread safety: one run at a time; documents are built on {@code threads} workers.
 */
public final class SolrIndexer implements AutoCloseable {
  /** Articles looked up and written per round. */
  private static final int ROUND = 256;

  private final SolrCollection collection;
  private final CloudSolrClient client;
  private final SolrArticleWriter writer;
  private final Segmenter segmenter = new ParagraphSegmenter(SegmentationConfig.defaults());
  private final Enricher enricher = NewsEnricher.defaults();
  private final ExecutorService workers;
  private final ProgressListener progress;

  private SolrIndexer(Builder b) {
    this.collection = b.collection;
    this.client = collection.client();
    this.writer = new SolrArticleWriter(client, collection.collection(), b.batchDocs, b.retryFor);
    this.workers = Executors.newFixedThreadPool(b.threads);
    this.progress = b.progress;
  }

  /**
   * Starts configuring an indexer into the collection at {@code collectionUrl}.
   *
   * @throws IllegalArgumentException if it is not a collection URL
   */
  public static Builder builder(String collectionUrl) {
    return new Builder(SolrCollection.parse(collectionUrl));
  }

  /** The collection. */
  public SolrCollection collection() {
    return collection;
  }

  /** Update requests that went through so far (progress, for monitoring). */
  public long sentRequests() {
    return writer.sent();
  }

  /** Batches resent after a transient failure so far. */
  public long retries() {
    return writer.retries();
  }

  /**
   * Indexes every article under {@code inputs} (files, or directories read in name order), then
   * commits. Bad articles are rejected with a reason, files that are not articles skipped.
   *
   * @return what the run did
   * @throws dev.parley.schema.SchemaMismatchException if the collection holds another schema
   *     version
   * @throws IOException if the collection cannot be reached or written within the retry time
   */
  public IngestReport index(List<Path> inputs) throws IOException {
    Objects.requireNonNull(inputs, "inputs");
    long start = System.nanoTime();
    IndexManifest before = collection.readManifest(client);
    boolean skipUnchanged =
        before != null
            && before.segmentation().equals(segmenter.describe())
            && before.topics().equals(enricher.topics())
            && before.topicModel().equals(enricher.version());
    InputFiles.Listing listing = InputFiles.list(inputs);
    Run run = new Run(skipUnchanged);
    listing.problems().forEach(p -> run.rejected.add(p));
    int files = 0;
    for (Path file : listing.articles()) {
      run.inputBytes += Files.size(file);
      InputFiles.Format.of(file).parser().parse(file, run);
      files++;
      if (run.round.size() >= ROUND) {
        run.writeRound();
        progress.onProgress(
            new IngestProgress(
                files,
                listing.articles().size(),
                run.articles,
                run.passages,
                run.rejected.size(),
                Duration.ofNanos(System.nanoTime() - start)));
      }
    }
    run.writeRound();
    if (run.changed) {
      writer.commit();
      writer.optimize();
      long articles = count(Fields.KIND_ARTICLE);
      long passages = count(Fields.KIND_PASSAGE);
      writer.addDocument(
          SolrCollection.manifestDocument(
              new IndexManifest(
                  SchemaVersion.CURRENT,
                  AnalysisConfig.defaults().toJson(),
                  segmenter.describe(),
                  enricher.topics(),
                  enricher.version(),
                  // Solr's ParleySolrAnalyzer tags with the default gazetteer.
                  Gazetteer.defaults().version(),
                  articles,
                  passages,
                  null)));
      writer.commit();
    }
    return new IngestReport(
        run.articles,
        run.passages,
        run.rejected,
        listing.skipped(),
        run.inputBytes,
        Duration.ofNanos(System.nanoTime() - start),
        run.unchanged,
        0,
        0);
  }

  private long count(String kind) throws IOException {
    SolrQuery q = new SolrQuery("*:*");
    q.addFilterQuery(Fields.KIND + ":" + kind);
    q.setRows(0);
    return query(q).getResults().getNumFound();
  }

  private QueryResponse query(SolrQuery q) throws IOException {
    try {
      return client.query(collection.collection(), q);
    } catch (SolrServerException | SolrException e) {
      throw new IOException(
          "querying Solr collection "
              + collection.url()
              + " failed: "
              + SolrArticleWriter.oneLine(e),
          e);
    }
  }

  /** One run: reads articles from the parsers and writes them round by round. */
  private final class Run implements ArticleSink {
    final boolean skipUnchanged;
    final List<Rejection> rejected = new ArrayList<>();
    final Map<String, String> seen = new HashMap<>();
    final List<Article> round = new ArrayList<>();
    long inputBytes;
    int articles;
    long passages;
    int unchanged;
    boolean changed;

    Run(boolean skipUnchanged) {
      this.skipUnchanged = skipUnchanged;
    }

    @Override
    public void accept(Article article) {
      String earlier = seen.putIfAbsent(article.id(), article.source());
      if (earlier != null) {
        reject(article.source(), Rejection.duplicateId(article.id(), earlier));
        return;
      }
      round.add(article);
    }

    @Override
    public void reject(String source, String reason) {
      rejected.add(new Rejection(source, reason));
    }

    /** Looks the round's articles up in one request, builds the changed ones, writes them. */
    void writeRound() throws IOException {
      if (round.isEmpty()) {
        return;
      }
      Map<String, SolrDocument> indexed = indexedRecords(round);
      List<Future<List<Document>>> built = new ArrayList<>(round.size());
      List<Article> toWrite = new ArrayList<>();
      for (Article a : round) {
        SolrDocument record = indexed.get(a.id());
        if (skipUnchanged
            && record != null
            && a.contentHash()
                .equals(
                    ContentHashes.toHex(
                        SolrSchema.binary(record.getFirstValue(Fields.CONTENT_HASH))))
            && a.source().equals(record.getFirstValue(Fields.SOURCE))) {
          unchanged++;
          continue;
        }
        toWrite.add(a);
        built.add(workers.submit(() -> documents(a)));
      }
      for (int i = 0; i < toWrite.size(); i++) {
        Article a = toWrite.get(i);
        List<Document> docs;
        try {
          docs = built.get(i).get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("indexing interrupted");
        } catch (ExecutionException e) {
          throw new IOException("building the documents of " + a.id() + " failed", e.getCause());
        }
        if (indexed.containsKey(a.id())) {
          writer.write(a.id(), docs);
        } else {
          writer.add(a.id(), docs);
        }
        articles++;
        passages += docs.size() - 1;
        changed = true;
      }
      round.clear();
    }

    /** The article records of {@code batch} that the collection holds, by article id. */
    private Map<String, SolrDocument> indexedRecords(List<Article> batch) throws IOException {
      StringBuilder ids = new StringBuilder();
      for (Article a : batch) {
        // A line break never occurs in an article id (no control characters), a comma may.
        ids.append(ids.length() == 0 ? "" : "\n").append(a.id());
      }
      SolrQuery q =
          new SolrQuery("{!terms f=" + Fields.ARTICLE_ID + " separator=$parley.sep}" + ids);
      q.set("parley.sep", "\n");
      q.addFilterQuery(Fields.KIND + ":" + Fields.KIND_ARTICLE);
      q.setFields(Fields.ARTICLE_ID, Fields.CONTENT_HASH, Fields.SOURCE);
      q.setRows(batch.size());
      Map<String, SolrDocument> out = new HashMap<>();
      for (SolrDocument d : query(q).getResults()) {
        out.put((String) d.getFirstValue(Fields.ARTICLE_ID), d);
      }
      return out;
    }
  }

  private List<Document> documents(Article article) {
    List<Passage> passages = segmenter.segment(article);
    List<Enrichment> enrichments = passages.stream().map(p -> enricher.enrich(article, p)).toList();
    return ArticleDocuments.of(article, passages, enrichments);
  }

  /**
   * Sends what is buffered and releases the client.
   *
   * @throws IOException if the last batch cannot be sent
   */
  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      workers.shutdownNow();
      client.close();
    }
  }

  /** Configures a {@link SolrIndexer}. Not thread-safe; build once. */
  public static final class Builder {
    private final SolrCollection collection;
    private int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private int batchDocs = 1000;
    private Duration retryFor = Duration.ofSeconds(120);
    private ProgressListener progress = ProgressListener.NONE;

    private Builder(SolrCollection collection) {
      this.collection = collection;
    }

    /** Threads that build documents, 1 to 64; default the processors, at most 4. */
    public Builder withThreads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("threads must be in [1, 64], got: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Documents per update request, 1 to 100 000; default 1000. */
    public Builder withBatchDocs(int docs) {
      if (docs < 1 || docs > 100_000) {
        throw new IllegalArgumentException("batchDocs must be in [1, 100000], got: " + docs);
      }
      this.batchDocs = docs;
      return this;
    }

    /** How long a failing request is retried before the run fails; default 120 s. */
    public Builder withRetryFor(Duration retryFor) {
      Objects.requireNonNull(retryFor, "retryFor");
      if (retryFor.isNegative()) {
        throw new IllegalArgumentException("retryFor must be >= 0, got: " + retryFor);
      }
      this.retryFor = retryFor;
      return this;
    }

    /** Receives progress after every round of {@value #ROUND} articles; default none. */
    public Builder withProgress(ProgressListener listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Builds the indexer (no request is sent before {@link SolrIndexer#index}). */
    public SolrIndexer build() {
      return new SolrIndexer(this);
    }
  }
}
