package dev.parley.cli;

import dev.parley.query.MatchMode;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import dev.parley.query.result.ResultsJson;
import dev.parley.query.result.SearchResults;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;

/** {@code parley search}: rank passages for one query, as text or JSON. */
final class SearchCommand implements Main.Command {
  /** Markers for the text output; JSON keeps the library's {@code <em>} markers. */
  static final String PRE = "[";

  static final String POST = "]";

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
    Args args =
        new Args(
            "search",
            argv,
            Set.of("index", "k", "offset", "since", "until", "per-article"),
            Set.of(),
            Set.of("json", "explain", "all"));
    if (args.positional().isEmpty()) {
      throw new UsageException("give the query text, for example: parley search \"summit talks\"");
    }
    String query = String.join(" ", args.positional());
    SearchRequest request =
        SearchRequest.builder(query)
            .withK(args.integer("k", 10, 1, SearchRequest.MAX_K))
            .withOffset(args.integer("offset", 0, 0, SearchRequest.MAX_OFFSET))
            .withSince(args.date("since"))
            .withUntil(args.date("until"))
            .withPerArticle(args.integer("per-article", 2, 0, 1000))
            .withMatch(args.has("all") ? MatchMode.ALL : MatchMode.ANY)
            .withExplain(args.has("explain"))
            .build();
    boolean json = args.has("json");
    Searcher.Builder builder = Searcher.builder(args.path("index", "index"));
    if (!json) {
      builder.withHighlightMarkers(PRE, POST);
    }
    try (Searcher searcher = builder.build()) {
      SearchResults results = searcher.search(request);
      if (json) {
        out.println(ResultsJson.toJson(results));
      } else {
        print(results, request.offset(), out);
      }
    }
    return 0;
  }

  /** Prints results as text, a header line then one block per hit. */
  static void print(SearchResults results, int offset, PrintStream out) {
    int n = results.hits().size();
    out.printf(
        "%d passages match \"%s\"%s%n",
        results.totalHits(),
        results.query(),
        n == 0 ? "" : String.format(" (showing %d-%d)", offset + 1, offset + n));
    for (Hit h : results.hits()) {
      out.printf(
          "%3d. %-34s %s  paragraphs %d-%d  score %.3f%s%n",
          h.rank(),
          h.passageId(),
          h.date(),
          h.from(),
          h.to(),
          h.score(),
          h.heading() == null ? "" : "  [" + h.heading() + "]");
      out.println("     " + h.snippet());
      if (h.explanation() != null) {
        out.println(h.explanation().indent(5).stripTrailing());
      }
    }
  }
}
