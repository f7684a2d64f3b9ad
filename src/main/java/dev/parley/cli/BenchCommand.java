package dev.parley.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.bench.Benchmark;
import dev.parley.bench.FieldAblationRuns;
import dev.parley.bench.Fts5Side;
import dev.parley.bench.GrowthChart;
import dev.parley.bench.IndexFiles;
import dev.parley.bench.MixedLoad;
import dev.parley.bench.SideFacts;
import dev.parley.bench.StageBreakdown;
import dev.parley.bench.ThreadScaling;
import dev.parley.bench.WholeProcess;
import dev.parley.eval.QueryFile;
import dev.parley.query.Searcher;
import dev.parley.query.result.ResultsJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley bench}: Parley's full pipeline against a raw Lucene baseline on the same input and
 * queries; with several {@code --scale} values, a growth table and an optional PNG chart.
 */
@Command(
    name = "bench",
    description = {
      "Time Parley against a raw Lucene baseline (and SQLite FTS5) on the same input and queries.",
      "With several --scale values, a growth table and an optional PNG chart. Exit 1 if the run",
      "was unfair or a search was cut off."
    })
final class BenchCommand extends CliCommand {
  @Option(
      names = "--input",
      arity = "1..*",
      paramLabel = "PATH",
      description = "Articles (default: seeds).")
  List<Path> inputPaths = new ArrayList<>();

  @Option(
      names = "--queries",
      paramLabel = "FILE.tsv",
      description = "Queries (required, except with --stages).")
  Path queryFile;

  @Option(
      names = "--stages",
      description =
          "Only the indexing time of each stage in µs per passage, on one thread (needs no"
              + " queries).")
  boolean stages;

  @Option(
      names = "--drop-field",
      arity = "1..*",
      paramLabel = "FIELD",
      description =
          "With --stages: leave these text fields (text, context, article_text) out of the"
              + " documents, to measure what each costs (the field ablation's time side).")
  List<String> dropFields = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--repeat", paramLabel = "R", description = "Query repetitions (default 5).")
  int repeat = 5;

  @Option(
      names = "--scale",
      arity = "1..*",
      paramLabel = "K",
      description = "Input copies per run (default 1).")
  List<String> scaleValues = new ArrayList<>();

  @Option(names = "--work", paramLabel = "DIR", description = "Working directory (default: temp).")
  Path workDir;

  @Option(names = "--plot", paramLabel = "FILE.png", description = "Write a growth chart.")
  Path plot;

  @Option(names = "--json", description = "Print JSON.")
  boolean asJson;

  @Option(names = "--no-synonyms", description = "Parley without entity synonyms (their cost).")
  boolean noSynonyms;

