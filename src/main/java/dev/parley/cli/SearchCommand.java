package dev.parley.cli;

import dev.parley.query.MatchMode;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import dev.parley.query.result.ResultsJson;
import dev.parley.query.result.SearchResults;
import dev.parley.query.result.Unit;
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
            Set.of("index", "k", "offset", "since", "until", "per-article", "recency-half-life"),
            Set.of("topic", "entity"),
            Set.of("json", "explain", "all", "facets", "collapse", "no-dense", "articles"));
    if (args.positional().isEmpty() && args.list("topic").isEmpty()) {
      throw new UsageException(
          "give the query text or a --topic, for example: parley search \"summit talks\"");
    }
    String query = String.join(" ", args.positional());
    SearchRequest.Builder builder = SearchRequest.builder(query);
    args.list("topic").forEach(builder::addTopic);
    args.list("entity").forEach(builder::addEntity);
    SearchRequest request =
        builder
            .withK(args.integer("k", 10, 1, SearchRequest.MAX_K))
            .withOffset(args.integer("offset", 0, 0, SearchRequest.MAX_OFFSET))
            .withSince(args.date("since"))
            .withUntil(args.date("until"))
            .withPerArticle(args.integer("per-article", 2, 0, 1000))
            .withMatch(args.has("all") ? MatchMode.ALL : MatchMode.ANY)
            .withExplain(args.has("explain"))
            .withFacets(args.has("facets"))
            .withCollapse(args.has("collapse"))
            .withDense(!args.has("no-dense"))
            .withUnit(args.has("articles") ? Unit.ARTICLE : Unit.PASSAGE)
            .withRecencyHalfLife(args.integer("recency-half-life", 0, 0, 100_000))
            .build();
    boolean json = args.has("json");
    Searcher.Builder searcherBuilder = Searcher.builder(args.path("index", "index"));
    if (!json) {
      searcherBuilder.withHighlightMarkers(PRE, POST);
    }
    try (Searcher searcher = searcherBuilder.build()) {
      SearchResults results = searcher.search(request);
      if (json) {
        out.println(ResultsJson.toJson(results));
      } else {
        print(results, request.offset(), out);
        printFacets(results.facets(), out);
      }
    }
    return 0;
  }

  /** Topics over 0.5, entities and folded duplicates of a hit, on one line. */
  private static String labels(Hit h) {
    StringBuilder b = new StringBuilder();
    h.topics()
        .forEach(
            (t, v) -> {
              if (v >= 0.5f) {
                b.append(b.length() == 0 ? "" : " ").append("#").append(t);
              }
            });
    if (!h.entities().isEmpty()) {
      b.append(b.length() == 0 ? "" : "  ")
          .append("entities: ")
          .append(String.join(", ", h.entities()));
    }
    if (!h.duplicates().isEmpty()) {
      b.append(b.length() == 0 ? "" : "  ")
          .append("also in: ")
          .append(String.join(", ", h.duplicates()));
    }
    return b.toString();
  }

  /** Prints facet counts as text. */
  static void printFacets(
      java.util.Map<String, java.util.List<dev.parley.query.result.FacetCount>> facets,
      PrintStream out) {
    facets.forEach(
        (dim, counts) -> {
          StringBuilder b = new StringBuilder();
          counts.forEach(
              c ->
                  b.append(b.length() == 0 ? "" : ", ")
                      .append(c.label())
                      .append(" ")
                      .append(c.count()));
          out.println(dim + ": " + (b.length() == 0 ? "-" : b));
        });
  }

  /** Prints results as text, a header line then one block per hit. */
  static void print(SearchResults results, int offset, PrintStream out) {
    int n = results.hits().size();
    out.printf(
        "%d passages match \"%s\"%s%n",
        results.totalHits(),
        results.query(),
        n == 0 ? "" : String.format(" (showing %d-%d)", offset + 1, offset + n));
    if (results.partial()) {
      out.println("(partial results: the search reached its time limit)");
    }
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
