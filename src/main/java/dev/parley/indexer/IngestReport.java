package dev.parley.indexer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one indexing run did.
 *
 * @param articles articles written (new, or replacing a changed earlier version)
 * @param passages passages written
 * @param rejected inputs not indexed, in input order, each with its reason
 * @param skipped files that are not articles (for example an {@code index.tsv}), not an error
 * @param inputBytes bytes of article files read
 * @param elapsed wall-clock time of the run, commits included
 * @param unchanged articles read that the index already held with the same content and source, so
 *     they were not written again
 * @param deleted articles deleted by id ({@link Indexer#delete(List)})
 * @param pruned articles deleted because their source file is gone ({@link
 *     Indexer.Prune#MISSING_SOURCES})
 * @param reenriched articles the index already held, not among this run's inputs, that were
 *     rewritten from their stored text because the run's topic model, gazetteer or segmentation
 *     differs from the index's (so every passage carries the same model's labels)
 */
public record IngestReport(
    int articles,
    long passages,
    List<Rejection> rejected,
    List<Path> skipped,
    long inputBytes,
    Duration elapsed,
    int unchanged,
    int deleted,
    int pruned,
    int reenriched) {

  /** Validates the values and copies the lists. */
  public IngestReport {
    rejected = List.copyOf(rejected);
    skipped = List.copyOf(skipped);
    Objects.requireNonNull(elapsed, "elapsed");
    if (articles < 0
        || passages < 0
        || unchanged < 0
        || deleted < 0
        || pruned < 0
        || reenriched < 0) {
      throw new IllegalArgumentException(
          String.format(
              "counts must be >= 0, got articles=%d passages=%d unchanged=%d deleted=%d pruned=%d"
                  + " reenriched=%d",
              articles, passages, unchanged, deleted, pruned, reenriched));
    }
  }

  /** A report of a run that re-enriched no stored article. */
  public IngestReport(
      int articles,
      long passages,
      List<Rejection> rejected,
      List<Path> skipped,
      long inputBytes,
      Duration elapsed,
      int unchanged,
      int deleted,
      int pruned) {
    this(articles, passages, rejected, skipped, inputBytes, elapsed, unchanged, deleted, pruned, 0);
  }

  /** A report of a run that neither skipped unchanged articles nor deleted any. */
  public IngestReport(
      int articles,
      long passages,
      List<Rejection> rejected,
      List<Path> skipped,
      long inputBytes,
      Duration elapsed) {
    this(articles, passages, rejected, skipped, inputBytes, elapsed, 0, 0, 0, 0);
  }

  /** True when no input was rejected. */
  public boolean ok() {
    return rejected.isEmpty();
  }
}
