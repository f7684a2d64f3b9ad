package dev.parley.cli;

import dev.parley.analysis.Gazetteer;
import dev.parley.indexer.enrich.LabelledText;
import dev.parley.indexer.enrich.TopicDefinition;
import dev.parley.indexer.enrich.TopicFiles;
import dev.parley.indexer.enrich.TopicTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code parley tune-topics}: learn each topic's model from labelled texts (docs/topics.md), print
 * cross-validated and training F1, and write the trained topic files to {@code --out}.
 *
 * <p>{@code --labels} takes one or more labelled files; {@code --natural FILE} names the file whose
 * mix of topics is natural (thresholds are chosen for that mix; the other files are reweighted to
 * it); {@code --articles DIR...} looks each labelled passage's article up by id ({@code
 * ARTICLE#PARAGRAPH}, seed-format {@code ARTICLE.txt}) to give it its headline and lead as context.
 */
final class TuneTopicsCommand implements Main.Command {

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
    Args args =
        new Args(
            "tune-topics",
            argv,
            Set.of(
                "out",
                "lambda",
                "folds",
                "topics",
                "natural",
                "min-count",
                "misses",
                "vet",
                "curated-penalty"),
            Set.of("labels", "articles"),
            Set.of("json"));
    args.noPositional();
    if (args.has("vet")) {
      return vet(args, out, err);
    }
    List<String> labelFiles = args.list("labels");
    if (labelFiles.isEmpty()) {
      throw new UsageException("tune-topics needs --labels FILE...");
    }
    List<TopicDefinition> topics = TopicCommands.definitions(args.string("topics", null));
    List<String> names = topics.stream().map(TopicDefinition::name).toList();
    String naturalFile = args.string("natural", null);
    List<LabelledText> examples = new ArrayList<>();
    int bad = 0;
    for (String file : labelFiles) {
      LabelledFile.Contents contents = LabelledFile.read(Path.of(file), err);
      bad += contents.bad();
      boolean natural = naturalFile == null || Path.of(file).equals(Path.of(naturalFile));
      for (LabelledText t : TopicCommands.examples(contents.lines(), names)) {
        examples.add(t.with(t.context(), natural));
      }
    }
    Map<String, Double> rates = new HashMap<>();
    if (naturalFile != null) {
      List<LabelledText> natural =
          TopicCommands.examples(LabelledFile.read(Path.of(naturalFile), err).lines(), names);
      for (String topic : names) {
        long judged = natural.stream().filter(t -> t.judged().contains(topic)).count();
        long positive = natural.stream().filter(t -> t.labels().contains(topic)).count();
        if (judged > 0) {
          rates.put(topic, positive / (double) judged);
        }
      }
    }
    List<String> articleDirs = args.list("articles");
    if (!articleDirs.isEmpty()) {
      examples = TopicCommands.withContext(examples, articleDirs, err);
    }
    List<Double> lambdas = new ArrayList<>();
    for (String l : args.string("lambda", "4,8,16").split(",")) {
      try {
        lambdas.add(Double.parseDouble(l.trim()));
      } catch (NumberFormatException e) {
        throw new UsageException("--lambda must be numbers separated by commas, got: " + l);
      }
    }
    int folds = args.integer("folds", 5, 2, 50);
    int minCount = args.integer("min-count", 5, 1, 1000);
    double curatedPenalty;
    try {
      curatedPenalty = Double.parseDouble(args.string("curated-penalty", "0.1"));
    } catch (NumberFormatException e) {
      throw new UsageException(
          "--curated-penalty must be a number, got: " + args.string("curated-penalty", ""));
    }
    TopicTrainer.Options options =
        new TopicTrainer.Options(lambdas, folds, minCount, rates, curatedPenalty);
    List<TopicTrainer.Result> results =
        TopicTrainer.train(topics, Gazetteer.defaults(), examples, options);
    out.printf(
        "%d-fold cross-validated (folds by article; weights and threshold fitted without the scored"
            + " fold), min-count %d:%n",
        folds, minCount);
    TopicCommands.printScores(
        results.stream().map(TopicTrainer.Result::crossValidated).toList(), args.has("json"), out);
    for (TopicTrainer.Result r : results) {
      StringBuilder b = new StringBuilder();
      r.f1ByLambda().forEach((l, f) -> b.append(String.format(Locale.ROOT, " λ=%s F1=%.3f", l, f)));
      out.printf(
          Locale.ROOT,
          "%s: chose λ=%s, threshold %.3f, %d weights;%s%n",
          r.trained().name(),
          r.lambda(),
          r.trained().threshold(),
          r.trained().weights().size(),
          b);
    }
    out.println("fitted on all examples (optimistic):");
    TopicCommands.printScores(
        results.stream().map(TopicTrainer.Result::training).toList(), args.has("json"), out);
    String missFile = args.string("misses", null);
    if (missFile != null) {
      // Out-of-fold mistakes, for reading errors on training folds rather than on the dev set.
      StringBuilder b = new StringBuilder();
      for (TopicTrainer.Result r : results) {
        for (TopicTrainer.Miss m : r.misses()) {
          com.google.gson.JsonObject o = new com.google.gson.JsonObject();
          o.addProperty("topic", r.trained().name());
          o.addProperty("id", m.id());
          o.addProperty("labelled", m.labelled());
          o.addProperty("probability", TopicCommands.round(m.probability()));
          o.addProperty("threshold", m.threshold());
          b.append(o).append('\n');
        }
      }
      Files.writeString(Path.of(missFile), b.toString(), StandardCharsets.UTF_8);
      err.println("wrote " + missFile);
    }
    String dir = args.string("out", null);
    if (dir != null) {
      Files.createDirectories(Path.of(dir));
      for (TopicTrainer.Result r : results) {
        Path file = Path.of(dir, r.trained().name() + ".json");
        Files.writeString(file, TopicFiles.toJson(r.trained()), StandardCharsets.UTF_8);
        err.println("wrote " + file);
      }
    }
    return bad == 0 ? 0 : 1;
  }

  /**
   * {@code --vet FILE}: each cue of the topics on a labelled file its author has not read: how
   * often it fires, and how often the texts it fires on carry its topic, against the base rate.
   */
  private static int vet(Args args, PrintStream out, PrintStream err) throws IOException {
    List<TopicDefinition> topics = TopicCommands.definitions(args.string("topics", null));
    List<String> names = topics.stream().map(TopicDefinition::name).toList();
    LabelledFile.Contents contents = LabelledFile.read(Path.of(args.string("vet", null)), err);
    List<TopicTrainer.CueCheck> checks =
        TopicTrainer.vet(
            topics, Gazetteer.defaults(), TopicCommands.examples(contents.lines(), names));
    Map<String, TopicDefinition> byName = new HashMap<>();
    topics.forEach(t -> byName.put(t.name(), t));
    out.printf(
        "%-10s %-26s %7s %9s %9s %8s%n", "topic", "cue", "matches", "precision", "base", "weight");
    for (TopicTrainer.CueCheck c : checks) {
      Double w = byName.get(c.topic()).weights().get("cue:" + c.cue());
      out.printf(
          Locale.ROOT,
          "%-10s %-26s %7d %9.3f %9.3f %8.3f%n",
          c.topic(),
          c.cue(),
          c.matches(),
          c.precision(),
          c.baseRate(),
          w == null ? 0.0 : w);
    }
    return contents.bad() == 0 ? 0 : 1;
  }
}
