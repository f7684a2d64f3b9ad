/**
 * The one analyzer chain that both the indexer and the searcher use, built from Lucene's own
 * tokenizer and filters and described by an {@link dev.parley.analysis.AnalysisConfig} that every
 * commit records, so queries are always analyzed the way the index was.
 */
package dev.parley.analysis;
