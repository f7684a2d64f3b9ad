package dev.parley.cli;

import dev.parley.analysis.Gazetteer;
import dev.parley.indexer.enrich.LabelledText;
import dev.parley.indexer.enrich.TopicModel;
import dev.parley.indexer.enrich.TopicTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code parley tune-topics}: learn the topic weights from labelled texts, print cross-validated
 * and training F1, and write the trained topic files to {@code --out}.
 */
final class TuneTopicsCommand implements Main.Command {

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
    Args args =
        new Args(
            "tune-topics",
            argv,
            Set.of("labels", "out", "lambda", "folds", "topics"),
            Set.of(),
            Set.of("json"));
    args.noPositional();
    LabelledFile.Contents contents = LabelledFile.read(Path.of(args.required("labels")), err);
    List<LabelledText> examples =
        contents.lines().stream().map(l -> LabelledText.of(l.id(), l.text(), l.labels())).toList();
    double lambda;
    try {
      lambda = Double.parseDouble(args.string("lambda", "1.0"));
    } catch (NumberFormatException e) {
      throw new UsageException("--lambda must be a number, got: " + args.string("lambda", ""));
    }
    int folds = args.integer("folds", 5, 2, 50);
    Gazetteer gazetteer = Gazetteer.defaults();
    TopicModel model = TopicCommands.model(args.string("topics", null), gazetteer);
    List<TopicTrainer.Result> results =
        TopicTrainer.train(model, gazetteer, examples, lambda, folds);
    out.printf(
        "%d-fold cross-validated (weights fitted without the scored fold), lambda %s:%n",
        folds, lambda);
    TopicCommands.printScores(
        results.stream().map(TopicTrainer.Result::crossValidated).toList(), args.has("json"), out);
    out.println("fitted on all examples (optimistic):");
    TopicCommands.printScores(
        results.stream().map(TopicTrainer.Result::training).toList(), args.has("json"), out);
    String dir = args.string("out", null);
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
