/**
 * Reading articles: finding input files ({@link dev.parley.indexer.ingest.InputFiles}), decoding
 * them strictly ({@link dev.parley.indexer.ingest.TextDecoding}), and parsing the seed text format
 * and JSON Lines into {@link dev.parley.indexer.Article}s. A bad article becomes a rejection with
 * the file (and line) and the reason; it never stops the run.
 */
package dev.parley.indexer.ingest;
