package dev.parley.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.IngestReport;
import dev.parley.indexer.Rejection;
import dev.parley.query.result.ResultsJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code parley index}: index articles, print a summary; exit 1 if any input was rejected. */
final class IndexCommand implements Main.Command {

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
    Args args =
        new Args("index", argv, Set.of("index", "commit-every"), Set.of("input"), Set.of("json"));
    args.noPositional();
    List<Path> inputs =
        args.list("input").isEmpty()
            ? List.of(Path.of("seeds"))
            : args.list("input").stream().map(Path::of).toList();
    Path index = args.path("index", "index");
    IngestReport report =
        index(inputs, index, args.integer("commit-every", 1000, 1, 1_000_000), err);
    if (args.has("json")) {
      out.println(ResultsJson.toJson(toJson(report, index)));
    } else {
      out.println(summary(report, index));
    }
    return report.ok() ? 0 : 1;
  }

  /** Indexes {@code inputs} into {@code index}, printing progress and rejections on {@code err}. */
  static IngestReport index(List<Path> inputs, Path index, int commitEvery, PrintStream err)
      throws IOException {
    IngestReport report;
    try (Indexer indexer =
        Indexer.builder(index)
            .withCommitEvery(commitEvery)
            .withProgress(
                p -> {
                  if (p.elapsed().toMillis() >= 1000 && p.files() < p.totalFiles()) {
                    err.printf(
                        "indexed %d/%d files: %d articles (%.0f articles/s), %d passages, %d rejected%n",
                        p.files(),
                        p.totalFiles(),
                        p.articles(),
                        p.articlesPerSecond(),
                        p.passages(),
                        p.rejected());
                  }
                })
            .build()) {
      report = indexer.index(inputs);
    }
    for (Rejection r : report.rejected()) {
      err.println("rejected " + r.source() + ": " + r.reason());
    }
    return report;
  }

  static String summary(IngestReport report, Path index) {
    double seconds = report.elapsed().toNanos() / 1e9;
    return String.format(
        "indexed %d articles into %s: %d passages, %d rejected, %d other files skipped, %.1f s"
            + " (%.0f articles/s)",
        report.articles(),
        index,
        report.passages(),
        report.rejected().size(),
        report.skipped().size(),
        seconds,
        seconds > 0 ? report.articles() / seconds : 0);
  }

  private static JsonObject toJson(IngestReport report, Path index) {
    JsonObject o = new JsonObject();
    o.addProperty("index", index.toString());
    o.addProperty("articles", report.articles());
    o.addProperty("passages", report.passages());
    o.addProperty("skipped", report.skipped().size());
    o.addProperty("inputBytes", report.inputBytes());
    o.addProperty("seconds", report.elapsed().toMillis() / 1000.0);
    JsonArray rejected = new JsonArray();
    for (Rejection r : report.rejected()) {
      JsonObject j = new JsonObject();
      j.addProperty("source", r.source());
      j.addProperty("reason", r.reason());
      rejected.add(j);
    }
    o.add("rejected", rejected);
    return o;
  }
}
