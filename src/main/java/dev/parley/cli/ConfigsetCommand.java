package dev.parley.cli;

import dev.parley.solr.schema.SolrSchema;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley configset}: writes Parley's Solr configset (generated from the schema) for a real
 * SolrCloud, where {@code bin/solr zk upconfig} uploads it.
 */
@Command(
    name = "configset",
    description = {
      "Write Parley's Solr configset (managed-schema.xml, solrconfig.xml), generated from the schema.",
      "Upload it with: bin/solr zk upconfig -n parley -d DIR; docs/scale-out.md says the rest."
    })
final class ConfigsetCommand extends CliCommand {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write DIR/conf/... into.")
  Path outDir;

  @Override
  public Integer call() throws IOException {
    Path conf = SolrSchema.write(outDir);
    out.println("wrote Parley's configset to " + conf);
    return 0;
  }
}
