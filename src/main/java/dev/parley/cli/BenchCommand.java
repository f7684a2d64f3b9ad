package dev.parley.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.bench.Benchmark;
import dev.parley.bench.Fts5Side;
import dev.parley.bench.GrowthChart;
import dev.parley.bench.Measurement;
import dev.parley.bench.MixedLoad;
import dev.parley.bench.SideFacts;
import dev.parley.bench.StageBreakdown;
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
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code parley bench}: Parley's full pipeline against a raw Lucene baseline on the same input and
 * queries; with several {@code --scale} values, a growth table and an optional PNG chart.
 */
final class BenchCommand implements Main.Command {

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
    Args args =
        new Args(
            "bench",
            argv,
            Set.of(
                "queries",
                "threads",
                "repeat",
                "work",
                "plot",
                "context-weight",
                "timeout-ms",
                "mixed-seconds"),
            Set.of("input", "scale"),
            Set.of("json", "no-synonyms", "whole-process", "concurrent-writes", "stages"));
    args.noPositional();
    List<Path> inputs =
        args.list("input").isEmpty()
            ? List.of(Path.of("seeds"))
            : args.list("input").stream().map(Path::of).toList();
    if (args.has("stages")) {
      return stages(inputs, args, out);
    }
    List<String> queries =
        QueryFile.read(Path.of(args.required("queries"))).stream()
            .map(QueryFile.Query::text)
            .toList();
    int threads = args.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 256);
    int repeat = args.integer("repeat", 5, 1, 1000);
    Path work =
        args.has("work")
            ? Path.of(args.string("work", null))
            : Files.createTempDirectory("parley-bench");
    List<Integer> scales = new ArrayList<>();
    for (String s : args.list("scale").isEmpty() ? List.of("1") : args.list("scale")) {
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
    UnaryOperator<Searcher.Builder> searcher = searcher(args);
    List<JsonObject> runs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<GrowthChart.Point> points = new ArrayList<>();
    for (int scale : scales) {
      Benchmark.Config config =
          new Benchmark.Config(inputs, queries, threads, repeat, scale, work, err, searcher);
      Benchmark.Result result = new Benchmark(config).run();
      JsonObject json = result.toJson(config);
      result.problems().forEach(p -> problems.add("scale " + scale + ": " + p));
      // The second baseline, in new files (bench/Fts5Side): the same passages, read again from
      // the input Benchmark indexed (its scaled copies when scaled).
      List<Path> indexed = scale == 1 ? inputs : List.of(work.resolve("scaled-input"));
      Fts5Side.Figures fts5 =
          Fts5Side.run(indexed, queries, repeat, threads, work, result.inputBytes(), err);
      fts5.addTo(json, result);
      fts5.problems(result).forEach(p -> problems.add("scale " + scale + ": " + p));
      WholeProcess.Result processes = null;
      if (args.has("whole-process")) {
        processes = WholeProcess.run(indexed, work, err);
        json.add("wholeProcess", processes.toJson());
      }
      MixedLoad.Result mixed = null;
      if (args.has("concurrent-writes")) {
        mixed = mixedLoad(work, inputs, queries, args.integer("mixed-seconds", 10, 1, 3600), err);
        json.add("concurrentWrites", mixed.toJson());
      }
      runs.add(json);
      Measurement p = result.parley();
      points.add(
          new GrowthChart.Point(
              result.passages(),
              p.passagesPerSecond(),
              result.baseline().passagesPerSecond(),
              fts5.figures().get("passagesPerSecond"),
              p.indexBytes() / 1e6,
              result.baseline().indexBytes() / 1e6,
              fts5.figures().get("indexBytes") / 1e6,
              p.p50Millis(),
              p.p99Millis(),
              result.topicP50Millis(),
              result.baseline().p50Millis(),
              fts5.figures().get("p50Millis")));
      if (!args.has("json")) {
        print(result, config, out);
        fts5.print(result, out);
        if (processes != null) {
          processes.print(out);
        }
        if (mixed != null) {
          mixed.print(out);
        }
      }
    }
    if (args.has("json")) {
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
    if (args.has("plot")) {
      Path png = Path.of(args.string("plot", null));
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
  private static UnaryOperator<Searcher.Builder> searcher(Args args) {
    float contextWeight;
    String weight = args.string("context-weight", "0.2");
    try {
      contextWeight = Float.parseFloat(weight);
      if (!(contextWeight >= 0 && contextWeight <= 10)) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new UsageException("--context-weight takes a number from 0 to 10, got: " + weight);
    }
    int timeoutMs = args.integer("timeout-ms", 2000, 1, 60_000);
    boolean synonyms = !args.has("no-synonyms");
    return b ->
        b.withContextWeight(contextWeight)
            .withEntitySynonyms(synonyms)
            .withTimeout(Duration.ofMillis(timeoutMs));
  }

  /** {@code --stages}: the one-thread per-stage breakdown of indexing (docs/performance.md). */
  private static int stages(List<Path> inputs, Args args, PrintStream out) throws IOException {
    Path work =
        args.has("work")
            ? Path.of(args.string("work", null))
            : Files.createTempDirectory("parley-stages");
    StageBreakdown stages = new StageBreakdown();
    Map<String, Double> perPassage = stages.run(inputs, work);
    out.print(
        args.has("json")
            ? ResultsJson.toJson(stages.toJson(perPassage)) + "\n"
            : stages.table(perPassage));
    return 0;
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
}
