package dev.parley.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.analysis.EntityTagger;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import dev.parley.analysis.TokenView;
import dev.parley.indexer.enrich.LabelledText;
import dev.parley.indexer.enrich.TopicModel;
import dev.parley.indexer.enrich.TopicTrainer;
import dev.parley.query.result.ResultsJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley classify}: topic scores, labels and entities for each line of a JSON Lines file;
 * with {@code --explain}, each topic's largest contributions by feature name; with {@code --eval},
 * precision, recall and F1 of each topic against the lines' own labels (either shape, see {@link
 * LabelledFile}).
 */
@Command(
    name = "classify",
    description = {
      "Topic scores, labels and entities per line of a JSON Lines file.",
      "Each line is {\"id\", \"text\", \"context\"?}; with --eval, precision, recall and F1 of each",
      "topic against the lines' labels (an object {\"topic\": 0|1} or a list of topic names)."
    })
final class ClassifyCommand extends CliCommand {
  @Option(names = "--input", required = true, paramLabel = "FILE.jsonl", description = "Texts.")
  Path input;

  @Option(names = "--topics", paramLabel = "DIR", description = "Topic files (format 2) to use.")
  String topicsDir;

  @Option(names = "--eval", description = "Score the topics against the lines' labels.")
  boolean eval;

  @Option(names = "--json", description = "With --eval: print JSON.")
  boolean json;

  @Option(names = "--explain", description = "Add each topic's largest contributions by name.")
  boolean explain;

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "With --explain: contributions per topic (default 10).")
  int top = 10;

  @Option(
      names = "--articles",
      arity = "1..*",
      paramLabel = "DIR",
      description = "With --eval: look each line's article up here for its headline and lead.")
  List<String> articles = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    inRange("--top", top, 1, 1000);
    Gazetteer gazetteer = Gazetteer.defaults();
    TopicModel model = TopicCommands.model(topicsDir, gazetteer);
    LabelledFile.Contents contents = LabelledFile.read(input, model.names(), err);
    int bad = contents.bad();
    if (eval) {
      List<LabelledFile.Line> labelled = new ArrayList<>();
      for (LabelledFile.Line l : contents.lines()) {
        if (l.labelled()) {
          labelled.add(l);
        } else {
          err.println(
              input + ":" + l.number() + ": no \"labels\" to evaluate against; line skipped");
          bad++;
        }
      }
      List<LabelledText> examples = TopicCommands.examples(labelled, model.names());
      if (examples.stream().allMatch(t -> t.judged().isEmpty())) {
        // A table of 0.000 would read as a model that finds nothing.
        throw new IllegalArgumentException(
            input
                + ": no line is judged for any topic ("
                + String.join(", ", model.names())
                + "): give lines \"labels\" to evaluate against, or drop --eval");
      }
      if (!articles.isEmpty()) {
        examples = TopicCommands.withContext(examples, articles, err);
      }
      List<TopicTrainer.Scores> scores = TopicTrainer.evaluate(model, gazetteer, examples);
      TopicCommands.printScores(scores, json, out);
      return bad == 0 ? 0 : 1;
    }
    EntityTagger tagger = new EntityTagger(gazetteer);
    for (LabelledFile.Line line : contents.lines()) {
      TokenView view = TokenView.of(line.text());
      TokenView context = line.context() == null ? null : TokenView.of(line.context());
      List<Mention> mentions = tagger.tag(view, context);
      Map<String, Float> scores = model.score(view, mentions, context);
      JsonObject o = new JsonObject();
      o.addProperty("id", line.id());
      JsonObject topics = new JsonObject();
      scores.forEach((k, v) -> topics.addProperty(k, TopicCommands.round(v)));
      o.add("topics", topics);
      JsonArray labels = new JsonArray();
      model.labels(scores).forEach(labels::add);
      o.add("labels", labels);
      JsonArray entities = new JsonArray();
      EntityTagger.ids(mentions).forEach(entities::add);
      o.add("entities", entities);
      if (explain) {
        JsonObject parts = new JsonObject();
        for (String topic : model.names()) {
          parts.add(topic, toJson(model.explain(topic, view, mentions, context, top)));
        }
        o.add("explanation", parts);
      }
      out.println(ResultsJson.toJson(o));
    }
    return bad == 0 ? 0 : 1;
  }

  /**
   * {@code {"score", "labelled", "bias", "top": [{"feature", "value", "weight", "contribution"}]}},
   * contributions largest first.
   */
  static JsonObject toJson(TopicModel.Explanation e) {
    JsonObject o = new JsonObject();
    o.addProperty("score", TopicCommands.round(e.score()));
    o.addProperty("labelled", e.labelled());
    o.addProperty("bias", TopicCommands.round(e.bias()));
    JsonArray parts = new JsonArray();
    for (TopicModel.Contribution c : e.top()) {
      JsonObject p = new JsonObject();
      p.addProperty("feature", c.feature());
      p.addProperty("value", TopicCommands.round(c.value()));
      p.addProperty("weight", TopicCommands.round(c.weight()));
      p.addProperty("contribution", TopicCommands.round(c.contribution()));
      parts.add(p);
    }
    o.add("top", parts);
    return o;
  }
}
