package dev.parley.eval;

import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import dev.parley.query.result.Unit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs queries through ranking profiles and scores them: per-query metrics, means over the queries
 * that have at least one relevant unit, and for every profile after the first the mean paired
 * difference and randomisation-test p-value against the first.
 *
 * <p>Each query is searched in the index of its corpus ({@code indexes} maps corpus names to index
 * directories; the empty name serves queries without a corpus).
 *
 * <p>Thread safety: stateless.
 */
public final class Evaluation {
  /**
   * Time limit of each search an evaluation or tuning run makes: a ranked list cut short by the
   * interactive limit ({@link Searcher#DEFAULT_TIMEOUT}, 2 s) on a busy machine would be scored as
   * if it were the product's answer. Long enough never to bind on a collection of this size; a
   * search that still reaches it fails the run ({@link #complete}).
   */
  public static final java.time.Duration SEARCH_TIMEOUT = java.time.Duration.ofMinutes(10);

  /**
   * {@code results}, or an {@link IllegalStateException} naming the query when its search reached
   * the time limit (its hits are then not the ranked list the product gives).
   */
  public static dev.parley.query.result.SearchResults complete(
      dev.parley.query.result.SearchResults results, String queryId, java.time.Duration limit) {
    return complete(results, queryId, limit, "a longer time limit");
  }

  /**
   * The same, naming what to give in the message ({@code "a longer --timeout-ms"} on the command
   * line).
   */
  public static dev.parley.query.result.SearchResults complete(
      dev.parley.query.result.SearchResults results,
      String queryId,
      java.time.Duration limit,
      String longer) {
    if (results.partial()) {
      throw new IllegalStateException(
          "query "
              + queryId
              + " reached the search time limit ("
              + limit.toMillis()
              + " ms), so its ranked list would be cut short and scored as complete: give "
              + longer
              + " or run on a quieter machine");
    }
    return results;
  }

  private Evaluation() {}

  /**
   * What to evaluate.
   *
   * @param queries the queries
   * @param qrels the judgments
   * @param indexes corpus name to index directory
   * @param profiles the profiles, reference first
   * @param level passage or article scoring
   * @param k hits per query
   * @param runFile where to write each profile's TREC run ({@code -NAME} is added before the
   *     extension when there are several profiles), or null
   */
  public record Setup(
      List<QueryFile.Query> queries,
      Qrels qrels,
      Map<String, Path> indexes,
      List<Profile> profiles,
      Metrics.Level level,
      int k,
      Path runFile) {
    /** Validates the values. */
    public Setup {
      queries = List.copyOf(queries);
      Objects.requireNonNull(qrels, "qrels");
      indexes = Map.copyOf(indexes);
      profiles = List.copyOf(profiles);
      Objects.requireNonNull(level, "level");
      if (profiles.isEmpty()) {
        throw new IllegalArgumentException("give at least one profile");
      }
    }
  }

  /**
   * The scores of one profile.
   *
   * @param profile the profile name
   * @param perQuery query id to metric to value, for the scored queries, sorted by id
   * @param mean metric to mean value
   * @param difference metric to mean paired difference from the first profile (empty for it)
   * @param pValue metric to randomisation-test p-value against the first profile
   */
  public record ProfileScores(
      String profile,
      Map<String, Map<String, Double>> perQuery,
      Map<String, Double> mean,
      Map<String, Double> difference,
      Map<String, Double> pValue) {}

  /**
   * Runs the evaluation.
   *
   * @throws IllegalArgumentException if a query's corpus has no index
   * @throws IOException on a read or write error
   */
  public static List<ProfileScores> run(Setup setup) throws IOException {
    List<ProfileScores> out = new ArrayList<>();
    for (Profile profile : setup.profiles()) {
      Map<String, List<Hit>> runs = search(setup, profile);
      if (setup.runFile() != null) {
        writeRun(
            runFile(setup.runFile(), profile.name(), setup.profiles().size()),
            runs,
            profile.name());
      }
      Map<String, Map<String, Double>> perQuery = new TreeMap<>();
      for (QueryFile.Query q : setup.queries()) {
        if (setup.qrels().hasRelevant(q.id())) {
          List<String> ids = runs.get(q.id()).stream().map(Hit::trecId).toList();
          perQuery.put(q.id(), Metrics.score(ids, setup.qrels().of(q.id()), setup.level()));
        }
      }
      out.add(scores(profile.name(), perQuery, out.isEmpty() ? null : out.get(0)));
    }
    return out;
  }

