package dev.parley.indexer;

import dev.parley.indexer.ingest.ArticleSink;
import dev.parley.indexer.ingest.InputFiles;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;

/**
 * One run of {@link Indexer#index(java.util.List, Indexer.Prune)}: the parallel pipeline. The
 * calling thread reads and parses files in order and skips unchanged articles; with more than one
 * thread, workers segment, enrich and build the documents of the rest in parallel and write them to
 * Lucene one at a time (see {@code writeLock}). It commits every {@code commitEvery} articles,
 * collects rejections in input order, and reports progress about once a second.
 *
 * <p>Thread safety: {@link #readAll}, {@link #accept} and {@link #finish} run on the calling
 * thread; the counters and rejections are shared with the workers and safe for them.
 */
final class IndexRun implements ArticleSink {
  /** What a run writes through: the indexer's documents, write and commit. */
  interface Target {
    /**
     * The passage documents and the article record of {@code article}; {@code known} is the index
     * as the run started (where unchanged passages find their vectors).
     */
    List<Document> documents(Article article, IndexedArticles known) throws IOException;

    /** Writes one article's documents, replacing any earlier version (not committed). */
    void write(String articleId, List<Document> docs) throws IOException;

    /** Commits what is written, recording the manifest. */
    void commit() throws IOException;

    /**
     * Flushes one in-memory segment buffer of the writer to disk on the calling thread; false when
     * none holds documents. Safe to call from several threads at once: each takes its own buffer.
     */
    boolean flushNextBuffer() throws IOException;
  }

  final Map<String, String> seen = new HashMap<>();
  final TreeMap<Long, Rejection> rejections = new TreeMap<>();
  final int totalFiles;
  final long startNanos;
  final int threads;
  final ExecutorService workers;
  final ExecutorService readers;
  final int maxInFlight;
  final Semaphore inFlight;
  final AtomicReference<IOException> failure = new AtomicReference<>();
  final AtomicInteger articles = new AtomicInteger();
  final AtomicLong passages = new AtomicLong();
  private final Target target;
  private final int commitEvery;
  private final ProgressListener progress;
  IndexedArticles known;
  long nextSequence;
  long nextOrder;

  /**
   * With embeddings and workers, articles are written to Lucene in input order by one thread at a
   * time, so the segments, the HNSW graphs and so the approximate nearest neighbours are the same
   * on every run (an HNSW graph depends on the order its vectors arrive). Null otherwise: without
   * vectors the order of documents changes no ranking.
   */
  final OrderedWrites ordered;

  /**
   * Held while an article's documents go into Lucene: the workers segment, analyse, enrich and
   * build documents in parallel, but write one at a time. Lucene's IndexWriter gives every thread
   * writing at the same instant its own in-memory segment buffer; two workers writing at once leave
   * two buffers, so two segments, and the run's final {@code forceMerge(1)} rewrites the whole
   * index to join them (1.4 to 3.8 s on one core for Reuters, with the other idle). Written one at
   * a time, a run that fits the RAM buffer leaves one segment and the merge has nothing to do; the
   * 2-thread rate did not fall (docs/performance.md, "Parley 7 indexing, fifth session"). Ordered
   * writes ({@link #ordered}) are one at a time already.
   */
  private final Object writeLock = new Object();

  long lastReport;
  int files;
  int unchanged;
  long inputBytes;
  int sinceCommit;

