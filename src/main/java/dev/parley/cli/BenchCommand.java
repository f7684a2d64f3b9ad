package dev.parley.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.bench.Benchmark;
import dev.parley.bench.Fts5Side;
import dev.parley.bench.GrowthChart;
import dev.parley.bench.Measurement;
import dev.parley.bench.MixedLoad;
import dev.parley.bench.WholeProcess;
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
            Set.of("queries", "threads", "repeat", "work", "plot", "mixed-seconds"),
            Set.of("input", "scale"),
            Set.of("json", "concurrent-writes", "whole-process"));
    args.noPositional();
    List<Path> inputs =
        args.list("input").isEmpty()
            ? List.of(Path.of("seeds"))
            : args.list("input").stream().map(Path::of).toList();
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
      JsonObject json = result.toJson(config);
      // The scaled copies Benchmark wrote, so FTS5 indexes the same passages.
      List<Path> indexed = scale == 1 ? inputs : List.of(work.resolve("scaled-input"));
      Fts5Side.Figures fts5 =
          Fts5Side.run(indexed, queries, repeat, threads, work, result.inputBytes(), err);
      if (fts5.passages() != result.passages()) {
        throw new IOException(
            "FTS5 indexed " + fts5.passages() + " passages, Parley " + result.passages());
      }
      json.add("fts5", fts5.toJson());
      json.add("ratiosFts5", fts5.ratios(result.parley()));
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
        print(result, fts5, config, out);
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
    return 0;
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

  static void print(
      Benchmark.Result r, Fts5Side.Figures fts5, Benchmark.Config c, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "scale %d: %,d passages, %.1f MB input, %d queries x %d, %d threads%n",
        c.scale(),
        r.passages(),
        r.inputBytes() / 1e6,
        c.queries().size(),
        c.repeat(),
        c.threads());
    out.printf(
        "%-18s %14s %14s %10s %14s %10s%n", "", "parley", "baseline", "ratio", "fts5", "ratio");
    Map<String, Double> p = r.parley().asMap();
    Map<String, Double> b = r.baseline().asMap();
    Map<String, Double> f = fts5.figures();
    for (String key : p.keySet()) {
      double ratio = b.get(key) == 0 ? 0 : p.get(key) / b.get(key);
      Double fv = f.get(key);
      out.printf(
          Locale.ROOT,
          "%-18s %14.3f %14.3f %10.3f %14s %10s%n",
          key,
          p.get(key),
          b.get(key),
          ratio,
          fv == null ? "n/a" : String.format(Locale.ROOT, "%.3f", fv),
          fv == null || fv == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", p.get(key) / fv));
    }
    out.printf(
        Locale.ROOT,
        "parley p50 with a topic: %.3f ms, with a date range: %.3f ms%n%n",
        r.topicP50Millis(),
        r.dateP50Millis());
  }
}
