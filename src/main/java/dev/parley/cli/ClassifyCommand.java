package dev.parley.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.analysis.EntityTagger;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import dev.parley.analysis.NormalizedText;
import dev.parley.indexer.enrich.LabelledText;
import dev.parley.indexer.enrich.TopicModel;
import dev.parley.indexer.enrich.TopicTrainer;
import dev.parley.query.result.ResultsJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley classify}: topic scores, labels and entities for each line of a JSON Lines file;
 * with {@code --eval}, precision, recall and F1 of each topic against the lines' own labels.
 */
@Command(
    name = "classify",
    description = {
      "Topic scores, labels and entities per line of a JSON Lines file.",
      "Each line is {\"id\", \"text\"}; with --eval, precision, recall and F1 of each topic",
      "against the lines' labels."
    })
final class ClassifyCommand extends CliCommand {
  @Option(names = "--input", required = true, paramLabel = "FILE.jsonl", description = "Texts.")
  Path input;

  @Option(names = "--topics", paramLabel = "DIR", description = "Topic JSON files to use.")
  String topicsDir;

  @Option(names = "--eval", description = "Score the topics against the lines' labels.")
  boolean eval;

  @Option(names = "--json", description = "With --eval: print JSON.")
  boolean json;

  @Option(names = "--explain", description = "Add each topic's score parts.")
  boolean explain;

  @Override
  public Integer call() throws IOException {
    LabelledFile.Contents contents = LabelledFile.read(input, err);
    Gazetteer gazetteer = Gazetteer.defaults();
    TopicModel model = TopicCommands.model(topicsDir, gazetteer);
    if (eval) {
      List<LabelledText> examples =
          contents.lines().stream()
              .map(l -> LabelledText.of(l.id(), l.text(), l.labels()))
              .toList();
      List<TopicTrainer.Scores> scores = TopicTrainer.evaluate(model, gazetteer, examples);
      TopicCommands.printScores(scores, json, out);
      return contents.bad() == 0 ? 0 : 1;
    }
    EntityTagger tagger = new EntityTagger(gazetteer);
    for (LabelledFile.Line line : contents.lines()) {
      String text = NormalizedText.of(line.text()).text(); // as the indexer's enricher sees it
      List<Mention> mentions = tagger.tag(text);
      Map<String, Float> scores = model.score(text, mentions);
      JsonObject o = new JsonObject();
      o.addProperty("id", line.id());
      JsonObject topics = new JsonObject();
      scores.forEach((k, v) -> topics.addProperty(k, Math.round(v * 10000) / 10000.0));
      o.add("topics", topics);
      JsonArray labels = new JsonArray();
      model.labels(scores).forEach(labels::add);
      o.add("labels", labels);
      JsonArray entities = new JsonArray();
      EntityTagger.ids(mentions).forEach(entities::add);
      o.add("entities", entities);
      if (explain) {
        JsonObject explain = new JsonObject();
        for (String topic : model.names()) {
          JsonObject parts = new JsonObject();
          model
              .explain(topic, text, mentions)
              .forEach(
                  (k, v) ->
                      parts.addProperty(
                          k, Double.parseDouble(String.format(Locale.ROOT, "%.4f", v))));
          explain.add(topic, parts);
        }
        o.add("explanation", explain);
      }
      out.println(ResultsJson.toJson(o));
    }
    return contents.bad() == 0 ? 0 : 1;
  }
}
