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

  /** Passages written per second so far (with embeddings, the rate that matters). */
  public double passagesPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : passages / seconds;
  }

  /**
   * Estimated time to the end of the run, from the share of files read so far, or null before the
   * first file (no basis for an estimate yet).
   */
  public Duration eta() {
    if (files <= 0 || totalFiles <= 0) {
      return null;
    }
    return Duration.ofNanos((long) (elapsed.toNanos() * (double) (totalFiles - files) / files));
  }
}
