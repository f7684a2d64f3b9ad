package dev.parley.cli;

import dev.parley.query.result.FacetCount;
import dev.parley.query.result.IndexStats;
import dev.parley.query.result.ResultsJson;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley stats}: what an index holds. */
@Command(
    name = "stats",
    description = {
      "What an index holds.",
      "Articles, passages, date range, schema version, passages per topic and entity."
    })
final class StatsCommand extends CliCommand {
  @Mixin IndexLocation where = new IndexLocation();

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    try (Backend searcher =
        Backend.open(
            where.index, where.solr, dev.parley.query.highlight.SnippetEscaping.HTML, null, null)) {
      IndexStats s = searcher.stats();
      if (json) {
        out.println(ResultsJson.toJson(s));
      } else {
        out.printf(
            "index %s: %d articles, %d passages, dates %s to %s, schema version %d%n",
            searcher.name(),
            s.articles(),
            s.passages(),
            s.firstDate(),
            s.lastDate(),
            s.schemaVersion());
        out.printf(
            "topic model %s, gazetteer %s, vectors %s%n",
            s.topicModel().isEmpty() ? "(none recorded)" : s.topicModel(),
            s.gazetteer().isEmpty() ? "(none recorded)" : s.gazetteer(),
            s.vectors() == null ? "none" : s.vectors());
        var counts = new java.util.LinkedHashMap<String, java.util.List<FacetCount>>();
        counts.put("passages by topic", s.topics());
        counts.put("passages by entity (top 20)", s.entities());
        SearchCommand.printFacets(counts, out);
      }
    }
    return 0;
  }
}
