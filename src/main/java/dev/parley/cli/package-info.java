/**
 * The command line ({@code java -jar parley.jar COMMAND ...}), a thin layer over the library on
 * picocli: {@link dev.parley.cli.Main} builds the command tree, one annotated {@code *Command}
 * class per command parses its typed options, calls {@link dev.parley.indexer.Indexer} or {@link
 * dev.parley.query.Searcher}, and prints text or JSON. Every command has {@code --help}; errors are
 * one line. Exit codes: 0 success, 1 some inputs rejected (or an unsound index for {@code verify}),
 * 2 usage or fatal error. Not part of the library artifact.
 */
package dev.parley.cli;
