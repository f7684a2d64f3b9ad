/**
 * The benchmark behind {@code parley bench}: Parley's full pipeline against two baselines, raw
 * Lucene and SQLite FTS5 ({@code Fts5Side}), on the same passages, measured in one process
 * (docs/performance.md); beside it, whole-process indexing as child JVMs ({@code WholeProcess}),
 * searches under concurrent writes ({@code MixedLoad}), thread scaling ({@code ThreadScaling},
 * repeated by {@code ThreadScalingPairs}), the index by Lucene file kind ({@code IndexFiles}), what
 * each text field costs on disk and in indexing time ({@code FieldAblation}, {@code
 * FieldAblationRuns}), the indexing knobs ({@code IndexKnobs}: merge policy, commit interval, final
 * merge) and the growth chart ({@code GrowthChart}, JFreeChart). SQLite and JFreeChart are optional
 * dependencies used only here. {@link dev.parley.bench.Fairness} says when a run's sides did not
 * measure the same thing (documents, segments, cut-off searches); {@code bench} then exits 1, and
 * another baseline adds its own {@link dev.parley.bench.SideFacts}. Measurements, never assertions:
 * nothing here is used by tests to pass or fail on time.
 */
package dev.parley.bench;
