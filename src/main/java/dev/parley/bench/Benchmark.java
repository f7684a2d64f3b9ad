package dev.parley.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.indexer.Article;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.IngestReport;
import dev.parley.indexer.Paragraph;
import dev.parley.indexer.Passage;
import dev.parley.indexer.ingest.ArticleSink;
import dev.parley.indexer.ingest.InputFiles;
import dev.parley.indexer.segment.ParagraphSegmenter;
import dev.parley.indexer.segment.SegmentationConfig;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/**
 * Runs the benchmark: Parley's full pipeline (parse, segment, enrich, write, commit; then top-10
 * searches with snippets) against the raw Lucene {@link Baseline} on Parley's own passages, in one
 * process, with the same queries, warm-up pass first.
 *
 * <p>Not thread-safe; one run at a time.
 */
public final class Benchmark {
  /**
   * What to run.
   *
   * @param inputs article files or directories
   * @param queries query texts
   * @param threads indexing threads for Parley and query threads for the multi-threaded QPS
   * @param repeat how many timed passes over the queries
   * @param scale how many re-dated, re-identified copies of the input to index (1 = as is)
   * @param work a scratch directory (indexes and scaled input are written there)
   * @param progress where to report progress, or null
   */
  public record Config(
      List<Path> inputs,
      List<String> queries,
      int threads,
      int repeat,
      int scale,
      Path work,
      PrintStream progress) {
    /** Validates the values. */
    public Config {
      inputs = List.copyOf(inputs);
      queries = List.copyOf(queries);
      if (queries.isEmpty()) {
        throw new IllegalArgumentException("the benchmark needs at least one query");
      }
      if (threads < 1 || repeat < 1 || scale < 1) {
        throw new IllegalArgumentException(
            "threads, repeat and scale must be >= 1, got: "
                + threads
                + ", "
                + repeat
                + ", "
                + scale);
      }
      Objects.requireNonNull(work, "work");
    }
  }

