package dev.parley.bench;

import dev.parley.eval.QueryFile;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.IngestReport;
import dev.parley.indexer.enrich.NewsEnricher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;

/**
 * The indexing knobs measured (docs/performance.md, "Parley 7 knobs and ablation, sixth session"):
 * whole-process {@code parley index} runs with another merge policy, commit interval or without the
 * final merge, timed as child JVMs like {@code bench --whole-process} times {@code parley index},
 * interleaved; and the search latency of the indexes they leave (one segment or several).
 *
 * <ul>
 *   <li>{@code IndexKnobs compare ROUNDS WORK VARIANTS INPUT...}: {@code VARIANTS} is {@code all}
 *       or names from {@link #VARIANTS} joined by commas; each round runs every variant once as a
 *       child JVM (this JVM's options and class path), each round starting with the next variant;
 *       prints every run's wall seconds, the median, and the index each leaves (segments, bytes),
 *       kept under {@code WORK/knobs-NAME}.
 *   <li>{@code IndexKnobs index INDEX COMMIT_EVERY POLICY merge|nomerge INPUT...}: one child run,
 *       the indexer built as {@code parley index} builds it (default threads, the built-in
 *       enricher) with the given commit interval and merge policy ({@code tiered}: Lucene's
 *       default, not set; {@code tiered:N}: segments per tier and merge width N; {@code logbyte},
 *       {@code logbyte:N}: merge factor N), and with or without the final {@code forceMerge(1)}.
 *   <li>{@code IndexKnobs latency ROUNDS REPEAT QUERIES.tsv INDEX...}: {@link SearchStages} on each
 *       index in turn, {@code ROUNDS} times (each round starting with the next index), each with
 *       three warm-up and {@code REPEAT} timed passes; prints the median over rounds of ranking
 *       alone and full-answer p50 per index, with its segment count.
 * </ul>
 *
 * <p>Not thread-safe; a command-line tool.
 */
public final class IndexKnobs {
  private IndexKnobs() {}

  /**
   * One configuration.
   *
   * @param name its name on the command line and in the table
   * @param commitEvery articles between commits
   * @param policy merge policy, as {@code index} takes it
   * @param finalMerge whether the run ends with {@code forceMerge(1)}
   */
  record Variant(String name, int commitEvery, String policy, boolean finalMerge) {}

  /** The variants {@code compare} knows; the first is today's default. */
  static final List<Variant> VARIANTS =
      List.of(
          new Variant("today", Indexer.DEFAULT_COMMIT_EVERY, "tiered", true),
          new Variant("nomerge", Indexer.DEFAULT_COMMIT_EVERY, "tiered", false),
          new Variant("logbyte", Indexer.DEFAULT_COMMIT_EVERY, "logbyte", true),
          new Variant("tiered4", Indexer.DEFAULT_COMMIT_EVERY, "tiered:4", true),
          new Variant("commit5k", 5_000, "tiered", true),
          new Variant("commit5k-nomerge", 5_000, "tiered", false),
          new Variant("commit5k-logbyte", 5_000, "logbyte", true),
          new Variant("commit5k-tiered2", 5_000, "tiered:2", true),
          new Variant("commit10k", 10_000, "tiered", true),
          new Variant("commit100k", 100_000, "tiered", true),
          new Variant("endonly", Integer.MAX_VALUE, "tiered", true));

  /**
   * Runs one of the three commands.
   *
   * @throws IOException on a read or write error, or a child that failed
   */
  public static void main(String[] args) throws IOException {
    if (args.length >= 6 && args[0].equals("index")) {
      index(args);
    } else if (args.length >= 5 && args[0].equals("compare")) {
      compare(args, System.out);
    } else if (args.length >= 5 && args[0].equals("latency")) {
      latency(args, System.out);
    } else {
      System.err.println(
          "usage: IndexKnobs compare ROUNDS WORK all|NAME,... INPUT... | index INDEX COMMIT_EVERY"
              + " POLICY merge|nomerge INPUT... | latency ROUNDS REPEAT QUERIES.tsv INDEX...");
      System.exit(2);
    }
  }

  /** The merge policy a name gives; null for Lucene's default (not set, as today). */
  static MergePolicy policy(String name) {
    String[] p = name.split(":");
    int n = p.length > 1 ? Integer.parseInt(p[1]) : -1;
    switch (p[0]) {
      case "tiered":
        if (n < 0) {
          return null;
        }
        TieredMergePolicy t = new TieredMergePolicy();
        t.setSegmentsPerTier(n);
        t.setMaxMergeAtOnce(n);
        return t;
      case "logbyte":
        LogByteSizeMergePolicy l = new LogByteSizeMergePolicy();
        if (n > 0) {
          l.setMergeFactor(n);
        }
        return l;
      default:
        throw new IllegalArgumentException(
            "merge policy " + name + ": tiered, tiered:N, logbyte or logbyte:N");
    }
  }

  private static void index(String[] args) throws IOException {
    Path index = Path.of(args[1]);
    int commitEvery = Integer.parseInt(args[2]);
    MergePolicy policy = policy(args[3]);
    boolean merge = args[4].equals("merge");
    List<Path> inputs = Arrays.stream(args, 5, args.length).map(Path::of).toList();
    Indexer.Builder b =
        Indexer.builder(index)
            .withEnricher(NewsEnricher.defaults())
            .withCommitEvery(commitEvery)
            .withMergeAfterRun(merge);
    if (policy != null) {
      b.withMergePolicy(policy);
    }
    IngestReport report;
    try (Indexer indexer = b.build()) {
      report = indexer.index(inputs);
    }
    System.out.printf(
        Locale.ROOT,
        "articles=%d passages=%d segments=%d cpu=%.3f%n",
        report.articles(),
        report.passages(),
        segments(index),
        processCpuSeconds());
  }

