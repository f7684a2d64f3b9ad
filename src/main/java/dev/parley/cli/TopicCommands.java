package dev.parley.cli;

import com.google.gson.JsonObject;
import dev.parley.analysis.Gazetteer;
import dev.parley.indexer.enrich.TopicModel;
import dev.parley.indexer.enrich.TopicTrainer;
import dev.parley.query.result.ResultsJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Helpers shared by the topic commands. */
final class TopicCommands {
  private TopicCommands() {}

  /** The built-in topic model, or the topic JSON files in {@code dir} when given. */
  static TopicModel model(String dir, Gazetteer gazetteer) throws IOException {
    if (dir == null) {
      return TopicModel.defaults();
    }
    TopicModel.Builder builder = TopicModel.builder(gazetteer);
    try (var files = Files.list(Path.of(dir))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        builder.addFile(f);
      }
    }
    return builder.build();
  }

  static void printScores(List<TopicTrainer.Scores> scores, boolean json, PrintStream out) {
    if (json) {
      JsonObject o = new JsonObject();
      for (TopicTrainer.Scores s : scores) {
        o.add(s.topic(), toJson(s));
      }
      out.println(ResultsJson.toJson(o));
      return;
    }
    out.printf(
        "%-12s %9s %9s %9s %5s %5s %5s %8s%n",
        "topic", "precision", "recall", "F1", "TP", "FP", "FN", "examples");
    for (TopicTrainer.Scores s : scores) {
      out.printf(
          "%-12s %9.3f %9.3f %9.3f %5d %5d %5d %8d%n",
          s.topic(),
          s.precision(),
          s.recall(),
          s.f1(),
          s.truePositives(),
          s.falsePositives(),
          s.falseNegatives(),
          s.examples());
    }
  }

  static JsonObject toJson(TopicTrainer.Scores s) {
    JsonObject o = new JsonObject();
    o.addProperty("precision", round(s.precision()));
    o.addProperty("recall", round(s.recall()));
    o.addProperty("f1", round(s.f1()));
    o.addProperty("truePositives", s.truePositives());
    o.addProperty("falsePositives", s.falsePositives());
    o.addProperty("falseNegatives", s.falseNegatives());
    o.addProperty("examples", s.examples());
    return o;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