  private static ProfileScores scores(
      String name, Map<String, Map<String, Double>> perQuery, ProfileScores reference) {
    Map<String, Double> mean = new LinkedHashMap<>();
    Map<String, Double> difference = new LinkedHashMap<>();
    Map<String, Double> pValue = new LinkedHashMap<>();
    for (String metric : Metrics.NAMES) {
      mean.put(
          metric, perQuery.values().stream().mapToDouble(m -> m.get(metric)).average().orElse(0));
      if (reference != null) {
        List<Double> diffs = new ArrayList<>();
        for (var e : perQuery.entrySet()) {
          Map<String, Double> ref = reference.perQuery().get(e.getKey());
          if (ref != null) {
            diffs.add(e.getValue().get(metric) - ref.get(metric));
          }
        }
        difference.put(metric, diffs.stream().mapToDouble(Double::doubleValue).average().orElse(0));
        pValue.put(metric, Significance.pValue(diffs));
      }
    }
    return new ProfileScores(name, perQuery, mean, difference, pValue);
  }

  /** Runs every query with one profile: query id to hits in rank order. */
  private static Map<String, List<Hit>> search(Setup setup, Profile profile) throws IOException {
    Map<String, Searcher> searchers = new HashMap<>();
    Map<String, List<Hit>> runs = new LinkedHashMap<>();
    try {
      for (QueryFile.Query q : setup.queries()) {
        Path index = setup.indexes().get(q.corpus());
        if (index == null) {
          index = setup.indexes().get("");
        }
        if (index == null) {
          throw new IllegalArgumentException(
              "query "
                  + q.id()
                  + " is for corpus '"
                  + q.corpus()
                  + "' but no index was given for it:"
                  + " add --index "
                  + (q.corpus().isEmpty() ? "DIR" : q.corpus() + "=DIR"));
        }
        Searcher searcher = searchers.get(index.toString());
        if (searcher == null) {
          searcher =
              profile.searcher().apply(Searcher.builder(index).withTimeout(SEARCH_TIMEOUT)).build();
          searchers.put(index.toString(), searcher);
          if (profile.needsVectors() && searcher.dense() == null) {
            throw new IllegalArgumentException(
                "profile "
                    + profile.name()
                    + " needs passage vectors, but index "
                    + index
                    + " has none: build it with parley index --embed e5-small-v2");
          }
        }
        SearchRequest request =
            profile
                .request()
                .apply(
                    SearchRequest.builder(clip(q.text()))
                        .withK(setup.k())
                        .withUnit(
                            setup.level() == Metrics.Level.ARTICLE ? Unit.ARTICLE : Unit.PASSAGE))
                .build();
        runs.put(q.id(), complete(searcher.search(request), q.id(), SEARCH_TIMEOUT).hits());
      }
    } finally {
      for (Searcher s : searchers.values()) {
        s.close();
      }
    }
    return runs;
  }

  private static String clip(String text) {
    return text.length() <= SearchRequest.MAX_QUERY_CHARS
        ? text
        : text.substring(0, SearchRequest.MAX_QUERY_CHARS);
  }

  private static Path runFile(Path base, String profile, int profiles) {
    if (profiles == 1) {
      return base;
    }
    String name = base.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String file =
        dot > 0
            ? name.substring(0, dot) + "-" + profile + name.substring(dot)
            : name + "-" + profile;
    return base.resolveSibling(file);
  }

  private static void writeRun(Path file, Map<String, List<Hit>> runs, String tag)
      throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (var e : runs.entrySet()) {
        for (Hit h : e.getValue()) {
          w.write(TrecRun.line(e.getKey(), h, tag));
        }
      }
    }
  }
}
