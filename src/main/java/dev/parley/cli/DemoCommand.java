package dev.parley.cli;

import dev.parley.indexer.IngestReport;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley demo}: index seeds/ into index/ and show the best passages for a few queries. */
@Command(
    name = "demo",
    description = "Index seeds/ into index/ and show the best passages for a few queries.")
final class DemoCommand extends CliCommand {
  static final List<String> QUERIES =
      List.of(
          "denuclearisation summit",
          "UN sanctions on North Korea",
          "Xi Jinping Kim Jong Un talks in Beijing",
          "birthday banquet");

  @Option(
      names = "--input",
      paramLabel = "PATH",
      description =
          "Articles (default: seeds, or the clone's seeds/ when run by ./parley elsewhere).")
  Path input;

  @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: index).")
  Path index = Path.of("index");

  @Option(names = "--k", paramLabel = "N", description = "Hits per query (default 3).")
  int k = 3;

  @Option(
      names = "--per-article",
      paramLabel = "N",
      description = "At most N passages of one article (default 3; 0 for no limit).")
  int perArticle = 3;

  @Override
  public Integer call() throws IOException {
    inRange("--k", k, 1, 100);
    inRange("--per-article", perArticle, 0, 1000);
    if (input == null) {
      input = defaultSeeds(Path.of("seeds"), System.getenv("PARLEY_HOME"));
    }
    IndexCommand.requireSomeInput(List.of(input));
    IngestReport report = IndexCommand.index(List.of(input), index, 5000, err);
    out.println(IndexCommand.summary(report, index));
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

  /**
   * {@code seeds} when it exists; else, when the {@code ./parley} launcher set {@code home} (the
   * clone), the clone's seed articles, so {@code /path/to/parley demo} works from any directory.
   */
  static Path defaultSeeds(Path seeds, String home) {
    if (Files.exists(seeds) || home == null || home.isBlank()) {
      return seeds;
    }
    return Path.of(home, "seeds");
  }
}
