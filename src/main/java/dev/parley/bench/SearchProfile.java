package dev.parley.bench;

import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.IndexStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Parley's search stages on an index that already exists, without indexing anything: ranking alone,
 * the answer without snippets, the full answer and the snippet stage per hit ({@link
 * SearchStages}), then the full answer ranked with the diplomacy topic and filtered to the middle
 * half of the date range, as {@code bench} times them. For profiling a search change quickly (run
 * it under a profiler such as JFR); the figures that go into docs come from {@code parley bench}.
 *
 * <p>Usage: {@code java -cp parley.jar dev.parley.bench.SearchProfile INDEX QUERIES.tsv [REPEAT]}
 * (the file's {@code query} column, as {@code bench --queries} reads it).
 *
 * <p>Thread safety: a command-line entry point.
 */
public final class SearchProfile {
  private SearchProfile() {}

  /**
   * Prints the figures, one per line.
   *
   * @throws IOException on a read error
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: SearchProfile INDEX QUERIES.tsv [REPEAT]");
      System.exit(2);
    }
    Path index = Path.of(args[0]);
    List<String> queries = queries(Path.of(args[1]));
    int repeat = args.length == 3 ? Integer.parseInt(args[2]) : 20;
    Map<String, Double> stages =
        SearchStages.measure(index, UnaryOperator.identity(), queries, repeat);
    stages.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-26s %10.3f%n", k, v));
    try (Searcher searcher = Searcher.builder(index).build()) {
      IndexStats stats = searcher.stats();
      long span = stats.lastDate().toEpochDay() - stats.firstDate().toEpochDay();
      Function<String, SearchRequest> topic =
          q -> SearchRequest.builder(q).withK(10).addTopic("diplomacy").build();
      Function<String, SearchRequest> date =
          q ->
              SearchRequest.builder(q)
                  .withK(10)
                  .withSince(stats.firstDate().plusDays(span / 4))
                  .withUntil(stats.firstDate().plusDays(3 * span / 4))
                  .build();
      System.out.printf(
          Locale.ROOT, "%-26s %10.3f%n", "topicP50Millis", p50(searcher, queries, topic, repeat));
      System.out.printf(
          Locale.ROOT, "%-26s %10.3f%n", "dateP50Millis", p50(searcher, queries, date, repeat));
    }
  }

  private static double p50(
      Searcher searcher, List<String> queries, Function<String, SearchRequest> req, int repeat)
      throws IOException {
    long[] nanos = new long[queries.size() * repeat];
    int i = 0;
    for (int pass = -3; pass < repeat; pass++) {
      for (String q : queries) {
        long t0 = System.nanoTime();
        searcher.search(req.apply(q));
        long t = System.nanoTime() - t0;
        if (pass >= 0) {
          nanos[i++] = t;
        }
      }
    }
    return Latencies.percentile(nanos, 50);
  }

  /** The {@code query} column of a TSV file with a header line. */
  private static List<String> queries(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> header = List.of(lines.get(0).split("\t", -1));
    int column = header.indexOf("query");
    List<String> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        out.add(line.split("\t", -1)[column]);
      }
    }
    return out;
  }
}