  /**
   * The results.
   *
   * @param parley Parley's figures
   * @param baseline the raw Lucene baseline's figures
   * @param passages passages indexed (the same on both sides)
   * @param inputBytes bytes of input read
   * @param topicP50Millis Parley's p50 for the same queries ranked with the diplomacy topic
   * @param dateP50Millis Parley's p50 for the same queries filtered to the middle of the date range
   */
  public record Result(
      Measurement parley,
      Measurement baseline,
      long passages,
      long inputBytes,
      double topicP50Millis,
      double dateP50Millis) {

    /** The result as the JSON object of {@code bench --json}. */
    public JsonObject toJson(Config config) {
      JsonObject o = new JsonObject();
      o.add("parley", object(parley));
      o.add("baseline", object(baseline));
      JsonObject ratios = new JsonObject();
      var b = baseline.asMap();
      parley
          .asMap()
          .forEach((k, v) -> ratios.addProperty(k, round(b.get(k) == 0 ? 0 : v / b.get(k))));
      o.add("ratios", ratios);
      JsonObject filtered = new JsonObject();
      filtered.addProperty("topicP50Millis", round(topicP50Millis));
      filtered.addProperty("dateP50Millis", round(dateP50Millis));
      o.add("filtered", filtered);
      JsonObject machine = new JsonObject();
      machine.addProperty("cores", Runtime.getRuntime().availableProcessors());
      machine.addProperty(
          "jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
      machine.addProperty("maxHeapBytes", Runtime.getRuntime().maxMemory());
      o.add("machine", machine);
      JsonObject input = new JsonObject();
      JsonArray paths = new JsonArray();
      config.inputs().forEach(p -> paths.add(p.toString()));
      input.add("paths", paths);
      input.addProperty("scale", config.scale());
      input.addProperty("bytes", inputBytes);
      input.addProperty("passages", passages);
      input.addProperty("queries", config.queries().size());
      input.addProperty("threads", config.threads());
      input.addProperty("repeat", config.repeat());
      o.add("input", input);
      return o;
    }

    private static JsonObject object(Measurement m) {
      JsonObject o = new JsonObject();
      m.asMap().forEach((k, v) -> o.addProperty(k, round(v)));
      return o;
    }

    private static double round(double v) {
      return Math.abs(v) >= 1000 ? Math.round(v) : Math.round(v * 1000) / 1000.0;
    }
  }

  private final Config config;

  /** A benchmark for {@code config}. */
  public Benchmark(Config config) {
    this.config = config;
  }

  /**
   * Runs both sides.
   *
   * @throws IOException on a read or write error
   */
  public Result run() throws IOException {
    Files.createDirectories(config.work());
    List<Path> inputs = config.scale() == 1 ? config.inputs() : scaledInput();
    Path parleyDir = fresh("parley-index");
    Path baselineDir = fresh("baseline-index");

    say("indexing with Parley (%d threads)...", config.threads());
    HeapWatch.reset();
    long t0 = System.nanoTime();
    IngestReport report;
    try (Indexer indexer = Indexer.builder(parleyDir).withThreads(config.threads()).build()) {
      report = indexer.index(inputs);
    }
    double parleySeconds = (System.nanoTime() - t0) / 1e9;
    long parleyIndexHeap = HeapWatch.peak();
    long parleyBytes = size(parleyDir);

    say("indexing the baseline...");
    HeapWatch.reset();
    long baselineNanos;
    try (Baseline baseline = new Baseline(baselineDir)) {
      forEachPassage(inputs, baseline);
      baselineNanos = baseline.finish();
    }
    long baselineIndexHeap = HeapWatch.peak();
    long baselineBytes = size(baselineDir);
    double baselineSeconds = baselineNanos / 1e9;

    say("querying Parley...");
    QueryFigures parleyQueries = parleyQueries(parleyDir);
    say("querying the baseline...");
    QueryFigures baselineQueries = baselineQueries(baselineDir);

    double mb = report.inputBytes() / 1e6;
    Measurement parley =
        measurement(
            report.passages(), parleySeconds, mb, parleyBytes, parleyIndexHeap, parleyQueries);
    Measurement baseline =
        measurement(
            report.passages(),
            baselineSeconds,
            mb,
            baselineBytes,
            baselineIndexHeap,
            baselineQueries);
    return new Result(
        parley,
        baseline,
        report.passages(),
        report.inputBytes(),
        parleyQueries.topicP50,
        parleyQueries.dateP50);
  }

  /** One side's figures from its indexing run and its query figures. */
  private static Measurement measurement(
      long passages, double seconds, double mb, long bytes, long indexHeap, QueryFigures q) {
    return new Measurement(
        passages / seconds,
        mb / seconds,
        bytes,
        q.p50,
        q.p95,
        q.p99,
        q.qps,
        q.qpsThreads,
        Math.max(indexHeap, q.heap),
        q.first);
  }

  /** Query figures of one side. */
  private record QueryFigures(
      double p50,
      double p95,
      double p99,
      double qps,
      double qpsThreads,
      long heap,
      double first,
      double topicP50,
      double dateP50) {}

  /** A timed query runner. */
  @FunctionalInterface
  private interface Run {
    void query(String text) throws IOException;
  }

  private QueryFigures parleyQueries(Path dir) throws IOException {
    HeapWatch.reset();
    long t0 = System.nanoTime();
    try (Searcher searcher = Searcher.open(dir)) {
      searcher.search(SearchRequest.builder(config.queries().get(0)).withK(10).build());
      double first = (System.nanoTime() - t0) / 1e6;
      var stats = searcher.stats();
      Run plain = q -> searcher.search(SearchRequest.builder(clip(q)).withK(10).build());
      Run topic =
          q ->
              searcher.search(
                  SearchRequest.builder(clip(q)).withK(10).addTopic("diplomacy").build());
      var from = stats.firstDate();
      var to = stats.lastDate();
      long span = from == null ? 0 : to.toEpochDay() - from.toEpochDay();
      Run date =
          q -> {
            SearchRequest.Builder b = SearchRequest.builder(clip(q)).withK(10);
            if (from != null) {
              b.withSince(from.plusDays(span / 4)).withUntil(from.plusDays(3 * span / 4));
            }
            searcher.search(b.build());
          };
      QueryFigures f = measure(plain, first);
      double topicP50 = Latencies.percentile(timed(topic), 50);
      double dateP50 = Latencies.percentile(timed(date), 50);
      return new QueryFigures(
          f.p50, f.p95, f.p99, f.qps, f.qpsThreads, HeapWatch.peak(), first, topicP50, dateP50);
    }
  }

  private QueryFigures baselineQueries(Path dir) throws IOException {
    HeapWatch.reset();
    long t0 = System.nanoTime();
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Baseline.search(searcher, Baseline.query(config.queries().get(0)));
      double first = (System.nanoTime() - t0) / 1e6;
      QueryFigures f = measure(q -> Baseline.search(searcher, Baseline.query(q)), first);
      return new QueryFigures(
          f.p50, f.p95, f.p99, f.qps, f.qpsThreads, HeapWatch.peak(), first, 0, 0);
    }
  }

