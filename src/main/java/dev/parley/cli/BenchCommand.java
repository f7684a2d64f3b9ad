package dev.parley.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.bench.Benchmark;
import dev.parley.bench.GrowthChart;
import dev.parley.bench.Measurement;
import dev.parley.bench.StageBreakdown;
import dev.parley.eval.QueryFile;
import dev.parley.query.result.ResultsJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
            Set.of("queries", "threads", "repeat", "work", "plot"),
            Set.of("input", "scale"),
            Set.of("json", "stages"));
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
    List<JsonObject> runs = new ArrayList<>();
    List<GrowthChart.Point> points = new ArrayList<>();
    for (int scale : scales) {
      Benchmark.Config config =
          new Benchmark.Config(inputs, queries, threads, repeat, scale, work, err);
      Benchmark.Result result = new Benchmark(config).run();
      runs.add(result.toJson(config));
      Measurement p = result.parley();
      points.add(
          new GrowthChart.Point(
              result.passages(),
              p.passagesPerSecond(),
              p.indexBytes() / 1e6,
              p.p50Millis(),
              p.p99Millis()));
      if (!args.has("json")) {
        print(result, config, out);
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
    return 0;
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
    out.printf("%-18s %14s %14s %10s%n", "", "parley", "baseline", "ratio");
    Map<String, Double> p = r.parley().asMap();
    Map<String, Double> b = r.baseline().asMap();
    for (String key : p.keySet()) {
      double ratio = b.get(key) == 0 ? 0 : p.get(key) / b.get(key);
      out.printf(Locale.ROOT, "%-18s %14.3f %14.3f %10.3f%n", key, p.get(key), b.get(key), ratio);
    }
    out.printf(
        Locale.ROOT,
        "parley p50 with a topic: %.3f ms, with a date range: %.3f ms%n%n",
        r.topicP50Millis(),
        r.dateP50Millis());
  }
}
