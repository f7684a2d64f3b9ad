package dev.parley.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The field ablation of {@code bench --field-ablation}: what each of the three text fields ({@code
 * text}, {@code context}, {@code article_text}) costs in index size and indexing time. Each variant
 * is the same one-thread indexing run ({@link StageBreakdown}: the indexer's own steps, the same
 * documents as {@code parley index}) over the whole input, with the field left out of the documents
 * (neither inverted nor stored), followed by the merge to one segment that {@code parley index}
 * ends with; the full run is the reference. The variants run interleaved, {@code runs} rounds of
 * all four, each round starting with the next variant, after one untimed warm-up over the first
 * fifth of the files (so no variant pays the JIT's warm-up); each variant's figures are the median
 * of its rounds.
 *
 * <p>Time is wall time from the first file read to the merged commit (and, beside it, the process
 * CPU time over the same span, all threads, and the indexing thread's CPU per passage). Size is the
 * merged index's bytes, by Lucene file kind ({@link IndexFiles}), from the last round.
 *
 * <p>Quality is not measured here (it needs the evaluation corpora and {@code parley eval}/{@code
 * parley tune}; docs/performance.md). Without {@code text} there is nothing to rank passages by, so
 * that variant has no quality figure at all.
 *
 * <p>Not thread-safe; one run at a time.
 */
public final class FieldAblationRuns {
  private FieldAblationRuns() {}

  /** Why the variant without {@code text} has no quality figure. */
  public static final String NO_TEXT_QUALITY =
      "n/a: without the passage text there is nothing to rank passages by";

  /**
   * One variant's figures.
   *
   * @param dropped the field left out, or {@code ""} for the full run
   * @param seconds wall seconds of each round, in round order
   * @param cpuSeconds process CPU seconds of each round (all threads: merges, GC, JIT)
   * @param microsPerPassage the indexing thread's CPU per passage of each round, all stages
   * @param files the merged index by file kind (last round)
   */
  public record Variant(
      String dropped,
      double[] seconds,
      double[] cpuSeconds,
      double[] microsPerPassage,
      IndexFiles files) {
    /** The JSON key: {@code all}, {@code withoutText}, {@code withoutContext}, ... */
    public String key() {
      return key(dropped);
    }

    static String key(String dropped) {
      if (dropped.isEmpty()) {
        return "all";
      }
      StringBuilder b = new StringBuilder("without");
      for (String part : dropped.split("_")) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
      return b.toString();
    }

    /** Median wall seconds. */
    public double medianSeconds() {
      return median(seconds);
    }

    /** Median process CPU seconds. */
    public double medianCpuSeconds() {
      return median(cpuSeconds);
    }

    /** Median µs per passage of the indexing thread. */
    public double medianMicrosPerPassage() {
      return median(microsPerPassage);
    }
  }

  /**
   * The ablation.
   *
   * @param runs rounds per variant
   * @param articles articles indexed per run
   * @param passages passages indexed per run
   * @param variants the full run first, then one per dropped field
   */
  public record Result(int runs, long articles, long passages, List<Variant> variants) {
    /** Copies the list. */
    public Result {
      variants = List.copyOf(variants);
    }

    /** The full run. */
    public Variant all() {
      return variants.get(0);
    }

    /** The {@code fieldAblation} block of {@code bench --json}. */
    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("runs", runs);
      o.addProperty("threads", 1);
      o.addProperty("articles", articles);
      o.addProperty("passages", passages);
      o.addProperty("timing", "median wall seconds, first file read to merged commit");
      JsonObject vs = new JsonObject();
      Variant all = all();
      for (Variant v : variants) {
        JsonObject j = new JsonObject();
        j.addProperty("seconds", Benchmark.Result.round(v.medianSeconds()));
        JsonArray each = new JsonArray();
        Arrays.stream(v.seconds()).forEach(s -> each.add(Benchmark.Result.round(s)));
        j.add("secondsEachRun", each);
        j.addProperty("cpuSeconds", Benchmark.Result.round(v.medianCpuSeconds()));
        j.addProperty("microsPerPassage", Benchmark.Result.round(v.medianMicrosPerPassage()));
        j.addProperty("bytes", v.files().total());
        j.add("files", v.files().toJson());
        if (v != all) {
          long saved = all.files().total() - v.files().total();
          double savedSeconds = all.medianSeconds() - v.medianSeconds();
          j.addProperty("savedBytes", saved);
          j.addProperty("savedBytesShare", share(saved, all.files().total()));
          j.addProperty("savedSeconds", Benchmark.Result.round(savedSeconds));
          j.addProperty("savedSecondsShare", share(savedSeconds, all.medianSeconds()));
          j.addProperty(
              "savedCpuSeconds",
              Benchmark.Result.round(all.medianCpuSeconds() - v.medianCpuSeconds()));
        }
        if (v.dropped().equals(Fields.TEXT)) {
          j.addProperty("quality", NO_TEXT_QUALITY);
        }
        vs.add(v.key(), j);
      }
      o.add("variants", vs);
      return o;
    }

    /** The table of the text report. */
    public void print(PrintStream out) {
      out.printf(
          Locale.ROOT,
          "field ablation (1 thread, %,d articles, %,d passages, median of %d interleaved runs;"
              + " time = first file read to merged commit):%n",
          articles,
          passages,
          runs);
      out.printf(
          Locale.ROOT,
          "%-20s %14s %10s %12s %9s %9s %10s  %s%n",
          "variant",
          "index bytes",
          "saves",
          "wall s",
          "saves",
          "cpu s",
          "us/psg",
          "quality");
      Variant all = all();
      for (Variant v : variants) {
        long saved = all.files().total() - v.files().total();
        double savedSeconds = all.medianSeconds() - v.medianSeconds();
        out.printf(
            Locale.ROOT,
            "%-20s %,14d %9.1f%% %12.2f %8.1f%% %9.2f %10.2f  %s%n",
            v.key(),
            v.files().total(),
            100 * share(saved, all.files().total()),
            v.medianSeconds(),
            100 * share(savedSeconds, all.medianSeconds()),
            v.medianCpuSeconds(),
            v.medianMicrosPerPassage(),
            v.dropped().equals(Fields.TEXT) ? NO_TEXT_QUALITY : "see docs/performance.md");
      }
      out.println("full run's index by file kind: " + all.files().line());
      out.println();
    }
  }

  /**
   * Runs the ablation over the seed-format ({@code .txt}) articles under {@code inputs}, writing
   * its indexes under {@code work}.
   *
   * @param runs rounds per variant, at least 1
   * @throws IllegalArgumentException if {@code runs} is below 1 or the inputs hold no {@code .txt}
   *     file
   * @throws IOException if the inputs cannot be read or an index written
   */
  public static Result run(List<Path> inputs, Path work, int runs, PrintStream progress)
      throws IOException {
    if (runs < 1) {
      throw new IllegalArgumentException("the field ablation needs at least 1 run, got: " + runs);
    }
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      try (Stream<Path> s = Files.walk(input)) {
        s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "the field ablation reads seed-format .txt articles, and " + inputs + " holds none");
    }
    List<String> dropped = new ArrayList<>();
    dropped.add("");
    dropped.addAll(StageBreakdown.DROPPABLE);
    say(progress, "field ablation: warm-up over %d files...", Math.max(1, files.size() / 5));
    once(files.subList(0, Math.max(1, files.size() / 5)), work.resolve("ablation-warm-up"), "");
    int n = dropped.size();
    double[][] seconds = new double[n][runs];
    double[][] cpu = new double[n][runs];
    double[][] micros = new double[n][runs];
    IndexFiles[] sizes = new IndexFiles[n];
    long articles = 0;
    long passages = 0;
    for (int round = 0; round < runs; round++) {
      for (int i = 0; i < n; i++) {
        int v = (round + i) % n; // each round starts with the next variant
        say(
            progress,
            "field ablation: round %d of %d, %s...",
            round + 1,
            runs,
            Variant.key(dropped.get(v)));
        Once r = once(files, work.resolve("ablation-" + v), dropped.get(v));
        seconds[v][round] = r.seconds;
        cpu[v][round] = r.cpuSeconds;
        micros[v][round] = r.microsPerPassage;
        sizes[v] = r.files;
        articles = r.articles;
        passages = r.passages;
      }
    }
    List<Variant> variants = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      variants.add(new Variant(dropped.get(v), seconds[v], cpu[v], micros[v], sizes[v]));
    }
    return new Result(runs, articles, passages, variants);
  }

  /** One timed run. */
  private record Once(
      double seconds,
      double cpuSeconds,
      double microsPerPassage,
      IndexFiles files,
      long articles,
      long passages) {}

  private static Once once(List<Path> files, Path dir, String dropped) throws IOException {
    Benchmark.emptied(dir);
    StageBreakdown stages = new StageBreakdown();
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    Map<String, Double> perPassage =
        stages.run(files, dir, dropped.isEmpty() ? Set.of() : Set.of(dropped));
    // parley index ends a bulk run merged to one segment (Indexer.withMergeAfterRun).
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w =
            new IndexWriter(
                d, new IndexWriterConfig(null).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      w.forceMerge(1);
      w.commit();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
    double micros = perPassage.values().stream().mapToDouble(Double::doubleValue).sum();
    return new Once(
        seconds, cpuSeconds, micros, IndexFiles.of(dir), stages.articles(), stages.passages());
  }

  /** CPU time of this process, all threads, in nanoseconds (0 if the JVM cannot tell). */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  private static double share(double part, double whole) {
    return whole == 0 ? 0 : Math.round(part / whole * 10_000) / 10_000.0;
  }

  private static void say(PrintStream progress, String format, Object... args) {
    if (progress != null) {
      progress.printf(Locale.ROOT, format + "%n", args);
    }
  }
}
