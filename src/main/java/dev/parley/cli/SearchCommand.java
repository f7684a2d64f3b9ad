package dev.parley.cli;

import dev.parley.query.MatchMode;
import dev.parley.query.SearchRequest;
import dev.parley.query.highlight.SnippetEscaping;
import dev.parley.query.result.Hit;
import dev.parley.query.result.ResultsJson;
import dev.parley.query.result.SearchResults;
import dev.parley.query.result.Unit;
import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley search}: rank passages for one query, as text or JSON. */
@Command(
    name = "search",
    description = {
      "Rank passages for a query, as text or JSON.",
      "QUERY: words, \"phrases\", -exclusions, a OR b.",
      "With --topic or --entity and no QUERY (or QUERY \"\"), browses: by topic score with",
      "--topic, otherwise newest first."
    })
final class SearchCommand extends CliCommand {
  /** Markers for the text output; JSON keeps the library's {@code <em>} markers. */
  static final String PRE = "[";

  static final String POST = "]";

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query words.")
  List<String> words = new ArrayList<>();

  @Mixin IndexLocation where = new IndexLocation();

  @Option(
      names = "--topic",
      paramLabel = "T",
      description = {
        "Rank by this topic (diplomacy, sanctions, summits; any case). Repeat for several:",
        "--topic a --topic b. One value per --topic, so a query after it stays the query."
      })
  List<String> topics = new ArrayList<>();

  @Option(
      names = "--filter-topic",
      paramLabel = "T",
      description =
          "Keep only passages labelled with this topic; repeat for several (any of them).")
  List<String> topicFilter = new ArrayList<>();

  @Option(
      names = "--entity",
      paramLabel = "E",
      description =
          "Keep passages that mention this entity (id or alias); repeat for several (each).")
  List<String> entities = new ArrayList<>();

  @Option(names = "--k", paramLabel = "N", description = "Hits to show (default 10).")
  int k = 10;

  @Option(names = "--offset", paramLabel = "N", description = "Hits to skip (default 0).")
  int offset;

  @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Earliest date.")
  LocalDate since;

  @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Latest date.")
  LocalDate until;

  @Option(
      names = "--per-article",
      paramLabel = "N",
      description = "At most N passages of one article (default 2; 0 for no limit).")
  int perArticle = 2;

  @Option(
      names = "--recency-half-life",
      paramLabel = "DAYS",
      description = "Prefer recent passages: scores halve every DAYS days (default 0, off).")
  int recencyHalfLife;

  @Option(names = "--facets", description = "Count topics, entities and months.")
  boolean facets;

  @Option(names = "--collapse", description = "Fold near-identical passages into one hit.")
  boolean collapse;

  @Option(
      names = {"--match-all", "--all"},
      description = {
        "Every word must match (or one of its OR alternatives); by default any word may.",
        "--all is the older name of this option."
      })
  boolean all;

  @Option(
      names = "--snippet-escaping",
      paramLabel = "html|none",
      description = {
        "HTML-escape the article text in snippets (html, the default) or not (none, for",
        "apps that escape it themselves). Text output also shows control characters and",
        "bidirectional overrides as ?."
      })
  String snippetEscaping = "html";

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(
      names = "--explain",
      description =
          "Add the score explanation to each hit (hybrid: the lexical and the dense part).")
  boolean explain;

  @Option(
      names = "--no-dense",
      description = "Rank lexically only, even on an index with passage vectors.")
  boolean noDense;

  @Option(
      names = "--articles",
      description =
          "One hit per article, shown through its best passage; totalHits counts articles.")
  boolean articles;

  @Override
  public Integer call() throws IOException {
    // Unknown words are positional here (so "-banquet" is an exclusion), but "--bogus" before a
    // "--" delimiter is a mistyped option, not query text.
    List<String> given = spec.commandLine().getParseResult().originalArgs();
    int delimiter = given.indexOf("--");
    List<String> beforeDelimiter = delimiter < 0 ? given : given.subList(0, delimiter);
    for (String w : words) {
      if (w.startsWith("--") && w.length() > 2 && beforeDelimiter.contains(w)) {
        throw new UsageException("unknown option " + w + " for 'search'");
      }
    }
    if (words.isEmpty() && topics.isEmpty() && topicFilter.isEmpty() && entities.isEmpty()) {
      throw new UsageException(
          "give the query text, a --topic, a --filter-topic or an --entity (or \"\" to browse every"
              + " passage),"
              + " for example: parley search \"summit talks\"");
    }
    String query = String.join(" ", words);
    if (since != null && until != null && since.isAfter(until)) {
      throw new UsageException(
          "--since " + since + " is after --until " + until + ": give the earlier day to --since");
    }
    for (var option :
        java.util.Map.of("--topic", topics, "--filter-topic", topicFilter, "--entity", entities)
            .entrySet()) {
      if (option.getValue().size() > SearchRequest.MAX_FILTERS) {
        throw new UsageException(
            option.getKey()
                + " given "
                + option.getValue().size()
                + " times, at most "
                + SearchRequest.MAX_FILTERS);
      }
    }
    SearchRequest.Builder builder = SearchRequest.builder(query);
    topics.forEach(builder::addTopic);
    topicFilter.forEach(builder::filterTopic);
    entities.forEach(builder::addEntity);
    SearchRequest request;
    try {
      request = request(builder);
    } catch (IllegalArgumentException e) { // the query's size limits: a usage error like any other
      throw new UsageException(e.getMessage());
    }
    if (where.solr != null && articles) {
      throw Backend.notOnSolr(
          "--articles", "search passages, or use an embedded index: --index DIR");
    }
    try (Backend backend =
        Backend.open(
            where.index,
            where.solr,
            escaping(snippetEscaping),
            json ? null : PRE,
            json ? null : POST)) {
      SearchResults results = backend.search(request);
      if (json) {
        out.println(ResultsJson.toJson(results));
      } else {
        print(
            results,
            request.offset(),
            articles ? Unit.ARTICLE : Unit.PASSAGE,
            backend.ranksByMeaning(request),
            out);
        printFacets(results.facets(), out);
      }
    }
    return 0;
  }

