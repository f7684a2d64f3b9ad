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
import dev.parley.schema.Fields;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Runs the benchmark: Parley's full pipeline (parse, segment, enrich, write, commit; then top-10
 * searches with snippets) against the raw Lucene {@link Baseline} on Parley's own passages, in one
 * process, with the same queries, warm-up pass first. Both sides end merged to one segment; each
 * side's documents, segments, thread counts and cut-off searches are reported ({@link SideFacts})
 * and checked ({@link Fairness}): a run whose sides differ is reported with its problems.
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
   * @param searcher configures Parley's searcher (time limit, ranking ingredients switched off to
   *     measure what they cost); {@code UnaryOperator.identity()} for the defaults
   * @param ingredients whether to also time plain queries with entity synonyms, the article context
   *     or both switched off, interleaved with the full ranking on the same index
   */
  public record Config(
      List<Path> inputs,
      List<String> queries,
      int threads,
      int repeat,
      int scale,
      Path work,
      PrintStream progress,
      UnaryOperator<Searcher.Builder> searcher,
      boolean ingredients) {
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
      Objects.requireNonNull(searcher, "searcher");
    }

    /** A configuration with Parley's default searcher. */
    public Config(
        List<Path> inputs,
        List<String> queries,
        int threads,
        int repeat,
        int scale,
        Path work,
        PrintStream progress) {
      this(
          inputs, queries, threads, repeat, scale, work, progress, UnaryOperator.identity(), false);
    }
  }

  /**
   * The results.
   *
   * @param parley Parley's figures
   * @param baseline the raw Lucene baseline's figures
   * @param passages passages indexed (the same on both sides, or the run has a problem)
   * @param inputBytes bytes of input read
   * @param topicP50Millis Parley's p50 for the same queries ranked with the diplomacy topic
   * @param dateP50Millis Parley's p50 for the same queries filtered to the middle of the date range
   * @param sides what each side ran on (Parley first), for the fairness checks
   * @param problems why the run is not a fair measurement ({@link Fairness}); empty if it is
   * @param ingredientP50Millis Parley's p50 per ranking variant ({@code everything}, {@code
   *     noEntitySynonyms}, {@code noContext}, {@code neither}), timed interleaved so that a change
   *     in the machine's load affects every variant alike; empty unless asked for
   * @param stages Parley's search stage by stage ({@link SearchStages}: ranking alone, without
   *     snippets, full answer, snippet microseconds per hit); empty when not measured
   */
  public record Result(
      Measurement parley,
      Measurement baseline,
      long passages,
      long inputBytes,
      double topicP50Millis,
      double dateP50Millis,
      List<SideFacts> sides,
      List<String> problems,
      Map<String, Double> ingredientP50Millis,
      Map<String, Double> stages) {

    /** A result without stage figures. */
    public Result(
        Measurement parley,
        Measurement baseline,
        long passages,
        long inputBytes,
        double topicP50Millis,
        double dateP50Millis,
        List<SideFacts> sides,
        List<String> problems,
        Map<String, Double> ingredientP50Millis) {
      this(
          parley,
          baseline,
          passages,
          inputBytes,
          topicP50Millis,
          dateP50Millis,
          sides,
          problems,
          ingredientP50Millis,
          Map.of());
    }

    /** Copies the lists. */
    public Result {
      stages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stages));
      sides = List.copyOf(sides);
      problems = List.copyOf(problems);
      ingredientP50Millis =
          java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ingredientP50Millis));
    }

    /** Parley's value over the baseline's for every figure; 0 where the baseline's is 0. */
    public Map<String, Double> ratios() {
      Map<String, Double> ratios = new LinkedHashMap<>();
      var b = baseline.asMap();
      parley.asMap().forEach((k, v) -> ratios.put(k, b.get(k) == 0 ? 0 : v / b.get(k)));
      return ratios;
    }

    /** The JSON object of {@code bench --json}. */
    public JsonObject toJson(Config config) {
      JsonObject o = new JsonObject();
      o.add("parley", object(parley));
      o.add("baseline", object(baseline));
      JsonObject ratios = new JsonObject();
      ratios().forEach((k, v) -> ratios.addProperty(k, round(v)));
      o.add("ratios", ratios);
      // The baseline has no topics and no dates: filtered Parley queries can only be set against
      // its unfiltered p50, and the key names say so.
      JsonObject filtered = new JsonObject();
      filtered.addProperty("topicP50Millis", round(topicP50Millis));
      filtered.addProperty("dateP50Millis", round(dateP50Millis));
      double base = baseline.p50Millis();
      filtered.addProperty(
          "topicP50OverUnfilteredBaselineP50", round(base == 0 ? 0 : topicP50Millis / base));
      filtered.addProperty(
          "dateP50OverUnfilteredBaselineP50", round(base == 0 ? 0 : dateP50Millis / base));
      o.add("filtered", filtered);
      if (!ingredientP50Millis.isEmpty()) {
        JsonObject ingredients = new JsonObject();
        ingredientP50Millis.forEach((k, v) -> ingredients.addProperty(k, round(v)));
        o.add("ingredientP50Millis", ingredients);
      }
      if (!stages.isEmpty()) {
        JsonObject st = new JsonObject();
        stages.forEach((k, v) -> st.addProperty(k, round(v)));
        // Against the baseline's p50 (top 10, no stored fields, no snippets).
        st.addProperty(
            "rankOverBaselineP50", round(base == 0 ? 0 : stages.get("rankP50Millis") / base));
        st.addProperty(
            "fullOverBaselineP50", round(base == 0 ? 0 : stages.get("fullP50Millis") / base));
        // The filtered answers timed beside the full answer (the baseline's p50 is unfiltered).
        if (stages.containsKey("topicP50Millis")) {
          st.addProperty(
              "topicOverBaselineP50", round(base == 0 ? 0 : stages.get("topicP50Millis") / base));
          st.addProperty(
              "dateOverBaselineP50", round(base == 0 ? 0 : stages.get("dateP50Millis") / base));
        }
        o.add("stages", st);
      }
      JsonObject sidesJson = new JsonObject();
      for (SideFacts side : sides) {
        JsonObject f = new JsonObject();
        f.addProperty("documents", side.documents());
        f.addProperty("segments", side.segments());
        f.addProperty("indexingThreads", side.indexingThreads());
        f.addProperty("searchThreads", side.searchThreads());
        f.addProperty("qpsThreads", side.qpsThreads());
        f.addProperty("partialSearches", side.partialSearches());
        f.addProperty("slowestQuery", side.slowestQuery());
        sidesJson.add(side.name(), f);
      }
      o.add("sides", sidesJson);
      JsonArray problemsJson = new JsonArray();
      problems.forEach(problemsJson::add);
      o.add("problems", problemsJson);
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

    /**
     * Whole numbers from 1000 up, else four significant digits: a fixed number of decimals would
     * print 0.001 for 0.0014 MB/s and 0 for a 0.4 microsecond latency, and ratios could no longer
     * be checked against their parts.
     */
    static double round(double v) {
      if (!Double.isFinite(v) || v == 0) {
        return v;
      }
      return Math.abs(v) >= 1000
          ? Math.round(v)
          : new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN)).doubleValue();
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
    say("timing Parley's search stage by stage...");
    Map<String, Double> stages =
        SearchStages.measure(
            parleyDir,
            config.searcher(),
            config.queries().stream().map(Benchmark::clip).toList(),
            config.repeat());
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
    // Parley's passages are counted in its index (passage documents, not article records); the
    // baseline's documents in its own. Parley indexes on --threads workers, the baseline on the
    // calling thread (only Lucene's time counts for it); both answer latency queries on one thread.
    IndexShape parleyShape = IndexShape.of(parleyDir, parleyPassages());
    IndexShape baselineShape = IndexShape.of(baselineDir, null);
    SideFacts parleySide =
        new SideFacts(
            "parley",
            parleyShape.documents(),
            parleyShape.segments(),
            config.threads(),
            1,
            config.threads(),
            parleyQueries.partial,
            parleyQueries.slowestQuery);
    SideFacts baselineSide =
        new SideFacts(
            "baseline",
            baselineShape.documents(),
            baselineShape.segments(),
            1,
            1,
            config.threads(),
            baselineQueries.partial,
            baselineQueries.slowestQuery);
    return new Result(
        parley,
        baseline,
        report.passages(),
        report.inputBytes(),
        parleyQueries.topicP50,
        parleyQueries.dateP50,
        List.of(parleySide, baselineSide),
        Fairness.problems(parleySide, List.of(baselineSide)),
        parleyQueries.ingredients,
        stages);
  }

  /** Parley's passage documents (article records are not searched by text queries). */
  private static Query parleyPassages() {
    return new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE));
  }

  /** Documents (matching a query, or all live ones) and segments of an index. */
  private record IndexShape(long documents, int segments) {
    static IndexShape of(Path dir, Query documents) throws IOException {
      try (FSDirectory directory = FSDirectory.open(dir);
          DirectoryReader reader = DirectoryReader.open(directory)) {
        long count =
            documents == null ? reader.numDocs() : new IndexSearcher(reader).count(documents);
        return new IndexShape(count, reader.leaves().size());
      }
    }
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
        q.first,
        q.worstP99);
  }

  /** Query figures of one side. */
  private record QueryFigures(
      double p50,
      double p95,
      double p99,
      double worstP99,
      String slowestQuery,
      double qps,
      double qpsThreads,
      long heap,
      double first,
      double topicP50,
      double dateP50,
      long partial,
      Map<String, Double> ingredients) {
    QueryFigures with(
        long heap,
        double topicP50,
        double dateP50,
        long morePartial,
        Map<String, Double> ingredients) {
      return new QueryFigures(
          p50,
          p95,
          p99,
          worstP99,
          slowestQuery,
          qps,
          qpsThreads,
          heap,
          first,
          topicP50,
          dateP50,
          partial + morePartial,
          ingredients);
    }
  }

  /** A timed query runner; returns true if the search was cut off by its time limit. */
  @FunctionalInterface
  private interface Run {
    boolean query(String text) throws IOException;
  }

  private QueryFigures parleyQueries(Path dir) throws IOException {
    HeapWatch.reset();
    long t0 = System.nanoTime();
    try (Searcher searcher = config.searcher().apply(Searcher.builder(dir)).build()) {
      boolean firstPartial =
          searcher
              .search(SearchRequest.builder(clip(config.queries().get(0))).withK(10).build())
              .partial();
      double first = (System.nanoTime() - t0) / 1e6;
      var stats = searcher.stats();
      Run plain = q -> searcher.search(SearchRequest.builder(clip(q)).withK(10).build()).partial();
      Run topic =
          q ->
              searcher
                  .search(SearchRequest.builder(clip(q)).withK(10).addTopic("diplomacy").build())
                  .partial();
      var from = stats.firstDate();
      var to = stats.lastDate();
      long span = from == null ? 0 : to.toEpochDay() - from.toEpochDay();
      Run date =
          q -> {
            SearchRequest.Builder b = SearchRequest.builder(clip(q)).withK(10);
            if (from != null) {
              b.withSince(from.plusDays(span / 4)).withUntil(from.plusDays(3 * span / 4));
            }
            return searcher.search(b.build()).partial();
          };
      QueryFigures f = measure(plain, first);
      Timings topicTimes = timed(topic);
      Timings dateTimes = timed(date);
      long[] ingredientPartial = new long[1];
      Map<String, Double> ingredients =
          config.ingredients() ? ingredients(dir, ingredientPartial) : Map.of();
      return f.with(
          HeapWatch.peak(),
          Latencies.percentile(topicTimes.nanos, 50),
          Latencies.percentile(dateTimes.nanos, 50),
          (firstPartial ? 1 : 0) + topicTimes.partial + dateTimes.partial + ingredientPartial[0],
          ingredients);
    }
  }

  /**
   * Parley's p50 for plain queries under four rankings on the same index: as configured, without
   * entity synonyms, without the article context, without both. Each timed pass runs every query
   * under every variant in turn, so a shift in the machine's load lands on all four alike.
   */
  private Map<String, Double> ingredients(Path dir, long[] partial) throws IOException {
    Map<String, UnaryOperator<Searcher.Builder>> variants = new LinkedHashMap<>();
    variants.put("everything", b -> b);
    variants.put("noEntitySynonyms", b -> b.withEntitySynonyms(false));
    variants.put("noContext", b -> b.withContextWeight(0));
    variants.put("neither", b -> b.withEntitySynonyms(false).withContextWeight(0));
    List<Searcher> searchers = new ArrayList<>();
    try {
      for (UnaryOperator<Searcher.Builder> v : variants.values()) {
        searchers.add(v.apply(config.searcher().apply(Searcher.builder(dir))).build());
      }
      int n = config.queries().size();
      long[][] nanos = new long[searchers.size()][n * config.repeat()];
      for (int pass = -3; pass < config.repeat(); pass++) { // three warm-up passes first
        for (int q = 0; q < n; q++) {
          SearchRequest request =
              SearchRequest.builder(clip(config.queries().get(q))).withK(10).build();
          for (int v = 0; v < searchers.size(); v++) {
            long t0 = System.nanoTime();
            boolean cut = searchers.get(v).search(request).partial();
            long took = System.nanoTime() - t0;
            partial[0] += cut ? 1 : 0;
            if (pass >= 0) {
              nanos[v][pass * n + q] = took;
            }
          }
        }
      }
      Map<String, Double> p50 = new LinkedHashMap<>();
      int v = 0;
      for (String name : variants.keySet()) {
        p50.put(name, Latencies.percentile(nanos[v++], 50));
      }
      return p50;
    } finally {
      for (Searcher s : searchers) {
        s.close();
      }
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
      // Raw Lucene has no time limit here: no search of the baseline is ever partial.
      QueryFigures f =
          measure(
              q -> {
                Baseline.search(searcher, Baseline.query(q));
                return false;
              },
              first);
      return f.with(HeapWatch.peak(), 0, 0, 0, Map.of());
    }
  }

  /** Latencies in run order (pass by pass, queries in file order) and the cut-off searches. */
  private record Timings(long[] nanos, long partial) {}

  /** Warm-up pass, timed single-threaded passes, then timed multi-threaded passes. */
  private QueryFigures measure(Run run, double first) throws IOException {
    long partial = 0;
    // Warm up until the JIT has settled: at least three passes and two seconds.
    long warmUntil = System.nanoTime() + 2_000_000_000L;
    for (int pass = 0; pass < 3 || System.nanoTime() < warmUntil; pass++) {
      for (String q : config.queries()) {
        partial += run.query(q) ? 1 : 0;
      }
    }
    Timings timings = timed(run);
    long[] nanos = timings.nanos;
    long total = 0;
    for (long n : nanos) {
      total += n;
    }
    double qps = nanos.length / (total / 1e9);
    AtomicLong threadedPartial = new AtomicLong();
    double qpsThreads = threaded(run, threadedPartial);
    // Each query's own p99 over its --repeat timings: the pooled p99 can hide one slow query
    // behind many fast ones.
    int queries = config.queries().size();
    double worst = -1;
    int slowest = 0;
    for (int q = 0; q < queries; q++) {
      long[] own = new long[config.repeat()];
      for (int r = 0; r < config.repeat(); r++) {
        own[r] = nanos[r * queries + q];
      }
      double p99 = Latencies.percentile(own, 99);
      if (p99 > worst) {
        worst = p99;
        slowest = q;
      }
    }
    return new QueryFigures(
        Latencies.percentile(nanos, 50),
        Latencies.percentile(nanos, 95),
        Latencies.percentile(nanos, 99),
        worst,
        config.queries().get(slowest),
        qps,
        qpsThreads,
        0,
        first,
        0,
        0,
        partial + timings.partial + threadedPartial.get(),
        Map.of());
  }

  private Timings timed(Run run) throws IOException {
    long[] nanos = new long[config.queries().size() * config.repeat()];
    long partial = 0;
    int i = 0;
    for (int r = 0; r < config.repeat(); r++) {
      for (String q : config.queries()) {
        long t0 = System.nanoTime();
        boolean cut = run.query(q);
        nanos[i++] = System.nanoTime() - t0;
        partial += cut ? 1 : 0;
      }
    }
    return new Timings(nanos, partial);
  }

  private double threaded(Run run, AtomicLong partial) throws IOException {
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
                        if (run.query(q)) {
                          partial.incrementAndGet();
                        }
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

  /**
   * The articles of one file; rejections are the indexer's business, not the benchmark's. Every
   * side of the benchmark (raw Lucene, FTS5, the mixed load) reads its input through this.
   */
  static List<Article> parse(Path file) throws IOException {
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
    return Files.createDirectories(emptied(config.work().resolve(name)));
  }

  /**
   * {@code dir} with nothing left of it (deleted with everything under it when it exists), for a
   * run that must start from scratch; every part of the benchmark clears its work folders here.
   */
  static Path emptied(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
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
