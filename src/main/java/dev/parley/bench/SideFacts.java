package dev.parley.bench;

/**
 * What one side of the benchmark ran on and how, beside its timings: the facts that make a
 * comparison fair or not. Each side of a run (Parley, the raw Lucene baseline, and any baseline
 * added later) reports one; {@link Fairness} compares them.
 *
 * @param name the side's name in the report ({@code parley}, {@code baseline})
 * @param documents documents the side searched: Parley's passages, the baseline's documents
 * @param segments index segments the side searched (after its merge, if any)
 * @param indexingThreads threads that fed the index
 * @param searchThreads threads of the latency figures (the multi-threaded QPS uses {@code
 *     qpsThreads} threads on every side)
 * @param qpsThreads threads of the multi-threaded QPS figure
 * @param partialSearches timed or warm-up searches cut off by the side's time limit (a cut-off
 *     search is faster than a whole one, so any makes the run invalid)
 * @param slowestQuery the query with the highest own p99 latency
 */
public record SideFacts(
    String name,
    long documents,
    int segments,
    int indexingThreads,
    int searchThreads,
    int qpsThreads,
    long partialSearches,
    String slowestQuery) {}