  /** The snippet escaping asked for; HTML unless the caller opts out. */
  static SnippetEscaping escaping(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "html" -> SnippetEscaping.HTML;
      case "none" -> SnippetEscaping.NONE;
      default -> throw new UsageException("--snippet-escaping must be html or none, got: " + name);
    };
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

  /**
   * Prints results as text: a header line (how many hits the list holds, which are shown, how many
   * passages matched in all when the per-article limit or folding left some out, and how many hits
   * match only through their article's lead), a note on the order when it is not by score, then one
   * block per hit: rank, id, date, paragraphs, score and heading; the snippet; topics over 0.5,
   * entities and folded duplicates.
   */
  /** The query in double quotes, or in single quotes when it has phrases of its own. */
  static String quoted(String query) {
    return query.indexOf('"') >= 0 ? "'" + query + "'" : '"' + query + '"';
  }

  static void print(SearchResults results, int offset, PrintStream out) {
    print(results, offset, Unit.PASSAGE, false, out);
  }

  /**
   * As {@link #print(SearchResults, int, PrintStream)}, counting hits as {@code unit}s; {@code
   * byMeaning} when the search was hybrid (hits may then match by meaning alone).
   */
  static void print(
      SearchResults results, int offset, Unit unit, boolean byMeaning, PrintStream out) {
    int n = results.hits().size();
    String bound =
        results.totalHitsRelation() == SearchResults.Relation.EQUAL_TO ? "" : "at least ";
    StringBuilder header = new StringBuilder();
    String noun = unit == Unit.ARTICLE ? "article" : "passage";
    String passages = results.totalHits() == 1 ? noun : noun + "s";
    header.append(
        results.query().isBlank()
            ? String.format("%s%d %s listed", bound, results.totalHits(), passages)
            : String.format(
                "%s%d %s %s",
                bound,
                results.totalHits(),
                passages + (results.totalHits() == 1 ? " matches" : " match"),
                quoted(IndexCommand.printable(results.query()))));
    if (n > 0) {
      header.append(String.format(" (showing %d-%d)", offset + 1, offset + n));
    } else if (offset > 0 && results.totalHits() > 0) {
      header.append(String.format(" (none after %d)", offset));
    }
    if (unit == Unit.ARTICLE && results.matchingPassages() > 0) {
      header.append(
          String.format(
              "; %s%d %s matched, one hit per article",
              bound,
              results.matchingPassages(),
              results.matchingPassages() == 1 ? "passage" : "passages"));
    } else if (results.matchingPassages() > results.totalHits()) {
      header.append(
          String.format(
              "; %s%d passages matched before the per-article limit and folding (see"
                  + " --per-article)",
              bound, results.matchingPassages()));
    }
    long viaLead = results.totalHits() - results.ownTextHits();
    if (viaLead > 0) {
      header.append(
          String.format(
              "; %s%d of them %s the words, %d %s only through %s",
              bound,
              results.ownTextHits(),
              results.ownTextHits() == 1 ? "contains" : "contain",
              viaLead,
              viaLead == 1 ? "matches" : "match",
              byMeaning ? "their article's lead or by meaning (hybrid)" : "their article's lead"));
    }
    out.println(header);
    switch (results.order()) {
      case NEWEST -> out.println("(no query words: newest first; scores are 0)");
      case TOPIC ->
          out.println(
              unit == Unit.ARTICLE
                  ? "(topic browse: each article's score is its best passage's weighted topic"
                      + " score)"
                  : "(topic browse: scores are weighted topic scores; the order spreads hits over"
                      + " dates, so scores are not descending)");
      case RELEVANCE -> {}
    }
    if (results.partial()) {
      out.println("(partial results: the search reached its time limit)");
    }
    for (Hit h : results.hits()) {
      out.printf(
          "%3d. %-34s %s  paragraphs %d-%d  score %.3f%s%n",
          h.rank(),
          IndexCommand.printable(h.passageId()),
          h.date(),
          h.from(),
          h.to(),
          h.score(),
          h.heading() == null ? "" : "  [" + IndexCommand.printable(h.heading()) + "]");
      out.println("     " + IndexCommand.printable(h.snippet()));
      String labels = IndexCommand.printable(labels(h));
      if (!labels.isEmpty()) {
        out.println("     " + labels);
      }
      if (h.explanation() != null) {
        out.println(h.explanation().indent(5).stripTrailing());
      }
    }
  }

  /** The request the options describe; throws IllegalArgumentException past the query limits. */
  private SearchRequest request(SearchRequest.Builder builder) {
    return builder
        .withK(inRange("--k", k, 1, SearchRequest.MAX_K))
        .withOffset(inRange("--offset", offset, 0, SearchRequest.MAX_OFFSET))
        .withSince(since)
        .withUntil(until)
        .withPerArticle(inRange("--per-article", perArticle, 0, 1000))
        .withMatch(all ? MatchMode.ALL : MatchMode.ANY)
        .withExplain(explain)
        .withFacets(facets)
        .withCollapse(collapse)
        .withDense(!noDense)
        .withUnit(articles ? Unit.ARTICLE : Unit.PASSAGE)
        .withRecencyHalfLife(inRange("--recency-half-life", recencyHalfLife, 0, 100_000))
        .build();
  }
}
