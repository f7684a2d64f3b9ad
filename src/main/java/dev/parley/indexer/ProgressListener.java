package dev.parley.indexer;

/**
 * Told about a running indexing job about once a second, and once at the end. Called on the
 * indexing thread: keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = progress -> {};

  /** Receives a snapshot. */
  void onProgress(IngestProgress progress);
}