  /** Warm-up pass, timed single-threaded passes, then timed multi-threaded passes. */
  private QueryFigures measure(Run run, double first) throws IOException {
    // Warm up until the JIT has settled: at least three passes and two seconds.
    long warmUntil = System.nanoTime() + 2_000_000_000L;
    for (int pass = 0; pass < 3 || System.nanoTime() < warmUntil; pass++) {
      for (String q : config.queries()) {
        run.query(q);
      }
    }
    long[] nanos = timed(run);
    long total = 0;
    for (long n : nanos) {
      total += n;
    }
    double qps = nanos.length / (total / 1e9);
    double qpsThreads = threaded(run);
    return new QueryFigures(
        Latencies.percentile(nanos, 50),
        Latencies.percentile(nanos, 95),
        Latencies.percentile(nanos, 99),
        qps,
        qpsThreads,
        0,
        first,
        0,
        0);
  }

  private long[] timed(Run run) throws IOException {
    long[] nanos = new long[config.queries().size() * config.repeat()];
    int i = 0;
    for (int r = 0; r < config.repeat(); r++) {
      for (String q : config.queries()) {
        long t0 = System.nanoTime();
        run.query(q);
        nanos[i++] = System.nanoTime() - t0;
      }
    }
    return nanos;
  }

  private double threaded(Run run) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(config.threads());
    try {
      long t0 = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < config.threads(); t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int r = 0; r < config.repeat(); r++) {
                    for (String q : config.queries()) {
                      try {
                        run.query(q);
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      return config.threads() * config.repeat() * config.queries().size() / seconds;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Feeds every passage of the inputs, as Parley segments them, to the baseline. */
  private static void forEachPassage(List<Path> inputs, Baseline baseline) throws IOException {
    ParagraphSegmenter segmenter = new ParagraphSegmenter(SegmentationConfig.defaults());
    for (Path file : InputFiles.list(inputs).articles()) {
      for (Article article : parse(file)) {
        for (Passage p : segmenter.segment(article)) {
          baseline.add(p.text());
        }
      }
    }
  }

  /**
   * Writes {@code scale} copies of the input as JSON Lines, copy k re-identified ({@code id~k}) and
   * re-dated ({@code k} years later), so growth can be measured on realistic text.
   */
  private List<Path> scaledInput() throws IOException {
    Path dir = fresh("scaled-input");
    say("writing %d copies of the input...", config.scale());
    List<BufferedWriter> writers = new ArrayList<>();
    try {
      for (int k = 0; k < config.scale(); k++) {
        writers.add(
            Files.newBufferedWriter(
                dir.resolve(String.format("copy-%03d.jsonl", k)), StandardCharsets.UTF_8));
      }
      for (Path file : InputFiles.list(config.inputs()).articles()) {
        for (Article a : parse(file)) {
          for (int k = 0; k < config.scale(); k++) {
            JsonObject o = new JsonObject();
            o.addProperty("id", k == 0 ? a.id() : a.id() + "~" + k);
            o.addProperty("date", a.date().plusYears(k).toString());
            if (a.title() != null) {
              o.addProperty("title", a.title());
            }
            JsonArray paragraphs = new JsonArray();
            a.paragraphs().stream().map(Paragraph::text).forEach(paragraphs::add);
            o.add("paragraphs", paragraphs);
            writers.get(k).write(o.toString());
            writers.get(k).write('\n');
          }
        }
      }
    } finally {
      for (BufferedWriter w : writers) {
        w.close();
      }
    }
    return List.of(dir);
  }

  /** The articles of one file; rejections are the indexer's business, not the benchmark's. */
  private static List<Article> parse(Path file) throws IOException {
    List<Article> articles = new ArrayList<>();
    InputFiles.Format.of(file)
        .parser()
        .parse(
            file,
            new ArticleSink() {
              @Override
              public void accept(Article a) {
                articles.add(a);
              }

              @Override
              public void reject(String source, String reason) {}
            });
    return articles;
  }

  private Path fresh(String name) throws IOException {
    Path dir = config.work().resolve(name);
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
    return dir;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static String clip(String q) {
    return q.length() <= SearchRequest.MAX_QUERY_CHARS
        ? q
        : q.substring(0, SearchRequest.MAX_QUERY_CHARS);
  }

  private void say(String format, Object... args) {
    if (config.progress() != null) {
      config.progress().printf(format + "%n", args);
    }
  }
}
