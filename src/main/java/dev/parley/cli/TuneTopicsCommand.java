package dev.parley.cli;

import dev.parley.analysis.Gazetteer;
import dev.parley.indexer.enrich.LabelledText;
import dev.parley.indexer.enrich.TopicModel;
import dev.parley.indexer.enrich.TopicTrainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley tune-topics}: learn the topic weights from labelled texts, print cross-validated
 * and training F1, and write the trained topic files to {@code --out}.
 */
@Command(
    name = "tune-topics",
    description = {
      "Learn the topic weights from labelled texts.",
      "Prints cross-validated and training F1 and writes the trained topic files to --out."
    })
final class TuneTopicsCommand extends CliCommand {
  @Option(
      names = "--labels",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "Labelled texts.")
  Path labels;

  @Option(names = "--out", paramLabel = "DIR", description = "Write the trained topic files here.")
  String dir;

  @Option(names = "--lambda", paramLabel = "L", description = "Regularisation (default 1.0).")
  double lambda = 1.0;

  @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds (default 5).")
  int folds = 5;

  @Option(names = "--topics", paramLabel = "DIR", description = "Topic JSON files to start from.")
  String topicsDir;

  @Option(names = "--json", description = "Print the scores as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    LabelledFile.Contents contents = LabelledFile.read(labels, err);
    List<LabelledText> examples =
        contents.lines().stream().map(l -> LabelledText.of(l.id(), l.text(), l.labels())).toList();
    inRange("--folds", folds, 2, 50);
    Gazetteer gazetteer = Gazetteer.defaults();
    TopicModel model = TopicCommands.model(topicsDir, gazetteer);
    List<TopicTrainer.Result> results =
        TopicTrainer.train(model, gazetteer, examples, lambda, folds);
    out.printf(
        "%d-fold cross-validated (weights fitted without the scored fold), lambda %s:%n",
        folds, lambda);
    TopicCommands.printScores(
        results.stream().map(TopicTrainer.Result::crossValidated).toList(), json, out);
    out.println("fitted on all examples (optimistic):");
    TopicCommands.printScores(
        results.stream().map(TopicTrainer.Result::training).toList(), json, out);
    if (dir != null) {
      Files.createDirectories(Path.of(dir));
      for (TopicTrainer.Result r : results) {
        Path file = Path.of(dir, r.trained().name() + ".json");
        Files.writeString(file, TopicModel.toJson(r.trained()) + "\n", StandardCharsets.UTF_8);
        err.println("wrote " + file);
      }
    }
    return 0;
  }
}
