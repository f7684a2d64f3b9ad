package dev.parley.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.bench.Benchmark;
import dev.parley.bench.GrowthChart;
import dev.parley.bench.Measurement;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley bench}: Parley's full pipeline against a raw Lucene baseline on the same input and
 * queries; with several {@code --scale} values, a growth table and an optional PNG chart.
 */
@Command(
    name = "bench",
    description = {
      "Time Parley against a raw Lucene baseline on the same input and queries.",
      "With several --scale values, a growth table and an optional PNG chart."
    })
final class BenchCommand extends CliCommand {
  @Option(
      names = "--input",
      arity = "1..*",
      paramLabel = "PATH",
      description = "Articles (default: seeds).")
  List<Path> inputPaths = new ArrayList<>();

  @Option(names = "--queries", required = true, paramLabel = "FILE.tsv", description = "Queries.")
  Path queryFile;

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
  boolean json;

  @Override
  public Integer call() throws IOException {
    List<Path> inputs = inputPaths.isEmpty() ? List.of(Path.of("seeds")) : inputPaths;
    IndexCommand.requireSomeInput(inputs);
    List<String> queries = QueryFile.read(queryFile).stream().map(QueryFile.Query::text).toList();
    inRange("--threads", threads, 1, 256);
    inRange("--repeat", repeat, 1, 1000);
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
      if (!json) {
        print(result, config, out);
      }
    }
    if (json) {
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
