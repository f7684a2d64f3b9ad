package dev.parley.cli;

import dev.parley.indexer.IngestReport;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code parley demo}: index seeds/ into index/ and show the best passages for a few queries. */
final class DemoCommand implements Main.Command {
  static final List<String> QUERIES =
      List.of(
          "denuclearisation summit",
          "UN sanctions on North Korea",
          "Xi Jinping Kim Jong Un talks in Beijing",
          "birthday banquet");

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
    Args args =
        new Args("demo", argv, Set.of("index", "input", "k", "per-article"), Set.of(), Set.of());
    args.noPositional();
    Path input = args.path("input", "seeds");
    Path index = args.path("index", "index");
    IngestReport report = IndexCommand.index(List.of(input), index, 5000, err);
    out.println(IndexCommand.summary(report, index));
    int k = args.integer("k", 3, 1, 100);
    int perArticle = args.integer("per-article", 3, 0, 1000);
    try (Searcher searcher =
        Searcher.builder(index)
            .withHighlightMarkers(SearchCommand.PRE, SearchCommand.POST)
            .build()) {
      for (String q : QUERIES) {
        out.println();
        SearchCommand.print(
            searcher.search(SearchRequest.builder(q).withK(k).withPerArticle(perArticle).build()),
            0,
            out);
      }
    }
    return report.ok() ? 0 : 1;
  }
}
