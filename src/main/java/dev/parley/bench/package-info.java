/**
 * The benchmark behind {@code parley bench}: Parley's full pipeline against a raw Lucene baseline
 * on the same passages, measured in one process (docs/performance.md). Measurements, never
 * assertions: nothing here is used by tests to pass or fail on time.
 */
package dev.parley.bench;
