/**
 * The benchmark behind {@code parley bench}: Parley's full pipeline against a raw Lucene baseline
 * on the same passages, measured in one process (docs/performance.md). Measurements, never
 * assertions: nothing here is used by tests to pass or fail on time. {@link
 * dev.parley.bench.Fairness} says when a run's two sides did not measure the same thing (documents,
 * segments, cut-off searches); {@code bench} then exits 1. Another baseline adds its own {@link
 * dev.parley.bench.SideFacts} and is checked the same way.
 */
package dev.parley.bench;
