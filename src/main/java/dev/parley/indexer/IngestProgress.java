package dev.parley.indexer;

import java.time.Duration;

/**
 * A snapshot of a running indexing job, passed to a {@link ProgressListener}.
 *
 * @param files article files read so far
 * @param totalFiles article files in the run
 * @param articles articles written so far
 * @param passages passages written so far
 * @param rejected inputs rejected so far
 * @param elapsed time since the run started
 */
public record IngestProgress(
    int files, int totalFiles, int articles, long passages, int rejected, Duration elapsed) {

  /** Articles written per second so far. */
  public double articlesPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : articles / seconds;
  }
}