  /**
   * This process's CPU seconds, all threads (JVM start, JIT and GC included); less sensitive to
   * other processes on a shared machine than wall time, though not immune (shared caches, cores).
   */
  private static double processCpuSeconds() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1e9;
    }
    return 0;
  }

  /** The {@code cpu=} figure a child printed, or NaN. */
  static double cpuOf(String childOutput) {
    for (String token : childOutput.split("\\s+")) {
      if (token.startsWith("cpu=")) {
        return Double.parseDouble(token.substring(4));
      }
    }
    return Double.NaN;
  }

  private static int segments(Path index) throws IOException {
    try (FSDirectory d = FSDirectory.open(index);
        DirectoryReader r = DirectoryReader.open(d)) {
      return r.leaves().size();
    }
  }

  private static void compare(String[] args, PrintStream out) throws IOException {
    int rounds = Integer.parseInt(args[1]);
    Path work = Path.of(args[2]);
    List<Variant> chosen = new ArrayList<>();
    if (args[3].equals("all")) {
      chosen.addAll(VARIANTS);
    } else {
      for (String name : args[3].split(",")) {
        chosen.add(
            VARIANTS.stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant " + name)));
      }
    }
    List<String> inputs = Arrays.asList(args).subList(4, args.length);
    java.nio.file.Files.createDirectories(work);
    int n = chosen.size();
    double[][] seconds = new double[n][rounds];
    double[][] cpu = new double[n][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < n; i++) {
        int v = (round + i) % n;
        Variant variant = chosen.get(v);
        Path dir = Benchmark.emptied(work.resolve("knobs-" + variant.name()));
        List<String> child =
            new ArrayList<>(
                List.of(
                    IndexKnobs.class.getName(),
                    "index",
                    dir.toString(),
                    Integer.toString(variant.commitEvery()),
                    variant.policy(),
                    variant.finalMerge() ? "merge" : "nomerge"));
        child.addAll(inputs);
        seconds[v][round] = WholeProcess.child(child, work, "knobs");
        cpu[v][round] = cpuOf(java.nio.file.Files.readString(work.resolve("process-knobs.out")));
        System.err.printf(
            Locale.ROOT,
            "round %d %s %.2f s, cpu %.2f s%n",
            round + 1,
            variant.name(),
            seconds[v][round],
            cpu[v][round]);
      }
    }
    out.println(
        "| variant | commit every | merge policy | final forceMerge(1) | wall s, each round |"
            + " median s | process CPU s, each round | median CPU s | segments | bytes |");
    out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (int v = 0; v < n; v++) {
      Variant variant = chosen.get(v);
      Path dir = work.resolve("knobs-" + variant.name());
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s | %s | %.2f | %s | %.2f | %d | %,d |%n",
          variant.name(),
          variant.commitEvery() == Integer.MAX_VALUE
              ? "end only"
              : String.format(Locale.ROOT, "%,d", variant.commitEvery()),
          variant.policy(),
          variant.finalMerge() ? "yes" : "no",
          joined(seconds[v], "%.2f"),
          FieldAblationRuns.median(seconds[v]),
          joined(cpu[v], "%.2f"),
          FieldAblationRuns.median(cpu[v]),
          segments(dir),
          IndexFiles.of(dir).total());
    }
  }

  private static void latency(String[] args, PrintStream out) throws IOException {
    int rounds = Integer.parseInt(args[1]);
    int repeat = Integer.parseInt(args[2]);
    List<String> queries =
        QueryFile.read(Path.of(args[3])).stream().map(QueryFile.Query::text).toList();
    List<Path> indexes = Arrays.stream(args, 4, args.length).map(Path::of).toList();
    int n = indexes.size();
    Map<String, double[][]> figures = new LinkedHashMap<>();
    figures.put("rankP50Millis", new double[n][rounds]);
    figures.put("fullP50Millis", new double[n][rounds]);
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < n; i++) {
        int x = (round + i) % n;
        Map<String, Double> m =
            SearchStages.measure(indexes.get(x), UnaryOperator.identity(), queries, repeat);
        for (Map.Entry<String, double[][]> f : figures.entrySet()) {
          f.getValue()[x][round] = m.get(f.getKey());
        }
      }
    }
    out.println(
        "| index | segments | ranking alone p50 ms, each round | median | full answer p50 ms,"
            + " each round | median |");
    out.println("| --- | --- | --- | --- | --- | --- |");
    for (int x = 0; x < n; x++) {
      double[] rank = figures.get("rankP50Millis")[x];
      double[] full = figures.get("fullP50Millis")[x];
      out.printf(
          Locale.ROOT,
          "| %s | %d | %s | %.3f | %s | %.3f |%n",
          indexes.get(x),
          segments(indexes.get(x)),
          joined(rank, "%.3f"),
          FieldAblationRuns.median(rank),
          joined(full, "%.3f"),
          FieldAblationRuns.median(full));
    }
  }

  private static String joined(double[] values, String format) {
    StringBuilder b = new StringBuilder();
    for (double v : values) {
      b.append(b.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, format, v));
    }
    return b.toString();
  }
}
