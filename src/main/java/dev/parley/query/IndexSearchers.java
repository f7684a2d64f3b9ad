package dev.parley.query;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;

/**
 * The Lucene searchers of one {@link Searcher}: hands each search a searcher over the newest
 * commit, and closes only when no search holds one.
 *
 * <p>Thread safety: safe for concurrent use.
 */
final class IndexSearchers {
  private final Path path;
  private final SearcherManager manager;

  /**
   * Searches hold the read lock while they run; {@link #close()} takes the write lock, so it waits
   * for them, and marks the searcher closed for every later search.
   */
  private final ReentrantReadWriteLock closeLock = new ReentrantReadWriteLock();

  private boolean closed; // guarded by closeLock

  IndexSearchers(Path path, Directory directory, Similarity similarity) throws IOException {
    this.path = path;
    this.manager =
        new SearcherManager(
            directory,
            new SearcherFactory() {
              @Override
              public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(similarity);
                return searcher;
              }
            });
  }

  /** The current searcher, after picking up a new commit; pair with {@link #release}. */
  IndexSearcher acquire() throws IOException {
    closeLock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("searcher over " + path + " is closed");
      }
      // Blocking, so that a commit finished before this search started is always visible to it:
      // the non-blocking refresh returns at once while another thread refreshes, leaving this
      // search on the older reader (say, one that still holds a deleted article).
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
   * Waits for the searches in progress, then releases the readers.
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
    manager.close();
    return true;
  }
}
