package dev.parley.cli;

import com.google.gson.JsonObject;
import dev.parley.analysis.Gazetteer;
import dev.parley.indexer.enrich.LabelledText;
import dev.parley.indexer.enrich.TopicDefinition;
import dev.parley.indexer.enrich.TopicFiles;
import dev.parley.indexer.enrich.TopicTrainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley tune-topics}: learn each topic's model from labelled texts (docs/topics.md), print
 * cross-validated and training F1, and write the trained topic files to {@code --out}; with {@code
 * --vet FILE}, check each cue on a labelled file instead.
 *
 * <p>{@code --labels} takes one or more labelled files; {@code --natural FILE} names the file whose
 * mix of topics is natural (thresholds are chosen for that mix; the other files are reweighted to
 * it); {@code --articles DIR...} looks each labelled passage's article up by id ({@code
 * ARTICLE#PARAGRAPH}, seed-format {@code ARTICLE.txt}) to give it its headline and lead as context.
 */
@Command(
    name = "tune-topics",
    description = {
      "Learn the topic models from labelled texts (docs/topics.md).",
      "Prints cross-validated and training F1 and writes the trained topic files to --out;",
      "with --vet FILE, checks each cue on a labelled file instead."
    })
final class TuneTopicsCommand extends CliCommand {
  @Option(
      names = "--labels",
      arity = "1..*",
      paramLabel = "FILE.jsonl",
      description = "Labelled texts.")
  List<Path> labels = new ArrayList<>();

  @Option(
      names = "--natural",
      paramLabel = "FILE.jsonl",
      description =
          "The labelled file with the natural mix of topics (thresholds are chosen for it).")
  Path natural;

  @Option(
      names = "--articles",
      arity = "1..*",
      paramLabel = "DIR",
      description =
          "Seed-format article folders: each labelled passage gets its headline and lead.")
  List<String> articles = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Write the trained topic files here.")
  String dir;

  @Option(
      names = "--lambda",
      paramLabel = "L,L...",
      description = "L2 penalties to try (default 4,8,16).")
  String lambda = "4,8,16";

  @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds (default 5).")
  int folds = 5;

  @Option(
      names = "--min-count",
      paramLabel = "N",
      description = "Words and pairs in fewer training texts are left out (default 5).")
  int minCount = 5;

  @Option(
      names = "--curated-penalty",
      paramLabel = "F",
      description = "Factor on the penalty of cues and entity patterns (default 0.1).")
  double curatedPenalty = 0.1;

  @Option(names = "--topics", paramLabel = "DIR", description = "Topic files to start from.")
  String topicsDir;

  @Option(
      names = "--misses",
      paramLabel = "FILE.jsonl",
      description = "Write the out-of-fold mistakes here.")
  Path misses;

  @Option(
      names = "--vet",
      paramLabel = "FILE.jsonl",
      description = "Check each cue on this labelled file instead of training.")
  Path vet;

  @Option(names = "--json", description = "Print the scores as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (vet != null) {
      return vet();
    }
    if (labels.isEmpty()) {
      throw new UsageException("tune-topics needs --labels FILE... (or --vet FILE)");
    }
    // Options first: a usage error must not wait for the files to be read.
    List<Double> lambdas = new ArrayList<>();
    for (String l : lambda.split(",")) {
      double v;
      try {
        v = Double.parseDouble(l.trim());
      } catch (NumberFormatException e) {
        v = Double.NaN;
      }
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new UsageException(
            "--lambda must be positive numbers separated by commas, got: " + l.trim());
      }
      lambdas.add(v);
    }
    inRange("--folds", folds, 2, 50);
    inRange("--min-count", minCount, 1, 1000);
    if (!(curatedPenalty > 0 && curatedPenalty <= 1)) {
      throw new UsageException("--curated-penalty must be in (0, 1], got: " + curatedPenalty);
    }
    List<TopicDefinition> topics = TopicCommands.definitions(topicsDir);
    List<String> names = topics.stream().map(TopicDefinition::name).toList();
    List<LabelledText> examples = new ArrayList<>();
    int bad = 0;
    for (Path file : labels) {
      LabelledFile.Contents contents = LabelledFile.read(file, names, err);
      bad += contents.bad();
      boolean isNatural = natural == null || file.equals(natural);
      for (LabelledText t : TopicCommands.examples(contents.lines(), names)) {
        examples.add(t.with(t.context(), isNatural));
      }
    }
    Map<String, Double> rates = new HashMap<>();
    if (natural != null) {
      List<LabelledText> sample =
          TopicCommands.examples(LabelledFile.read(natural, names, err).lines(), names);
      for (String topic : names) {
        long judged = sample.stream().filter(t -> t.judged().contains(topic)).count();
        long positive = sample.stream().filter(t -> t.labels().contains(topic)).count();
        if (judged > 0) {
          rates.put(topic, positive / (double) judged);
        }
      }
    }
    if (!articles.isEmpty()) {
      examples = TopicCommands.withContext(examples, articles, err);
    }
    for (String topic : names) {
      if (examples.stream().noneMatch(t -> t.judged().contains(topic))) {
        throw new IllegalArgumentException(
            String.join(", ", labels.stream().map(Path::toString).toList())
                + ": no line is judged for topic "
                + topic
                + ": label lines for it, or leave its file out of --topics");
      }
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
        results.stream().map(TopicTrainer.Result::crossValidated).toList(), json, out);
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
        results.stream().map(TopicTrainer.Result::training).toList(), json, out);
    if (misses != null) {
      // Out-of-fold mistakes, for reading errors on training folds rather than on the dev set.
      StringBuilder b = new StringBuilder();
      for (TopicTrainer.Result r : results) {
        for (TopicTrainer.Miss m : r.misses()) {
          JsonObject o = new JsonObject();
          o.addProperty("topic", r.trained().name());
          o.addProperty("id", m.id());
          o.addProperty("labelled", m.labelled());
          o.addProperty("probability", TopicCommands.round(m.probability()));
          o.addProperty("threshold", m.threshold());
          b.append(o).append('\n');
        }
      }
      Files.writeString(misses, b.toString(), StandardCharsets.UTF_8);
      err.println("wrote " + misses);
    }
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
  private int vet() throws IOException {
    List<TopicDefinition> topics = TopicCommands.definitions(topicsDir);
    List<String> names = topics.stream().map(TopicDefinition::name).toList();
    LabelledFile.Contents contents = LabelledFile.read(vet, names, err);
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
