package dev.parley.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --index DIR} / {@code --solr URL} pair of the commands that read an index ({@code
 * search}, {@code batch}, {@code stats}), declared once and mixed into each ({@link
 * picocli.CommandLine.Mixin}). {@link Backend#open} turns it into what to search.
 */
final class IndexLocation {
  @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: index).")
  Path index;

  @Option(
      names = "--solr",
      paramLabel = "URL",
      description =
          "A Parley collection on SolrCloud instead of --index, for example"
              + " http://127.0.0.1:8983/solr/parley (see: parley cluster).")
  String solr;
}
