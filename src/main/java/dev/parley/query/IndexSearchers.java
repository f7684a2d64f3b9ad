package dev.parley.query;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;

/**
 * The Lucene searchers of one {@link Searcher}: hands each search a searcher that sees every commit
 * finished before the search started, and closes only when no search holds one.
 *
 * <p>How it stays fresh without making searches queue: a background thread refreshes the reader
 * every {@link #REFRESH_INTERVAL} (Lucene's {@link SearcherManager#maybeRefresh()}, which skips
 * when a refresh is already running). A search compares the newest commit generation in the
 * directory (one directory listing, no lock, no file read) with its reader's; only when the
 * directory holds a newer commit does it wait for a refresh. Searches that need no newer commit
 * never touch the refresh lock, so they do not queue behind one. This is Lucene's {@code
 * ControlledRealTimeReopenThread} idea (wait for a generation only where a caller needs it) for a
 * searcher that has no {@code IndexWriter} of its own: the commit generation plays the part of the
 * writer's sequence number, and every search needs the generation current when it started.
 *
 * <p>Thread safety: safe for concurrent use.
 */
final class IndexSearchers {
  /** How often the background thread looks for a new commit. */
  static final Duration REFRESH_INTERVAL = Duration.ofMillis(50);

  private final Path path;
  private final Directory directory;
  private final SearcherManager manager;
  private final Thread refresher;

  /**
   * Searches hold the read lock while they run; {@link #close()} takes the write lock, so it waits
   * for them, and marks the searcher closed for every later search.
   */
  private final ReentrantReadWriteLock closeLock = new ReentrantReadWriteLock();

  private boolean closed; // guarded by closeLock

  /** Set by {@link #close()}; the background thread then stops. */
  private volatile boolean stopping;

  /** An {@link IndexSearcher} that knows which commit its reader opened. */
  private static final class CommitSearcher extends IndexSearcher {
    final long generation;

    CommitSearcher(IndexReader reader, long generation) {
      super(reader);
      this.generation = generation;
    }
  }

  IndexSearchers(Path path, Directory directory, Similarity similarity) throws IOException {
    this.path = path;
    this.directory = directory;
    this.manager =
        new SearcherManager(
            directory,
            new SearcherFactory() {
              @Override
              public IndexSearcher newSearcher(IndexReader reader, IndexReader previous)
                  throws IOException {
                long generation = ((DirectoryReader) reader).getIndexCommit().getGeneration();
                IndexSearcher searcher = new CommitSearcher(reader, generation);
                searcher.setSimilarity(similarity);
                return searcher;
              }
            });
    this.refresher = new Thread(this::refreshLoop, "parley-refresh " + path);
    refresher.setDaemon(true);
    refresher.start();
  }

  /**
   * Refreshes in the background until closed. Woken by {@link LockSupport#unpark}, never by an
   * interrupt: an interrupt during a read would close the file channels of an {@code
   * NIOFSDirectory} that every search shares.
   */
  private void refreshLoop() {
    while (!stopping) {
      LockSupport.parkNanos(REFRESH_INTERVAL.toNanos());
      if (stopping) {
        return;
      }
      try {
        manager.maybeRefresh();
      } catch (AlreadyClosedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        // Not lost: the next search that needs the new commit refreshes itself and throws it.
      }
    }
  }

  /**
   * A searcher that sees at least the newest commit in the directory when called; pair with {@link
   * #release}.
   */
  IndexSearcher acquire() throws IOException {
    closeLock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("searcher over " + path + " is closed");
      }
      // Listed before acquiring: any commit that finished before this search started is in the
      // listing, so a reader at least that new keeps docs/reliability.md's promise.
      long newest = SegmentInfos.getLastCommitGeneration(directory.listAll());
      IndexSearcher searcher = manager.acquire();
      if (((CommitSearcher) searcher).generation >= newest) {
        return searcher;
      }
      manager.release(searcher);
      // A newer commit: wait for the refresh in progress, or refresh now. Blocking, because the
      // non-blocking refresh returns at once while another thread refreshes, leaving this search
      // on the older reader (say, one that still holds a deleted article).
      manager.maybeRefreshBlocking();
      return manager.acquire();
    } catch (AlreadyClosedException e) {
      closeLock.readLock().unlock();
      throw new IllegalStateException("searcher over " + path + " is closed", e);
    } catch (IOException | RuntimeException e) {
      closeLock.readLock().unlock();
      throw e;
    }
  }

  void release(IndexSearcher searcher) throws IOException {
    try {
      manager.release(searcher);
    } finally {
      closeLock.readLock().unlock();
    }
  }

  /**
   * Waits for the searches in progress, stops the background refresh, then releases the readers.
   *
   * @return false if already closed (nothing done)
   */
  boolean close() throws IOException {
    closeLock.writeLock().lock();
    try {
      if (closed) {
        return false;
      }
      closed = true;
    } finally {
      closeLock.writeLock().unlock();
    }
    stopping = true;
    LockSupport.unpark(refresher);
    boolean interrupted = false;
    while (refresher.isAlive()) {
      try {
        refresher.join();
      } catch (InterruptedException e) {
        interrupted = true; // finish closing first, then keep the caller's interrupt
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    manager.close();
    return true;
  }
}
