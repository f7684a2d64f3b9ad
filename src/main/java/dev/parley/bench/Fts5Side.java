package dev.parley.bench;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.parley.indexer.Article;
import dev.parley.indexer.Passage;
import dev.parley.indexer.ingest.InputFiles;
import dev.parley.indexer.segment.ParagraphSegmenter;
import dev.parley.indexer.segment.SegmentationConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The SQLite FTS5 column of {@code parley bench}: indexes the same passages as the raw Lucene
 * baseline (Parley's segmentation of the same input) into an {@link Fts5Baseline}, then times the
 * same queries the same way (warm-up of at least three passes and two seconds, {@code repeat} timed
 * passes on one thread, then {@code repeat} passes on each of {@code threads} threads, one
 * connection each). Its figures carry the keys of {@link Measurement}, {@code null} where a figure
 * does not apply (JVM heap: SQLite's memory is native).
 *
 * <p>Not thread-safe; one run at a time.
 */
public final class Fts5Side {
  private Fts5Side() {}

  /**
   * FTS5's figures under the keys of {@link Measurement#asMap()}.
   *
   * @param figures by key, in {@link Measurement}'s order; null values where not applicable
   * @param passages passages (rows) indexed
   * @param slowestQuery the query with the highest own p99
   */
  public record Figures(Map<String, Double> figures, long passages, String slowestQuery) {
    /**
     * Adds {@code fts5} (the keys of {@code baseline}), {@code ratiosFts5} (Parley over FTS5, null
     * where FTS5 has no figure or 0) and {@code fts5Side} (what it ran on) to a run's JSON.
     */
    public void addTo(JsonObject run, Benchmark.Result result) {
      JsonObject values = new JsonObject();
      JsonObject ratios = new JsonObject();
      result
          .parley()
          .asMap()
          .forEach(
              (k, v) -> {
                Double f = figures.get(k);
                values.add(k, f == null ? JsonNull.INSTANCE : new JsonPrimitive(round(f)));
                ratios.add(
                    k, f == null || f == 0 ? JsonNull.INSTANCE : new JsonPrimitive(round(v / f)));
              });
      run.add("fts5", values);
      run.add("ratiosFts5", ratios);
      JsonObject side = new JsonObject();
      side.addProperty("documents", passages);
      side.addProperty("indexingThreads", 1);
      side.addProperty("searchThreads", 1);
      side.addProperty("slowestQuery", slowestQuery);
      run.add("fts5Side", side);
    }

    /**
     * Why the FTS5 figures are not comparable: it indexed other rows than the raw Lucene baseline
     * had documents (a difference from Parley alone is already the baseline's problem).
     */
    public List<String> problems(Benchmark.Result result) {
      long baseline =
          result.sides().stream()
              .filter(s -> s.name().equals("baseline"))
              .mapToLong(SideFacts::documents)
              .findFirst()
              .orElse(result.passages());
      return passages == baseline
          ? List.of()
          : List.of(
              "fts5 indexed "
                  + passages
                  + " rows but the baseline "
                  + baseline
                  + " documents: the baselines did not search the same text");
    }

    /** The text report's FTS5 lines. */
    public void print(Benchmark.Result result, PrintStream out) {
      out.printf("%-19s %14s %14s%n", "", "sqlite fts5", "parley/fts5");
      result
          .parley()
          .asMap()
          .forEach(
              (k, v) -> {
                Double f = figures.get(k);
                out.printf(
                    Locale.ROOT,
                    "%-19s %14s %14s%n",
                    k,
                    f == null ? "n/a" : String.format(Locale.ROOT, "%.3f", f),
                    f == null || f == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", v / f));
              });
      out.printf(
          Locale.ROOT, "fts5: %,d rows, slowest query (own p99): %s%n%n", passages, slowestQuery);
    }
  }

  /**
   * Indexes and queries.
   *
   * @param inputs the article files the benchmark indexed (the scaled copies when scaled)
   * @param queries the query texts
   * @param repeat timed passes
   * @param threads query threads for the multi-threaded QPS
   * @param work scratch directory; the database is {@code work/fts5.db}
   * @param inputBytes input size for MB/s
   * @param progress where to report progress, or null
   * @throws IOException on a read or SQLite error
   */
  public static Figures run(
      List<Path> inputs,
      List<String> queries,
      int repeat,
      int threads,
      Path work,
      long inputBytes,
      PrintStream progress)
      throws IOException {
    Path db = work.resolve("fts5.db");
    if (progress != null) {
      progress.println("indexing SQLite FTS5...");
    }
    long passages = 0;
    long nanos;
    try (Fts5Baseline fts5 = new Fts5Baseline(db)) {
      ParagraphSegmenter segmenter = new ParagraphSegmenter(SegmentationConfig.defaults());
      for (Path file : InputFiles.list(inputs).articles()) {
        for (Article article : Benchmark.parse(file)) {
          for (Passage p : segmenter.segment(article)) {
            fts5.add(p.text());
            passages++;
          }
        }
      }
      nanos = fts5.finish();
    }
    long bytes = Files.size(db);
    if (progress != null) {
      progress.println("querying SQLite FTS5...");
    }
    long t0 = System.nanoTime();
    double first;
    long[] timed;
    try (Fts5Baseline.Searcher searcher = new Fts5Baseline.Searcher(db)) {
      searcher.search(queries.get(0));
      first = (System.nanoTime() - t0) / 1e6;
      long warmUntil = System.nanoTime() + 2_000_000_000L;
      for (int pass = 0; pass < 3 || System.nanoTime() < warmUntil; pass++) {
        for (String q : queries) {
          searcher.search(q);
        }
      }
      timed = new long[queries.size() * repeat];
      int i = 0;
      for (int r = 0; r < repeat; r++) {
        for (String q : queries) {
          long s = System.nanoTime();
          searcher.search(q);
          timed[i++] = System.nanoTime() - s;
        }
      }
    }
    long total = 0;
    for (long n : timed) {
      total += n;
    }
    // Each query's own p99 over its --repeat timings, as Benchmark computes it for both sides.
    double worst = -1;
    int slowest = 0;
    for (int q = 0; q < queries.size(); q++) {
      long[] own = new long[repeat];
      for (int r = 0; r < repeat; r++) {
        own[r] = timed[r * queries.size() + q];
      }
      double p99 = Latencies.percentile(own, 99);
      if (p99 > worst) {
        worst = p99;
        slowest = q;
      }
    }
    double seconds = nanos / 1e9;
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("passagesPerSecond", passages / seconds);
    m.put("inputMBPerSecond", inputBytes / 1e6 / seconds);
    m.put("indexBytes", (double) bytes);
    m.put("p50Millis", Latencies.percentile(timed, 50));
    m.put("p95Millis", Latencies.percentile(timed, 95));
    m.put("p99Millis", Latencies.percentile(timed, 99));
    m.put("qps", timed.length / (total / 1e9));
    m.put("qpsThreads", threaded(db, queries, repeat, threads));
    m.put("peakHeapBytes", null);
    m.put("firstQueryMillis", first);
    m.put("worstQueryP99Millis", worst);
    return new Figures(m, passages, queries.get(slowest));
  }

  /** Queries per second with {@code threads} threads, one connection each. */
  private static double threaded(Path db, List<String> queries, int repeat, int threads)
      throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  try (Fts5Baseline.Searcher searcher = new Fts5Baseline.Searcher(db)) {
                    for (int r = 0; r < repeat; r++) {
                      for (String q : queries) {
                        searcher.search(q);
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return threads * repeat * queries.size() / ((System.nanoTime() - t0) / 1e9);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static double round(double v) {
    return Benchmark.Result.round(v);
  }
}
