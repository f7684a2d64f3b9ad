package dev.parley.indexer;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.ParleyAnalyzer;
import dev.parley.indexer.enrich.Enricher;
import dev.parley.indexer.enrich.Enrichment;
import dev.parley.indexer.enrich.NewsEnricher;
import dev.parley.indexer.ingest.ArticleSink;
import dev.parley.indexer.ingest.InputFiles;
import dev.parley.indexer.segment.ParagraphSegmenter;
import dev.parley.indexer.segment.SegmentationConfig;
import dev.parley.indexer.segment.Segmenter;
import dev.parley.indexer.write.ArticleDocuments;
import dev.parley.schema.Fields;
import dev.parley.schema.IndexManifest;
import dev.parley.schema.SchemaMismatchException;
import dev.parley.schema.SchemaVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
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
 * <p>Commits are explicit: {@link #index(List)} commits every {@code commitEvery} articles and at
 * the end; {@link #add(Article)} leaves committing to {@link #commit()} (or {@link #close()}). Each
 * commit records an {@link IndexManifest}. A crash loses at most what was written since the last
 * commit; an article is always replaced as a whole block, never half.
 *
 * <p>Thread safety: {@link #add(Article)}, {@link #delete(String)} and {@link #commit()} may be
 * called from several threads; a commit waits for adds in progress, so its recorded counts match
 * the committed documents. One {@code Indexer} per index directory at a time (Lucene's write lock
 * enforces it).
 */
public final class Indexer implements AutoCloseable {
  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final AnalysisConfig analysis;
  private final Segmenter segmenter;
  private final Enricher enricher;
  private final int commitEvery;
  private final ProgressListener progress;
  private final ReadWriteLock commitLock = new ReentrantReadWriteLock();

  private Indexer(Builder b, AnalysisConfig analysis) throws IOException {
    this.path = b.path;
    this.analysis = analysis;
    this.segmenter = b.segmenter;
    this.enricher = b.enricher == null ? NewsEnricher.defaults() : b.enricher;
    this.commitEvery = b.commitEvery;
    this.progress = b.progress;
    Files.createDirectories(path);
    this.directory = FSDirectory.open(path);
    IndexWriterConfig config = new IndexWriterConfig(new ParleyAnalyzer(analysis));
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(b.ramBufferMb);
    config.setCommitOnClose(false);
    IndexWriter opened;
    try {
      opened = new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IOException(
          "index "
              + path
              + " is locked by another process (write.lock): wait for the other"
              + " indexer to finish; if none is running, the lock is released automatically",
          e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    this.writer = opened;
    if (!DirectoryReader.indexExists(directory)) {
      commit();
    }
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
   * order), then commits. Bad articles are rejected with a reason and the rest are indexed; files
   * that are not articles are skipped. An article id read twice in one run is rejected the second
   * time, naming both sources.
   *
   * @return what the run did
   * @throws IOException if the index cannot be written (inputs that cannot be read are rejected)
   */
  public IngestReport index(List<Path> inputs) throws IOException {
    Objects.requireNonNull(inputs, "inputs");
    long startNanos = System.nanoTime();
    InputFiles.Listing listing = InputFiles.list(inputs);
    RunSink run = new RunSink(listing.articles().size(), startNanos);
    run.rejected.addAll(listing.problems());
    for (Path file : listing.articles()) {
      try {
        run.inputBytes += Files.size(file);
        InputFiles.Format.of(file).parser().parse(file, run);
      } catch (IOException e) {
        run.reject(file.toString(), "cannot read: " + InputFiles.describe(e));
      }
      if (run.failure != null) {
        throw run.failure;
      }
      run.files++;
      run.report(false);
    }
    commit();
    run.report(true);
    return new IngestReport(
        run.articles,
        run.passages,
        run.rejected,
        listing.skipped(),
        run.inputBytes,
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /**
   * Writes one article, replacing any article with the same id; not committed until {@link
   * #commit()}.
   *
   * @return the number of passages written
   * @throws IOException if the index cannot be written
   */
  public int add(Article article) throws IOException {
    List<Passage> passages = segmenter.segment(article);
    List<Enrichment> enrichments = passages.stream().map(p -> enricher.enrich(article, p)).toList();
    var docs = ArticleDocuments.of(article, passages, enrichments);
    commitLock.readLock().lock();
    try {
      writer.updateDocuments(new Term(Fields.ARTICLE_ID, article.id()), docs);
    } finally {
      commitLock.readLock().unlock();
    }
    return passages.size();
  }

  /**
   * Deletes an article and its passages; not committed until {@link #commit()}.
   *
   * @throws IOException if the index cannot be written
   */
  public void delete(String articleId) throws IOException {
    Article.checkId(articleId);
    commitLock.readLock().lock();
    try {
      writer.deleteDocuments(new Term(Fields.ARTICLE_ID, articleId));
    } finally {
      commitLock.readLock().unlock();
    }
  }

  /**
   * Commits everything written so far, recording the manifest with the current counts.
   *
   * @throws IOException if the commit fails; the previous commit is then still intact
   */
  public void commit() throws IOException {
    commitLock.writeLock().lock();
    try {
      long articles;
      long passages;
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        articles = searcher.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)));
        passages = searcher.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)));
      }
      IndexManifest manifest =
          new IndexManifest(
              SchemaVersion.CURRENT,
              analysis.toJson(),
              segmenter.describe(),
              enricher.topics(),
              articles,
              passages);
      writer.setLiveCommitData(manifest.toUserData().entrySet());
      writer.commit();
    } finally {
      commitLock.writeLock().unlock();
    }
  }

  /**
   * Commits what is pending and releases the index.
   *
   * @throws IOException if the final commit fails
   */
  @Override
  public void close() throws IOException {
    try {
      if (writer.hasUncommittedChanges()) {
        commit();
      }
    } finally {
      try {
        writer.close();
      } finally {
        directory.close();
      }
    }
  }

  /** Collects one run's articles and rejections and writes each article as it arrives. */
  private final class RunSink implements ArticleSink {
    final Map<String, String> seen = new HashMap<>();
    final List<Rejection> rejected = new ArrayList<>();
    final int totalFiles;
    final long startNanos;
    long lastReport;
    int files;
    int articles;
    long passages;
    long inputBytes;
    int sinceCommit;
    IOException failure;

    RunSink(int totalFiles, long startNanos) {
      this.totalFiles = totalFiles;
      this.startNanos = startNanos;
      this.lastReport = startNanos;
    }

    @Override
    public void accept(Article article) {
      if (failure != null) {
        return;
      }
      String earlier = seen.putIfAbsent(article.id(), article.source());
      if (earlier != null) {
        reject(
            article.source(),
            "duplicate article id '"
                + article.id()
                + "': already read from "
                + earlier
                + " in this run; give one of them another id");
        return;
      }
      try {
        passages += add(article);
        articles++;
        if (++sinceCommit >= commitEvery) {
          commit();
          sinceCommit = 0;
        }
      } catch (IOException e) {
        failure = e;
      }
    }

    @Override
    public void reject(String source, String reason) {
      rejected.add(new Rejection(source, reason));
    }

    void report(boolean last) {
      long now = System.nanoTime();
      if (last || now - lastReport >= 1_000_000_000L) {
        lastReport = now;
        progress.onProgress(
            new IngestProgress(
                files,
                totalFiles,
                articles,
                passages,
                rejected.size(),
                Duration.ofNanos(now - startNanos)));
      }
    }
  }

  /** Configures an {@link Indexer}. Not thread-safe; build once. */
  public static final class Builder {
    private final Path path;
    private AnalysisConfig analysis;
    private Segmenter segmenter = new ParagraphSegmenter(SegmentationConfig.defaults());
    private Enricher enricher;
    private int commitEvery = 1000;
    private double ramBufferMb = 64;
    private ProgressListener progress = ProgressListener.NONE;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "indexDir");
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

    /** Commit every {@code articles} articles during {@link Indexer#index(List)}; default 1000. */
    public Builder withCommitEvery(int articles) {
      if (articles < 1) {
        throw new IllegalArgumentException("commitEvery must be >= 1, got: " + articles);
      }
      this.commitEvery = articles;
      return this;
    }

    /** IndexWriter's RAM buffer in MB; default 64. */
    public Builder withRamBufferMb(double mb) {
      if (!(mb >= 1 && mb <= 2048)) {
        throw new IllegalArgumentException("ramBufferMb must be in [1, 2048], got: " + mb);
      }
      this.ramBufferMb = mb;
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
      if (Files.isDirectory(path)) {
        try (Directory dir = FSDirectory.open(path)) {
          if (DirectoryReader.indexExists(dir)) {
            IndexManifest manifest = IndexManifest.read(dir, path);
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
            effective = existing;
          }
        }
      }
      return new Indexer(this, effective);
    }
  }
}
