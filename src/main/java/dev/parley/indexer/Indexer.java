package dev.parley.indexer;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.ParleyAnalyzer;
import dev.parley.embed.DenseModel;
import dev.parley.embed.Embedder;
import dev.parley.indexer.embed.DenseChoice;
import dev.parley.indexer.embed.PassageVectors;
import dev.parley.indexer.enrich.Enricher;
import dev.parley.indexer.enrich.Enrichment;
import dev.parley.indexer.enrich.NewsEnricher;
import dev.parley.indexer.ingest.InputFiles;
import dev.parley.indexer.segment.ParagraphSegmenter;
import dev.parley.indexer.segment.SegmentationConfig;
import dev.parley.indexer.segment.Segmenter;
import dev.parley.indexer.write.ArticleDocuments;
import dev.parley.indexer.write.ArticleWriter;
import dev.parley.indexer.write.LuceneArticleWriter;
import dev.parley.schema.DamagedIndexException;
import dev.parley.schema.DenseSpec;
import dev.parley.schema.Fields;
import dev.parley.schema.IndexManifest;
import dev.parley.schema.SchemaMismatchException;
import dev.parley.schema.SchemaVersion;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Parley's indexing front door: reads articles, cuts them into passages and writes them to a Lucene
 * index, replacing any earlier version of the same article.
 *
 * <pre>{@code
 * try (Indexer indexer = Indexer.builder(Path.of("index")).build()) {
 *   IngestReport report = indexer.index(List.of(Path.of("seeds")));
 * }
 * }</pre>
 *
 * <p>Runs are incremental: {@link #index(List)} skips an article whose content hash and source are
 * those already indexed, and replaces it whole when they differ, so running it twice on the same
 * inputs changes nothing. {@link #index(List, Prune)} can also remove articles whose source file is
 * gone, and {@link #delete(List)} removes articles by id.
 *
 * <p>Commits are explicit: {@link #index(List)} commits every {@code commitEvery} articles and at
 * the end; {@link #add(Article)} leaves committing to {@link #commit()} (or {@link #close()}). Each
 * commit records an {@link IndexManifest} whose counts are those of the committed documents. A
 * crash loses at most what was written since the last commit; an article is always replaced as a
 * whole block, never half.
 *
 * <p>Errors: if writing or committing fails (a full disk, an I/O error), the indexer rolls the
 * index back to its last commit, closes itself, and throws an {@link IOException} that says so; the
 * last commit stays intact and searchable. Build a new indexer to try again.
 *
 * <p>Thread safety: {@link #add(Article)}, {@link #delete(String)} and {@link #commit()} may be
 * called from several threads; a commit waits for adds in progress, so its recorded counts match
 * the committed documents. One {@code Indexer} per index directory at a time (Lucene's write lock
 * enforces it, across processes too).
 */
public final class Indexer implements AutoCloseable {
  private final Path path;
  private final Directory directory;
  private final boolean ownsDirectory;
  private final IndexWriter writer;

  /** The write stage over {@link #writer}. */
  private final ArticleWriter articleWriter;

  private final AnalysisConfig analysis;
  private final Segmenter segmenter;
  private final Enricher enricher;

  /**
   * The writer's analyzer; also analyses each article's context once ({@link ArticleDocuments}).
   */
  private final ParleyAnalyzer indexAnalyzer;

  private final int commitEvery;
  private final int threads;
  private final boolean mergeAfterRun;
  private final ProgressListener progress;

  /** Embeds passages when the index has vectors; null when it has none. */
  private final PassageVectors vectors;

  private final ReadWriteLock commitLock = new ReentrantReadWriteLock();

  /**
   * True while the index holds articles enriched with another configuration (topic model, topics,
   * segmentation, gazetteer) than this indexer's: the next commit first rewrites, from their stored
   * records, every article not written since the indexer opened, so that no commit records this
   * configuration over an index that mixes two (docs/reliability.md).
   */
  private volatile boolean stale;

  /** Stored articles {@link #reenrichTheRest} rewrote since the last run's report. */
  private final java.util.concurrent.atomic.AtomicInteger reenriched =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Ids written since the indexer opened, while {@link #stale}. */
  private final Set<String> writtenWhileStale = ConcurrentHashMap.newKeySet();

  /** What a run of {@link #index(List, Prune)} writes through. */
  private final IndexRun.Target runTarget =
      new IndexRun.Target() {
        @Override
        public List<Document> documents(Article article, IndexedArticles known) throws IOException {
          Map<String, float[]> previous =
              vectors == null ? Map.of() : PassageVectors.indexed(known.reader(), article.id());
          return Indexer.this.documents(article, previous);
        }

        @Override
        public void write(String articleId, List<Document> docs) throws IOException {
          Indexer.this.write(articleId, docs);
        }

        @Override
        public void commit() throws IOException {
          doCommit();
        }

        @Override
        public boolean flushNextBuffer() throws IOException {
          return writer.flushNextBuffer();
        }
      };

  /** The failure that closed this indexer, or null while it is usable. */
  private volatile IOException failure;

  /** What {@link #index(List, Prune)} does with indexed articles whose source file is gone. */
  public enum Prune {
    /** Keep every indexed article (the default of {@link #index(List)}). */
    NONE,
    /**
     * Delete an indexed article when its source file lay under one of the run's inputs, that input
     * still exists, the file does not, and the run did not read the article's id from elsewhere. An
     * input that is missing altogether prunes nothing, so a mistyped or unmounted directory cannot
     * empty the index.
     */
    MISSING_SOURCES
  }

  private Indexer(Builder b, AnalysisConfig analysis, Embedder embedder) throws IOException {
    this.path = b.path;
    this.vectors = embedder == null ? null : new PassageVectors(embedder);
    this.analysis = analysis;
    this.segmenter = b.segmenter;
    this.enricher = b.enricher == null ? NewsEnricher.defaults() : b.enricher;
    this.commitEvery = b.commitEvery;
    this.threads = b.threads;
    this.mergeAfterRun = b.mergeAfterRun;
    this.progress = b.progress;
    this.ownsDirectory = b.directory == null;
    if (ownsDirectory) {
      Files.createDirectories(path);
      this.directory = FSDirectory.open(path);
    } else {
      this.directory = b.directory;
    }
    this.indexAnalyzer = new ParleyAnalyzer(analysis);
    IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(b.ramBufferMb);
    if (b.mergePolicy != null) {
      config.setMergePolicy(b.mergePolicy);
    }
    if (embedder != null) {
      // Merges in a fixed order, so the merged HNSW graph (built from the merged segments' graphs)
      // is the same on every run; see IndexRun.ordered.
      config.setMergeScheduler(new org.apache.lucene.index.SerialMergeScheduler());
    }
    config.setCommitOnClose(false);
    IndexWriter opened;
    try {
      opened = new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      closeDirectory();
      throw new IOException(
          "index "
              + path
              + " is locked by another process (write.lock): wait for the other"
              + " indexer to finish; if none is running, the lock is released automatically",
          e);
    } catch (CorruptIndexException | EOFException | NoSuchFileException e) {
      closeDirectory();
      throw new DamagedIndexException(path, e);
    } catch (IOException | RuntimeException e) {
      closeDirectory();
      throw e;
    }
    this.writer = opened;
    this.articleWriter = new LuceneArticleWriter(opened);
    // Embedding a passage is ~50x the cost of analysing it: progress then counts passages.
    try {
      if (!DirectoryReader.indexExists(directory)) {
        commit();
      } else {
        try (DirectoryReader reader = openReader()) {
          stale = reader.numDocs() > 0 && !sameConfiguration(reader);
        }
      }
    } catch (IOException | RuntimeException e) {
      try {
        writer.rollback();
      } finally {
        closeDirectory();
      }
      throw e;
    }
  }

  private void closeDirectory() throws IOException {
    if (ownsDirectory) {
      directory.close();
    }
  }

  /**
   * A near-real-time reader of what the writer holds. Segment files are first opened here, so a
   * damaged one shows up here: one message that points to verify instead of Lucene's internals.
   */
  private DirectoryReader openReader() throws IOException {
    try {
      return DirectoryReader.open(writer);
    } catch (CorruptIndexException | EOFException | NoSuchFileException e) {
      throw new DamagedIndexException(path, e);
    }
  }

  /**
   * Articles between commits in {@link #index(List)} unless the builder says otherwise. Chosen by
   * measurement (docs/performance.md, "Indexing knobs"): every commit stalls the workers and
   * flushes small segments that the final merge must rewrite, and 25,000 articles cost about 30 s
   * of work to redo after a crash on a 2-core machine.
   */
  public static final int DEFAULT_COMMIT_EVERY = 25_000;

  /**
   * The IndexWriter RAM buffer unless the builder says otherwise: an eighth of the maximum heap, at
   * least 64 MB (the earlier default, which indexes Reuters in a 256 MB heap) and at most 256 MB
   * (beyond which measured indexing CPU no longer fell; docs/performance.md). A bigger buffer means
   * fewer, larger segments to flush and merge.
   */
  public static double defaultRamBufferMb() {
    long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return Math.max(64, Math.min(256, heapMb / 8));
  }

  /** Starts building an indexer that writes to {@code indexDir} (created if missing). */
  public static Builder builder(Path indexDir) {
    return new Builder(indexDir);
  }

  /** The index directory. */
  public Path path() {
    return path;
  }

  /** The analysis configuration in use (the index's own when it already existed). */
  public AnalysisConfig analysis() {
    return analysis;
  }

  /**
   * Indexes every article under {@code inputs} (files, or directories read recursively in name
   * order), then commits; same as {@link #index(List, Prune)} with {@link Prune#NONE}.
   *
   * @return what the run did
   * @throws IOException if the index cannot be written (inputs that cannot be read are rejected)
   */
  public IngestReport index(List<Path> inputs) throws IOException {
    return index(inputs, Prune.NONE);
  }

  /**
   * Indexes every article under {@code inputs} (files, or directories read recursively in name
   * order), then commits if anything changed. An article whose content hash and source equal the
   * indexed version is skipped (counted as unchanged); any other is written, replacing the indexed
   * version whole. Bad articles are rejected with a reason and the rest are indexed; files that are
   * not articles are skipped. An article id read twice in one run is rejected the second time,
   * naming both sources.
   *
   * <p>When the index was last committed with another segmentation, another list of topics, another
   * topic model version or another gazetteer, no article is skipped: the run rewrites them all with
   * the current configuration, and before its first commit also every indexed article it did not
   * read, from the article's stored record (the same holds for {@link #delete} and for {@link #add}
   * followed by {@link #commit()}).
   *
   * @param prune whether to remove indexed articles whose source file is gone
   * @return what the run did
   * @throws IOException if the index cannot be written; the indexer is then rolled back to its last
   *     commit and closed
   * @throws IllegalStateException if the indexer is closed
   */
  public IngestReport index(List<Path> inputs, Prune prune) throws IOException {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(prune, "prune");
    ensureOpen();
    long startNanos = System.nanoTime();
    InputFiles.Listing listing = InputFiles.list(inputs);
    IndexRun run =
        new IndexRun(
            runTarget,
            threads,
            commitEvery,
            progress,
            listing.articles().size(),
            startNanos,
            vectors != null);
    listing.problems().forEach(p -> run.reject(p.source(), p.reason()));
    try (DirectoryReader before = openReader()) {
      run.known = new IndexedArticles(before, sameConfiguration(before));
      run.readAll(listing.articles());
      run.finish();
      int pruned =
          prune == Prune.MISSING_SOURCES
              ? MissingSources.prune(before, inputs, run.seen.keySet(), this::deleteArticle)
              : 0;
      if (writer.hasUncommittedChanges()) {
        doCommit();
        if (mergeAfterRun && run.articles.get() > 0) {
          // One segment answers queries fastest (each term is looked up once, not once per
          // segment); measured in docs/performance.md. The merge is committed like any change.
          commitLock.writeLock().lock();
          try {
            writer.forceMerge(1);
          } finally {
            commitLock.writeLock().unlock();
          }
          doCommit();
        }
      }
      run.report(true);
      return new IngestReport(
          run.articles.get(),
          run.passages.get(),
          run.rejected(),
          listing.skipped(),
          run.inputBytes,
          Duration.ofNanos(System.nanoTime() - startNanos),
          run.unchanged,
          0,
          pruned,
          reenriched.getAndSet(0));
    } catch (IOException | AlreadyClosedException e) {
      throw failed(e);
    } finally {
      run.stopWorkers();
    }
  }

  /**
   * Deletes the articles with these ids and commits. An id that is not in the index, or cannot be
   * an article id, is rejected with the reason (its {@link Rejection#source()} is the id).
   *
   * @return the number deleted in {@link IngestReport#deleted()}, and the rejections
   * @throws IOException if the index cannot be written; the indexer is then rolled back to its last
   *     commit and closed
   * @throws IllegalStateException if the indexer is closed
   */
  public IngestReport delete(List<String> articleIds) throws IOException {
    Objects.requireNonNull(articleIds, "articleIds");
    ensureOpen();
    long startNanos = System.nanoTime();
    List<Rejection> rejected = new ArrayList<>();
    int deleted = 0;
    try (DirectoryReader before = openReader()) {
      IndexedArticles known = new IndexedArticles(before, true);
      for (String id : articleIds) {
        try {
          Article.checkId(id);
        } catch (IllegalArgumentException e) {
          rejected.add(new Rejection(id, e.getMessage()));
          continue;
        }
        if (known.lookup(id) == null) {
          rejected.add(new Rejection(id, "no article with this id in the index, nothing deleted"));
          continue;
        }
        deleteArticle(id);
        deleted++;
      }
      if (writer.hasUncommittedChanges()) {
        doCommit();
      }
    } catch (IOException | AlreadyClosedException e) {
      throw failed(e);
    }
    return new IngestReport(
        0,
        0,
        rejected,
        List.of(),
        0,
        Duration.ofNanos(System.nanoTime() - startNanos),
        0,
        deleted,
        0);
  }

  /**
   * Writes one article, replacing any article with the same id; not committed until {@link
   * #commit()}.
   *
   * @return the number of passages written
   * @throws IOException if the index cannot be written; the indexer is then rolled back to its last
   *     commit and closed
   * @throws IllegalStateException if the indexer is closed
   */
  public int add(Article article) throws IOException {
    ensureOpen();
    List<Document> docs = documents(article, Map.of());
    try {
      write(article.id(), docs);
    } catch (IOException | AlreadyClosedException e) {
      throw failed(e);
    }
    return docs.size() - 1;
  }

  /**
   * The passage documents and the article record of {@code article}; with embeddings, passages
   * whose text has a vector in {@code previous} reuse it instead of being embedded again.
   */
  private List<Document> documents(Article article, Map<String, float[]> previous) {
    List<Passage> passages = segmenter.segment(article);
    List<Enrichment> enrichments = passages.stream().map(p -> enricher.enrich(article, p)).toList();
    List<float[]> vectorList = vectors == null ? null : vectors.of(passages, previous);
    return ArticleDocuments.of(
        article, passages, enrichments, vectorList, indexAnalyzer, enricher::mentions);
  }

  /**
   * Passages this indexer embedded so far (0 without embeddings); passages whose text was unchanged
   * since the last run reuse their vector and are not counted.
   */
  public long embeddedPassages() {
    return vectors == null ? 0 : vectors.embedded();
  }

  /** The model that embeds passages, or null when this index has no vectors. */
  public DenseSpec dense() {
    return vectors == null ? null : vectors.embedder().spec();
  }

  private void write(String articleId, List<Document> docs) throws IOException {
    commitLock.readLock().lock();
    try {
      if (stale) {
        writtenWhileStale.add(articleId);
      }
      articleWriter.write(articleId, docs);
    } finally {
      commitLock.readLock().unlock();
    }
  }

  /**
   * Deletes an article and its passages; not committed until {@link #commit()}.
   *
   * @throws IOException if the index cannot be written; the indexer is then rolled back to its last
   *     commit and closed
   * @throws IllegalStateException if the indexer is closed
   */
  public void delete(String articleId) throws IOException {
    Article.checkId(articleId);
    ensureOpen();
    try {
      deleteArticle(articleId);
    } catch (IOException | AlreadyClosedException e) {
      throw failed(e);
    }
  }

  private void deleteArticle(String articleId) throws IOException {
    commitLock.readLock().lock();
    try {
      articleWriter.delete(articleId);
    } finally {
      commitLock.readLock().unlock();
    }
  }

  /**
   * Commits everything written so far, recording the manifest with the current counts.
   *
   * @throws IOException if the commit fails; the indexer is then rolled back to the previous
   *     commit, which is still intact, and closed
   * @throws IllegalStateException if the indexer is closed
   */
  public void commit() throws IOException {
    ensureOpen();
    try {
      doCommit();
    } catch (IOException | AlreadyClosedException e) {
      throw failed(e);
    }
  }

  private void doCommit() throws IOException {
    commitLock.writeLock().lock();
    try {
      if (stale) {
        reenrichTheRest();
      }
      long articles;
      long passages;
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        articles = searcher.count(kind(Fields.KIND_ARTICLE));
        passages = searcher.count(kind(Fields.KIND_PASSAGE));
      }
      writer.setLiveCommitData(manifest(articles, passages).toUserData().entrySet());
      writer.commit();
      stale = false;
      writtenWhileStale.clear();
    } finally {
      commitLock.writeLock().unlock();
    }
  }

  /**
   * Rewrites, with this indexer's configuration, every article the index holds that was not written
   * since it opened, reading each back from its article record (its input files may be gone or not
   * part of this run). Holds the commit lock, so no run writes meanwhile; an article a run writes
   * later replaces this rewrite, as it should.
   */
  private void reenrichTheRest() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      // Counted for the run's report, so a summary shows that stored articles were rewritten.
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setQueryCache(null);
      StoredArticles.forEach(
          searcher,
          writtenWhileStale,
          article -> {
            Map<String, float[]> previous =
                vectors == null ? Map.of() : PassageVectors.indexed(reader, article.id());
            articleWriter.write(article.id(), documents(article, previous));
            reenriched.incrementAndGet();
          });
    }
  }

  private IndexManifest manifest(long articles, long passages) {
    return new IndexManifest(
        SchemaVersion.CURRENT,
        analysis.toJson(),
        segmenter.describe(),
        enricher.topics(),
        enricher.version(),
        enricher.gazetteerVersion(),
        articles,
        passages,
        dense());
  }

  /**
   * Whether the commit {@code reader} sees was written with this indexer's segmentation, topics,
   * topic model version and gazetteer version; if not, no article may be skipped as unchanged,
   * since its documents would differ (a retrained model with the same topic names gives other
   * scores, another gazetteer other entity tokens).
   */
  private boolean sameConfiguration(DirectoryReader reader) throws IOException {
    Map<String, String> data = reader.getIndexCommit().getUserData();
    try {
      IndexManifest last = IndexManifest.fromUserData(data, path);
      return last.segmentation().equals(segmenter.describe())
          && last.topics().equals(enricher.topics())
          && last.topicModel().equals(enricher.version())
          && last.gazetteer().equals(enricher.gazetteerVersion());
    } catch (SchemaMismatchException e) {
      return false;
    }
  }

  private static TermQuery kind(String kind) {
    return new TermQuery(new Term(Fields.KIND, kind));
  }

  private void ensureOpen() {
    IOException f = failure;
    if (f != null) {
      throw new IllegalStateException(
          "indexer over " + path + " was closed after a failed write: " + f.getMessage(), f);
    }
    if (!writer.isOpen()) {
      throw new IllegalStateException("indexer over " + path + " is closed");
    }
  }

  /**
   * Rolls the writer back to the last commit, closes it, and returns the exception to throw: one
   * line that says what failed and that the last commit is intact.
   */
  private IOException failed(Exception e) {
    Throwable cause = e;
    if (e instanceof AlreadyClosedException && writer.getTragicException() != null) {
      cause = writer.getTragicException();
    }
    IOException wrapped =
        new IOException(
            "indexing into "
                + path
                + " failed, the index keeps its last commit: "
                + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName()
                    : cause.getMessage()),
            e);
    try {
      writer.rollback();
    } catch (IOException | RuntimeException r) {
      wrapped.addSuppressed(r);
    }
    if (failure == null) {
      failure = wrapped;
    }
    return wrapped;
  }

  /**
   * Commits what is pending and releases the index. After a failed write there is nothing left to
   * commit: the index already holds its last commit.
   *
   * @throws IOException if the final commit fails (the previous commit then stays intact)
   */
  @Override
  public void close() throws IOException {
    try {
      if (failure == null && writer.isOpen() && writer.hasUncommittedChanges()) {
        commit();
      }
    } finally {
      try {
        writer.close();
      } finally {
        try {
          closeDirectory();
        } finally {
          if (vectors != null) {
            vectors.embedder().close();
          }
        }
      }
    }
  }

  /** Configures an {@link Indexer}. Not thread-safe; build once. */
  public static final class Builder {
    private final Path path;
    private Directory directory;
    private AnalysisConfig analysis;
    private Segmenter segmenter = new ParagraphSegmenter(SegmentationConfig.defaults());
    private Enricher enricher;
    private int commitEvery = DEFAULT_COMMIT_EVERY;
    private int threads = Runtime.getRuntime().availableProcessors();
    private boolean mergeAfterRun = true;
    private double ramBufferMb = defaultRamBufferMb();
    private org.apache.lucene.index.MergePolicy mergePolicy;
    private ProgressListener progress = ProgressListener.NONE;
    private DenseModel dense;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "indexDir");
    }

    /**
     * Writes to this Lucene directory instead of opening the builder's path, which then only names
     * the index in messages. For apps that keep an index somewhere other than a plain file-system
     * directory, and for tests that inject faults. The caller keeps ownership: {@link
     * Indexer#close()} does not close it.
     */
    public Builder withDirectory(Directory directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The analysis for a new index. An existing index keeps its own, and asking for a different one
     * fails at {@link #build()}. Default: {@link AnalysisConfig#defaults()}.
     */
    public Builder withAnalysis(AnalysisConfig analysis) {
      this.analysis = Objects.requireNonNull(analysis, "analysis");
      return this;
    }

    /** Passage sizes for the default segmenter. */
    public Builder withSegmentation(SegmentationConfig config) {
      this.segmenter = new ParagraphSegmenter(config);
      return this;
    }

    /** A custom segmenter. */
    public Builder withSegmenter(Segmenter segmenter) {
      this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
      return this;
    }

    /**
     * The enricher that adds topics and entities; default {@link NewsEnricher#defaults()} (the
     * built-in gazetteer and topics). Use {@code new NewsEnricher(gazetteer, topicModel)} for
     * custom entities or topics.
     */
    public Builder withEnricher(Enricher enricher) {
      this.enricher = Objects.requireNonNull(enricher, "enricher");
      return this;
    }

    /**
     * Threads for {@link Indexer#index}: the calling thread reads and parses files in order, and
     * {@code threads} workers segment, enrich and write articles (1: everything on the calling
     * thread). Default: the number of processors. Results do not depend on it: ranked lists break
     * ties by passage id and rejections are reported in input order.
     */
    public Builder withThreads(int threads) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("threads must be in [1, 256], got: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Whether {@link Indexer#index} merges the index into one segment after a run that wrote
     * articles; default true. Searches are faster on one segment; an app that indexes a few
     * articles at a time into a large index may prefer to let Lucene's merge policy work alone.
     */
    public Builder withMergeAfterRun(boolean merge) {
      this.mergeAfterRun = merge;
      return this;
    }

    /**
     * Commit every {@code articles} articles during {@link Indexer#index(List)}; default {@value
     * #DEFAULT_COMMIT_EVERY}. A commit stalls the workers and flushes segments on one thread;
     * measured in docs/performance.md. A crash loses at most this many articles, and re-running
     * skips the ones already committed.
     */
    public Builder withCommitEvery(int articles) {
      if (articles < 1) {
        throw new IllegalArgumentException("commitEvery must be >= 1, got: " + articles);
      }
      this.commitEvery = articles;
      return this;
    }

    /** IndexWriter's RAM buffer in MB; default {@link #defaultRamBufferMb()}. */
    public Builder withRamBufferMb(double mb) {
      if (!(mb >= 1 && mb <= 2048)) {
        throw new IllegalArgumentException("ramBufferMb must be in [1, 2048], got: " + mb);
      }
      this.ramBufferMb = mb;
      return this;
    }

    /**
     * Lucene's merge policy for the index writer; default Lucene's own ({@code TieredMergePolicy}
     * with its defaults), kept by measurement (docs/performance.md, "Parley 7 knobs and ablation").
     * For benchmarks and apps with their own merge needs; {@link #withMergeAfterRun} still merges a
     * bulk run to one segment.
     */
    public Builder withMergePolicy(org.apache.lucene.index.MergePolicy policy) {
      this.mergePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Gives every passage a dense vector from {@code model} (opt-in; default none). Embedding runs
     * on the indexing workers ({@link #withThreads}), one ONNX session each. The model is recorded
     * in the manifest; an index that already has vectors keeps its model (it need not be given
     * again), and asking for another model, or for vectors in an index that has passages without
     * them, fails at {@link #build()}.
     */
    public Builder withEmbeddings(DenseModel model) {
      this.dense = Objects.requireNonNull(model, "model");
      return this;
    }

    /** Receives progress about once a second during {@link Indexer#index(List)}. */
    public Builder withProgress(ProgressListener listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Opens (or creates) the index.
     *
     * @throws SchemaMismatchException if the directory holds an index of another schema version, or
     *     one analyzed differently from {@link #withAnalysis}
     * @throws IOException if the index cannot be opened or is locked by another process
     */
    public Indexer build() throws IOException {
      AnalysisConfig effective = analysis == null ? AnalysisConfig.defaults() : analysis;
      IndexManifest manifest = null;
      if (directory != null) {
        manifest = existingManifest(directory);
      } else if (Files.isDirectory(path)) {
        try (Directory dir = FSDirectory.open(path)) {
          manifest = existingManifest(dir);
        }
      }
      DenseModel model = dense;
      if (manifest != null) {
        effective = existingAnalysis(manifest);
        model = DenseChoice.check(path, manifest, dense);
      }
      Embedder embedder = model == null ? null : Embedder.open(model, threads);
      try {
        if (embedder != null && manifest != null) {
          DenseChoice.checkVersion(path, manifest, embedder.spec());
        }
        return new Indexer(this, effective, embedder);
      } catch (IOException | RuntimeException e) {
        if (embedder != null) {
          embedder.close();
        }
        throw e;
      }
    }

    /** The manifest of the index in {@code dir}, or null if there is no index yet. */
    private IndexManifest existingManifest(Directory dir) throws IOException {
      try {
        if (!DirectoryReader.indexExists(dir)) {
          return null;
        }
        return IndexManifest.read(dir, path);
      } catch (SchemaMismatchException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        // Lucene reports damage with many types, some unchecked (a stray segments_* file).
        throw new DamagedIndexException(path, e);
      }
    }

    /** The analysis recorded in {@code manifest}; it must equal one asked for. */
    private AnalysisConfig existingAnalysis(IndexManifest manifest) throws IOException {
      AnalysisConfig existing = AnalysisConfig.fromJson(manifest.analysis());
      if (analysis != null && !analysis.equals(existing)) {
        throw new SchemaMismatchException(
            "index "
                + path
                + " was analyzed with "
                + existing.toJson()
                + " but this indexer asks for "
                + analysis.toJson()
                + ": index into a new directory, or drop the analysis setting");
      }
      return existing;
    }
  }
}