  @Option(
      names = "--context-weight",
      paramLabel = "W",
      description = "Weight of the article context, 0 to 10 (default 0.2; 0 is off).")
  String contextWeight = "0.2";

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      description = "Parley's search time limit (default 2000).")
  int timeoutMs = 2000;

  @Option(
      names = "--ingredients",
      description =
          "Also time p50 with entity synonyms, article context or both switched off (their cost).")
  boolean ingredients;

  @Option(names = "--whole-process", description = "Also time whole indexing processes.")
  boolean wholeProcess;

  @Option(
      names = "--thread-scaling",
      description = "Also time the parallel indexing stages with one and two threads.")
  boolean threadScaling;

  @Option(
      names = "--field-ablation",
      description =
          "Also index the input on one thread without each text field (text, context,"
              + " article_text) and report each one's index size and indexing time (median of"
              + " --ablation-runs interleaved runs; seed-format .txt articles).")
  boolean fieldAblation;

  @Option(
      names = "--ablation-runs",
      paramLabel = "N",
      description = "Runs of each field-ablation variant (default 3).")
  int ablationRuns = 3;

  @Option(names = "--concurrent-writes", description = "Also search under concurrent writes.")
  boolean concurrentWrites;

  @Option(
      names = "--mixed-seconds",
      paramLabel = "S",
      description = "Length of the concurrent-writes run (default 10).")
  int mixedSeconds = 10;

  @Override
  public Integer call() throws IOException {
    List<Path> inputs = inputPaths.isEmpty() ? List.of(Path.of("seeds")) : inputPaths;
    IndexCommand.requireSomeInput(inputs);
    if (stages) {
      if (fieldAblation) {
        throw new UsageException(
            "--field-ablation runs with the benchmark (--queries), not with --stages: use"
                + " --stages --drop-field FIELD for one variant");
      }
      return stages(inputs);
    }
    if (queryFile == null) {
      throw new UsageException("Missing required option: '--queries=FILE.tsv'");
    }
    List<String> queries = QueryFile.read(queryFile).stream().map(QueryFile.Query::text).toList();
    inRange("--threads", threads, 1, 256);
    inRange("--repeat", repeat, 1, 1000);
    inRange("--mixed-seconds", mixedSeconds, 1, 3600);
    inRange("--ablation-runs", ablationRuns, 1, 100);
    Path work = workDir != null ? workDir : Files.createTempDirectory("parley-bench");
    List<Integer> scales = new ArrayList<>();
    for (String s : scaleValues.isEmpty() ? List.of("1") : scaleValues) {
      try {
        int k = Integer.parseInt(s);
        if (k < 1 || k > 1000) {
          throw new NumberFormatException();
        }
        scales.add(k);
      } catch (NumberFormatException e) {
        throw new UsageException("--scale takes whole numbers from 1 to 1000, got: " + s);
      }
    }
    UnaryOperator<Searcher.Builder> searcher = searcher();
    List<JsonObject> runs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<GrowthChart.Point> points = new ArrayList<>();
    FieldAblationRuns.Result ablation = null;
    for (int scale : scales) {
      Benchmark.Config config =
          new Benchmark.Config(
              inputs, queries, threads, repeat, scale, work, err, searcher, ingredients);
      Benchmark.Result result = new Benchmark(config).run();
      JsonObject json = result.toJson(config);
      // What the bytes go to, by Lucene file kind, on both sides (IndexFiles, as FieldAblation).
      IndexFiles parleyFiles = IndexFiles.of(work.resolve("parley-index"));
      IndexFiles baselineFiles = IndexFiles.of(work.resolve("baseline-index"));
      result.problems().forEach(p -> problems.add("scale " + scale + ": " + p));
      // The second baseline, in new files (bench/Fts5Side): the same passages, read again from
      // the input Benchmark indexed (its scaled copies when scaled).
      List<Path> indexed = scale == 1 ? inputs : List.of(work.resolve("scaled-input"));
      Fts5Side.Figures fts5 =
          Fts5Side.run(indexed, queries, repeat, threads, work, result.inputBytes(), err);
      fts5.addTo(json, result);
      JsonObject files = new JsonObject();
      files.add("parley", parleyFiles.toJson());
      files.add("baseline", baselineFiles.toJson());
      json.add("indexFiles", files); // after the older blocks: their order stays as it was
      fts5.problems(result).forEach(p -> problems.add("scale " + scale + ": " + p));
      WholeProcess.Result processes = null;
      if (wholeProcess) {
        processes = WholeProcess.run(indexed, work, err);
        json.add("wholeProcess", processes.toJson());
      }
      ThreadScaling.Result scaling = null;
      if (threadScaling) {
        scaling = ThreadScaling.run(indexed, work, err);
        json.add("threadScaling", scaling.toJson());
      }
      boolean ablatedHere = fieldAblation && ablation == null;
      if (ablatedHere) {
        // Once, on the input as given (the scaled copies are JSON Lines, which the one-thread
        // stage run does not read); reported with the first scale's run.
        ablation = FieldAblationRuns.run(inputs, work, ablationRuns, err);
        json.add("fieldAblation", ablation.toJson());
      }
      MixedLoad.Result mixed = null;
      if (concurrentWrites) {
        mixed = mixedLoad(work, inputs, queries, mixedSeconds, err);
        json.add("concurrentWrites", mixed.toJson());
      }
      runs.add(json);
      points.add(GrowthChart.point(json));
      if (!asJson) {
        print(result, config, out);
        fts5.print(result, out);
        out.println("parley index by file kind: " + parleyFiles.line());
        out.println("baseline index by file kind: " + baselineFiles.line());
        out.println();
        if (ablatedHere) {
          ablation.print(out);
        }
        if (processes != null) {
          processes.print(out);
        }
        if (scaling != null) {
          scaling.print(out);
        }
        if (mixed != null) {
          mixed.print(out);
        }
      }
    }
    if (asJson) {
      if (runs.size() == 1) {
        out.println(ResultsJson.toJson(runs.get(0)));
      } else {
        JsonObject o = new JsonObject();
        JsonArray array = new JsonArray();
        runs.forEach(array::add);
        o.add("runs", array);
        out.println(ResultsJson.toJson(o));
      }
    }
    if (plot != null) {
      Path png = plot;
      GrowthChart.write(png, points, "Parley growth on " + inputs + ", " + threads + " threads");
      err.println("wrote " + png);
    }
    // The figures are printed either way (they show what went wrong); the exit says not to use
    // them.
    problems.forEach(p -> err.println("problem: " + p));
    return problems.isEmpty() ? 0 : 1;
  }

  /** Searches under concurrent writes on a copy of the Parley index the benchmark just built. */
  private static MixedLoad.Result mixedLoad(
      Path work, List<Path> inputs, List<String> queries, int seconds, PrintStream err)
      throws IOException {
    MixedLoad.Config d =
        MixedLoad.Config.defaults(
            work.resolve("parley-index"), work.resolve("mixed-index"), inputs, queries, err);
    return new MixedLoad(d.withSeconds(seconds)).run();
  }

  /** Parley's searcher as the options set it: ingredients off to measure their cost. */
  private UnaryOperator<Searcher.Builder> searcher() {
    float weight;
    try {
      weight = Float.parseFloat(contextWeight);
      if (!(weight >= 0 && weight <= 10)) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new UsageException(
          "--context-weight takes a number from 0 to 10, got: " + contextWeight);
    }
    int timeout = inRange("--timeout-ms", timeoutMs, 1, 60_000);
    boolean synonyms = !noSynonyms;
    return b ->
        b.withContextWeight(weight)
            .withEntitySynonyms(synonyms)
            .withTimeout(Duration.ofMillis(timeout));
  }

  static void print(Benchmark.Result r, Benchmark.Config c, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "scale %d: %,d passages, %.1f MB input, %d queries x %d, %d threads%n",
        c.scale(),
        r.passages(),
        r.inputBytes() / 1e6,
        c.queries().size(),
        c.repeat(),
        c.threads());
    out.printf("%-19s %14s %14s %10s%n", "", "parley", "baseline", "ratio");
    Map<String, Double> p = r.parley().asMap();
    Map<String, Double> b = r.baseline().asMap();
    Map<String, Double> ratios = r.ratios();
    for (String key : p.keySet()) {
      out.printf(
          Locale.ROOT,
          "%-19s %14.3f %14.3f %10.3f%n",
          key,
          p.get(key),
          b.get(key),
          ratios.get(key));
    }
    double base = r.baseline().p50Millis();
    out.printf(
        Locale.ROOT,
        "parley p50 with a topic: %.3f ms (%.1fx the baseline's UNFILTERED p50), with a date range:"
            + " %.3f ms (%.1fx the baseline's UNFILTERED p50; the baseline has no topics or dates)%n",
        r.topicP50Millis(),
        base == 0 ? 0 : r.topicP50Millis() / base,
        r.dateP50Millis(),
        base == 0 ? 0 : r.dateP50Millis() / base);
    if (!r.ingredientP50Millis().isEmpty()) {
      out.print("parley p50 by ranking ingredient (timed interleaved):");
      r.ingredientP50Millis().forEach((k, v) -> out.printf(Locale.ROOT, " %s %.3f ms", k, v));
      out.println();
    }
    if (!r.stages().isEmpty()) {
      var st = r.stages();
      out.printf(
          Locale.ROOT,
          "parley by stage (timed interleaved): ranking alone p50 %.3f ms (%.1fx the baseline's"
              + " p50; worst query's own p99 %.3f ms), without snippets %.3f ms, full answer %.3f ms"
              + " (%.1fx); snippets %.1f us per hit; topic-ranked %.3f ms (%.1fx), date-filtered"
              + " %.3f ms (%.1fx)%n",
          st.get("rankP50Millis"),
          base == 0 ? 0 : st.get("rankP50Millis") / base,
          st.get("rankWorstQueryP99Millis"),
          st.get("noSnippetsP50Millis"),
          st.get("fullP50Millis"),
          base == 0 ? 0 : st.get("fullP50Millis") / base,
          st.get("snippetMicrosPerHit"),
          st.getOrDefault("topicP50Millis", 0d),
          base == 0 ? 0 : st.getOrDefault("topicP50Millis", 0d) / base,
          st.getOrDefault("dateP50Millis", 0d),
          base == 0 ? 0 : st.getOrDefault("dateP50Millis", 0d) / base);
    }
    for (SideFacts side : r.sides()) {
      out.printf(
          Locale.ROOT,
          "%s: %,d documents in %d segment(s); indexed on %d thread(s), latencies on %d, QPS on %d;"
              + " %d partial searches; slowest query (own p99): %s%n",
          side.name(),
          side.documents(),
          side.segments(),
          side.indexingThreads(),
          side.searchThreads(),
          side.qpsThreads(),
          side.partialSearches(),
          side.slowestQuery());
    }
    out.println();
  }

  /** {@code --stages}: the one-thread per-stage breakdown of indexing (docs/performance.md). */
  private int stages(List<Path> inputs) throws IOException {
    Path work = workDir != null ? workDir : Files.createTempDirectory("parley-stages");
    for (String f : dropFields) {
      if (!StageBreakdown.DROPPABLE.contains(f)) {
        throw new UsageException(
            "--drop-field takes " + String.join(", ", StageBreakdown.DROPPABLE) + ", got: " + f);
      }
    }
    StageBreakdown breakdown = new StageBreakdown();
    Map<String, Double> perPassage = breakdown.run(inputs, work, java.util.Set.copyOf(dropFields));
    out.print(
        asJson
            ? ResultsJson.toJson(breakdown.toJson(perPassage)) + "\n"
            : breakdown.table(perPassage));
    return 0;
  }
}
