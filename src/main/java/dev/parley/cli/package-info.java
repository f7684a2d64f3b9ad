/**
 * The command line ({@code java -jar parley.jar COMMAND ...}), a thin layer over the library: it
 * parses arguments, calls {@link dev.parley.indexer.Indexer} or {@link dev.parley.query.Searcher},
 * and prints text or JSON. Exit codes: 0 success, 1 some inputs rejected, 2 usage or fatal error.
 */
package dev.parley.cli;
