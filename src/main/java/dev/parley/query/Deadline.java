package dev.parley.query;

import java.time.Duration;
import org.apache.lucene.index.QueryTimeout;

/**
 * The time limit of one search, for {@link org.apache.lucene.search.IndexSearcher#setTimeout}: the
 * searcher asks it between blocks of documents and stops collecting once it has passed. Unlike
 * Lucene's {@code QueryTimeoutImpl} it counts in nanoseconds, so short limits are exact.
 *
 * <p>Thread safety: immutable.
 */
final class Deadline implements QueryTimeout {
  private final long deadlineNanos;

  Deadline(Duration timeout) {
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
  }

  @Override
  public boolean shouldExit() {
    return System.nanoTime() - deadlineNanos >= 0;
  }
}
