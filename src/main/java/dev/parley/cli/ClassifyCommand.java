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
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code parley classify}: topic scores, labels and entities for each line of a JSON Lines file;
 * with {@code --explain}, each topic's largest contributions by feature name; with {@code --eval},
 * precision, recall and F1 of each topic against the lines' own labels (either shape, see {@link
 * LabelledFile}).
 */
final class ClassifyCommand implements Main.Command {

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
    Args args =
        new Args(
            "classify",
            argv,
            Set.of("input", "topics", "top"),
            Set.of("articles"),
            Set.of("eval", "json", "explain"));
    args.noPositional();
    Path input = Path.of(args.required("input"));
    int top = args.integer("top", 10, 1, 1000);
    Gazetteer gazetteer = Gazetteer.defaults();
    TopicModel model = TopicCommands.model(args.string("topics", null), gazetteer);
    LabelledFile.Contents contents = LabelledFile.read(input, err);
    int bad = contents.bad();
    if (args.has("eval")) {
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
      if (!args.list("articles").isEmpty()) {
        examples = TopicCommands.withContext(examples, args.list("articles"), err);
      }
      List<TopicTrainer.Scores> scores = TopicTrainer.evaluate(model, gazetteer, examples);
      TopicCommands.printScores(scores, args.has("json"), out);
      return bad == 0 ? 0 : 1;
    }
    EntityTagger tagger = new EntityTagger(gazetteer);
    for (LabelledFile.Line line : contents.lines()) {
      TokenView view = TokenView.of(line.text());
      TokenView context = line.context() == null ? null : TokenView.of(line.context());
      List<Mention> mentions = tagger.tag(view);
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
      if (args.has("explain")) {
        JsonObject explain = new JsonObject();
        for (String topic : model.names()) {
          explain.add(topic, toJson(model.explain(topic, view, mentions, context, top)));
        }
        o.add("explanation", explain);
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
