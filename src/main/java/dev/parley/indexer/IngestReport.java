package dev.parley.indexer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one indexing run did.
 *
 * @param articles articles written (new or replacing an earlier version)
 * @param passages passages written
 * @param rejected inputs not indexed, in input order, each with its reason
 * @param skipped files that are not articles (for example an {@code index.tsv}), not an error
 * @param inputBytes bytes of article files read
 * @param elapsed wall-clock time of the run, commits included
 */
public record IngestReport(
    int articles,
    long passages,
    List<Rejection> rejected,
    List<Path> skipped,
    long inputBytes,
    Duration elapsed) {

  /** Validates the values and copies the lists. */
  public IngestReport {
    rejected = List.copyOf(rejected);
    skipped = List.copyOf(skipped);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** True when no input was rejected. */
  public boolean ok() {
    return rejected.isEmpty();
  }
}
