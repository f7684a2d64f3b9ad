package dev.parley.cli;

import com.google.gson.JsonObject;
import dev.parley.analysis.Gazetteer;
import dev.parley.indexer.Article;
import dev.parley.indexer.enrich.ArticleContext;
import dev.parley.indexer.enrich.LabelledText;
import dev.parley.indexer.enrich.TopicDefinition;
import dev.parley.indexer.enrich.TopicFiles;
import dev.parley.indexer.enrich.TopicModel;
import dev.parley.indexer.enrich.TopicTrainer;
import dev.parley.indexer.ingest.ArticleFormatException;
import dev.parley.indexer.ingest.SeedFormat;
import dev.parley.query.result.ResultsJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Helpers shared by the topic commands. */
final class TopicCommands {
  private TopicCommands() {}

  /** The built-in topic model, or the trained topic files in {@code dir} when given. */
  static TopicModel model(String dir, Gazetteer gazetteer) throws IOException {
    if (dir == null) {
      return TopicModel.defaults();
    }
    return addTrained(TopicModel.builder(gazetteer), dir).build();
  }

  /**
   * Adds the topic files in {@code dir} to {@code builder}; an untrained topic is refused naming
   * its file.
   */
  static TopicModel.Builder addTrained(TopicModel.Builder builder, String dir) throws IOException {
    for (TopicDefinition t : definitions(dir)) {
      try {
        builder.add(t);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(fileOf(dir, t.name()) + ": " + e.getMessage(), e);
      }
    }
    return builder;
  }

  /** The topic file in {@code dir} that defines {@code name}, for messages; else the folder. */
  private static String fileOf(String dir, String name) throws IOException {
    try (var files = Files.list(Path.of(dir))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        if (TopicFiles.read(f).name().equals(name)) {
          return f.toString();
        }
      }
    }
    return dir;
  }

  /**
   * Refuses a topic file in {@code dir} whose topic name is a built-in topic's, before it is scored
   * beside the built-in topics: it would otherwise replace the built-in topic silently.
   */
  static void refuseBuiltInNames(String dir) throws IOException {
    List<String> builtIn = TopicModel.defaults().names();
    for (Map.Entry<Path, TopicDefinition> e : files(dir).entrySet()) {
      String name = e.getValue().name();
      if (builtIn.contains(name)) {
        throw new UsageException(
            e.getKey()
                + ": topic name '"
                + name
                + "' is a built-in topic's (built-in: "
                + String.join(", ", builtIn)
                + "); give the topic another \"name\"");
      }
    }
  }

  /** The built-in topic definitions, or the topic files in {@code dir} (trained or not). */
  static List<TopicDefinition> definitions(String dir) throws IOException {
    if (dir == null) {
      return TopicModel.defaults().topics();
    }
    return new ArrayList<>(files(dir).values());
  }

  /**
   * The topic files in {@code dir} by path, in name order; refuses two files of one topic name,
   * which would silently replace each other in a model (the later file would win).
   */
  private static Map<Path, TopicDefinition> files(String dir) throws IOException {
    Path path = Path.of(dir);
    if (!Files.isDirectory(path)) {
      throw new UsageException("--topics must be a directory of topic files, got: " + dir);
    }
    Map<Path, TopicDefinition> out = new LinkedHashMap<>();
    Map<String, Path> seen = new HashMap<>();
    try (var files = Files.list(path)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        TopicDefinition t = TopicFiles.read(f);
        Path other = seen.putIfAbsent(t.name(), f);
        if (other != null) {
          throw new UsageException(
              f
                  + ": topic name '"
                  + t.name()
                  + "' is also the name of "
                  + other
                  + "; give each topic file its own \"name\"");
        }
        out.put(f, t);
      }
    }
    if (out.isEmpty()) {
      throw new UsageException("no topic files (*.json) in " + dir);
    }
    return out;
  }

  /** The labelled texts of {@code lines}; list-shaped labels are judged for every topic. */
  static List<LabelledText> examples(List<LabelledFile.Line> lines, List<String> topics) {
    List<LabelledText> out = new ArrayList<>();
    for (LabelledFile.Line l : lines) {
      Set<String> judged = l.judged() == null ? Set.copyOf(topics) : l.judged();
      out.add(new LabelledText(l.id(), l.text(), l.context(), l.labels(), judged, true));
    }
    return out;
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

  static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  /** The examples with their article's headline and lead, looked up by id in {@code dirs}. */
  static List<LabelledText> withContext(
      List<LabelledText> examples, List<String> dirs, PrintStream err) throws IOException {
    List<LabelledText> out = new ArrayList<>();
    int missing = 0;
    for (LabelledText t : examples) {
      int hash = t.id().lastIndexOf('#');
      if (t.context() != null || hash < 0) {
        out.add(t);
        continue;
      }
      int paragraph;
      try {
        paragraph = Integer.parseInt(t.id().substring(hash + 1));
      } catch (NumberFormatException e) {
        out.add(t);
        continue;
      }
      Article article = null;
      for (String d : dirs) {
        Path file = Path.of(d, t.article() + ".txt");
        if (Files.isRegularFile(file)) {
          try {
            article =
                SeedFormat.parse(
                    t.article(), Files.readString(file, StandardCharsets.UTF_8), file.toString());
          } catch (ArticleFormatException e) {
            err.println(file + ": " + e.getMessage() + "; no context for " + t.id());
          }
          break;
        }
      }
      if (article == null) {
        missing++;
        out.add(t);
      } else {
        out.add(t.with(ArticleContext.of(article, paragraph, paragraph), t.natural()));
      }
    }
    if (missing > 0) {
      err.println(missing + " labelled texts have no article under --articles (no context)");
    }
    return out;
  }
}
