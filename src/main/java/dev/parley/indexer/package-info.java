/**
 * The indexing side: {@link dev.parley.indexer.Indexer} reads articles ({@code ingest}), cuts them
 * into passages ({@code segment}) and writes them as Lucene documents ({@code write}), committing
 * explicitly and reporting every article's outcome in an {@link dev.parley.indexer.IngestReport}.
 */
package dev.parley.indexer;
