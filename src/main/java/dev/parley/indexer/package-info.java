/**
 * The indexing side: {@link dev.parley.indexer.Indexer} reads articles ({@code ingest}), cuts them
 * into passages ({@code segment}) and writes them as Lucene documents ({@code write}), committing
 * explicitly and reporting every article's outcome in an {@link dev.parley.indexer.IngestReport}.
 * Runs are incremental and crash-safe; {@link dev.parley.indexer.IndexVerifier} checks an index
 * against its own record (see docs/reliability.md). Inside the package, {@code IndexRun} is one
 * run's parallel pipeline, so {@code Indexer} itself reads as the manual.
 */
package dev.parley.indexer;