  IndexRun(
      Target target,
      int threads,
      int commitEvery,
      ProgressListener progress,
      int totalFiles,
      long startNanos,
      boolean inOrder) {
    this.target = target;
    this.commitEvery = commitEvery;
    this.progress = progress;
    this.totalFiles = totalFiles;
    this.startNanos = startNanos;
    this.threads = threads;
    this.lastReport = startNanos;
    // The calling thread parses; with more than one thread, workers segment, enrich and write.
    // At most a few articles per worker wait in line, so memory stays bounded on any input.
    this.workers =
        threads > 1
            ? Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "parley-indexer");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    this.maxInFlight = threads * 4;
    // Reading many small files one by one on the calling thread (open, read, close, parse each)
    // would leave the workers waiting once analysis is cheap; a few readers keep them fed.
    this.readers =
        threads > 1
            ? Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "parley-reader");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    this.inFlight = new Semaphore(maxInFlight);
    this.ordered = inOrder && workers != null ? new OrderedWrites() : null;
  }

  /**
   * Writes finished articles strictly in input order: an article that finishes early waits (holding
   * its in-flight permit, so memory stays bounded) until every earlier one is written.
   */
  final class OrderedWrites {
    private final TreeMap<Long, IoAction> waiting = new TreeMap<>();
    private long next;

    /** Article number {@code order} is ready: {@code action} writes it (null: nothing to write). */
    synchronized void done(long order, IoAction action) {
      waiting.put(order, action == null ? () -> {} : action);
      while (!waiting.isEmpty() && waiting.firstKey() == next) {
        IoAction a = waiting.pollFirstEntry().getValue();
        next++;
        try {
          a.run();
        } catch (IOException e) {
          failure.compareAndSet(null, e);
        } catch (RuntimeException e) {
          failure.compareAndSet(null, new IOException("indexing failed: " + e, e));
        } finally {
          inFlight.release();
        }
      }
    }
  }

  /** A write that may fail with an {@link IOException}. */
  interface IoAction {
    void run() throws IOException;
  }

  /**
   * Parses {@code files} in order into this run; stops early after a failed write. With more than
   * one thread, small files are read and parsed ahead on {@code readers} and replayed here in input
   * order, so the outcome (article order, rejections, duplicate ids) is that of reading them one by
   * one.
   */
  void readAll(List<Path> articleFiles) {
    if (readers == null) {
      for (Path file : articleFiles) {
        readInline(file);
        if (failure.get() != null) {
          break;
        }
        files++;
        report(false);
      }
      return;
    }
    ArrayDeque<Future<ReadAhead>> window = new ArrayDeque<>();
    int next = 0;
    while (next < articleFiles.size() || !window.isEmpty()) {
      while (next < articleFiles.size() && window.size() < maxInFlight) {
        Path file = articleFiles.get(next++);
        window.add(readers.submit(() -> ReadAhead.of(file)));
      }
      ReadAhead read;
      try {
        read = window.poll().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.compareAndSet(null, new InterruptedIOException("indexing interrupted"));
        break;
      } catch (ExecutionException e) {
        failure.compareAndSet(null, new IOException("reading failed: " + e.getCause(), e));
        break;
      }
      read.replay(this);
      if (failure.get() != null) {
        break;
      }
      files++;
      report(false);
    }
    window.forEach(f -> f.cancel(true));
  }

  /** Reads and parses one file on this thread, streaming its articles into the run. */
  private void readInline(Path file) {
    try {
      inputBytes += Files.size(file);
      InputFiles.Format.of(file).parser().parse(file, this);
    } catch (IOException e) {
      reject(file.toString(), "cannot read: " + InputFiles.describe(e));
    }
  }

  /**
   * One file read and parsed ahead: its size and what the parser reported, in order; or, for a
   * large file, nothing yet ({@link #streamed}): it is parsed when its turn comes, so memory stays
   * bounded whatever the file size.
   */
  private record ReadAhead(
      Path file, boolean streamed, long bytes, List<Object> events, IOException error) {
    /** Files up to this size are read ahead; a larger one streams on the calling thread. */
    static final long MAX_BYTES = 1 << 20;

    static ReadAhead of(Path file) {
      List<Object> events = new ArrayList<>();
      long bytes = 0;
      try {
        bytes = Files.size(file);
        if (bytes > MAX_BYTES) {
          return new ReadAhead(file, true, 0, List.of(), null);
        }
        InputFiles.Format.of(file)
            .parser()
            .parse(
                file,
                new ArticleSink() {
                  @Override
                  public void accept(Article article) {
                    events.add(article);
                  }

                  @Override
                  public void reject(String source, String reason) {
                    events.add(new Rejection(source, reason));
                  }
                });
        return new ReadAhead(file, false, bytes, events, null);
      } catch (IOException e) {
        return new ReadAhead(file, false, bytes, events, e);
      }
    }

    /** Feeds the file's outcome to {@code run} as reading it there would have. */
    void replay(IndexRun run) {
      if (streamed) {
        run.readInline(file);
        return;
      }
      run.inputBytes += bytes;
      for (Object event : events) {
        if (event instanceof Article a) {
          run.accept(a);
        } else {
          Rejection r = (Rejection) event;
          run.reject(r.source(), r.reason());
        }
      }
      if (error != null) {
        run.reject(file.toString(), "cannot read: " + InputFiles.describe(error));
      }
    }
  }

  @Override
  public void accept(Article article) {
    if (failure.get() != null) {
      return;
    }
    String earlier = seen.putIfAbsent(article.id(), article.source());
    if (earlier != null) {
      reject(article.source(), Rejection.duplicateId(article.id(), earlier));
      return;
    }
    try {
      if (known.unchanged(article)) {
        unchanged++;
        return;
      }
      long sequence = nextSequence++;
      if (workers == null) {
        write(article, sequence, -1);
      } else {
        inFlight.acquire();
        long order = nextOrder++;
        workers.execute(
            () -> {
              try {
                write(article, sequence, order);
              } catch (IOException e) {
                failure.compareAndSet(null, e);
              } catch (RuntimeException e) {
                failure.compareAndSet(null, new IOException("indexing failed: " + e, e));
              } finally {
                if (ordered == null) {
                  inFlight.release();
                }
              }
            });
      }
      if (++sinceCommit >= commitEvery) {
        drain();
        flushBuffers();
        if (failure.get() != null) {
          return; // the run stops; finish() throws the failure and nothing is committed
        }
        target.commit();
        sinceCommit = 0;
      }
    } catch (IOException e) {
      failure.compareAndSet(null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, new InterruptedIOException("indexing interrupted"));
    }
  }

  /**
   * Segments, enriches (and embeds) one article, then writes it; called on a worker thread when
   * there are any. With {@link #ordered}, articles are written in input order ({@code order}).
   */
  private void write(Article article, long sequence, long order) throws IOException {
    List<Document> docs = null;
    try {
      docs = target.documents(article, known);
    } catch (RuntimeException e) {
      // A bug in a segmenter or enricher must not cost the rest of the run.
      reject(sequence, article.source(), "could not be indexed (internal error): " + e);
    } finally {
      if (ordered != null) {
        List<Document> built = docs;
        ordered.done(order, built == null ? null : () -> store(article, sequence, built));
      }
    }
    if (ordered == null && docs != null) {
      store(article, sequence, docs);
    }
  }

  /** Writes one article's documents and counts it (or rejects it if Lucene refuses it). */
  private void store(Article article, long sequence, List<Document> docs) throws IOException {
    try {
      synchronized (writeLock) {
        target.write(article.id(), docs);
      }
    } catch (IllegalArgumentException e) {
      // Lucene refuses a document it cannot index (say, an immense term) without harm to the
      // index: that article is rejected, the run goes on.
      reject(sequence, article.source(), "Lucene refused the article: " + e.getMessage());
      return;
    }
    passages.addAndGet(docs.size() - 1);
    articles.incrementAndGet();
  }

  /** Waits until every submitted article is written (so a commit holds all of them). */
  void drain() throws InterruptedException {
    if (workers != null) {
      inFlight.acquire(maxInFlight);
      inFlight.release(maxInFlight);
    }
  }

  /**
   * Before a commit: flushes the writer's in-memory segment buffers (one per thread that wrote) on
   * all the workers at once. A commit would otherwise flush them one after another on the calling
   * thread while the workers sit idle: with two threads about a fifth of a Reuters run's parallel
   * stages (docs/performance.md, "Two-thread scaling"). Each buffer becomes the same segment either
   * way, so the index is the same. Not with {@link #ordered} writes, whose segments must come out
   * in a fixed order. Call after {@link #drain()}.
   */
  void flushBuffers() throws InterruptedException {
    if (workers == null || ordered != null || failure.get() != null) {
      return;
    }
    List<Future<?>> flushes = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      flushes.add(
          workers.submit(
              () -> {
                while (target.flushNextBuffer()) {
                  // each call flushes one buffer; the next call looks for another
                }
                return null;
              }));
    }
    for (Future<?> f : flushes) {
      try {
        f.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        failure.compareAndSet(
            null,
            cause instanceof IOException io
                ? io
                : new IOException("flushing failed: " + cause, cause));
      }
    }
  }

  void finish() throws IOException {
    try {
      drain();
      flushBuffers();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("indexing interrupted");
    } finally {
      if (workers != null) {
        workers.shutdown();
      }
      if (readers != null) {
        readers.shutdown();
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  /** Stops the workers and readers at once (after a failure they may still be queued). */
  void stopWorkers() {
    if (workers != null) {
      workers.shutdownNow();
    }
    if (readers != null) {
      readers.shutdownNow();
    }
  }

  private void reject(long sequence, String source, String reason) {
    synchronized (rejections) {
      rejections.put(sequence, new Rejection(source, reason));
    }
  }

  /** The rejections in input order, whatever thread found them. */
  List<Rejection> rejected() {
    synchronized (rejections) {
      return new ArrayList<>(rejections.values());
    }
  }

  @Override
  public void reject(String source, String reason) {
    reject(nextSequence++, source, reason);
  }

  void report(boolean last) {
    long now = System.nanoTime();
    if (last || now - lastReport >= 1_000_000_000L) {
      lastReport = now;
      progress.onProgress(
          new IngestProgress(
              files,
              totalFiles,
              articles.get(),
              passages.get(),
              rejected().size(),
              Duration.ofNanos(now - startNanos)));
    }
  }
}
