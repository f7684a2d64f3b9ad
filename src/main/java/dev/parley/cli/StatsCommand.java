package dev.parley.cli;

import dev.parley.query.Searcher;
import dev.parley.query.result.FacetCount;
import dev.parley.query.result.IndexStats;
import dev.parley.query.result.ResultsJson;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;

/** {@code parley stats}: what an index holds. */
final class StatsCommand implements Main.Command {

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
    Args args = new Args("stats", argv, Set.of("index"), Set.of(), Set.of("json"));
    args.noPositional();
    try (Searcher searcher = Searcher.open(args.path("index", "index"))) {
      IndexStats s = searcher.stats();
      if (args.has("json")) {
        out.println(ResultsJson.toJson(s));
      } else {
        out.printf(
            "index %s: %d articles, %d passages, dates %s to %s, schema version %d%n",
            searcher.path(),
            s.articles(),
            s.passages(),
            s.firstDate(),
            s.lastDate(),
            s.schemaVersion());
        var counts = new java.util.LinkedHashMap<String, java.util.List<FacetCount>>();
        counts.put("passages by topic", s.topics());
        counts.put("passages by entity (top 20)", s.entities());
        SearchCommand.printFacets(counts, out);
      }
    }
    return 0;
  }
}
