/** Experiment harness only (scripts/topic-experiments/run): not part of the library. */
package dev.parley.indexer.enrich;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.analysis.Entity;
import dev.parley.analysis.EntityTagger;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import dev.parley.analysis.TokenView;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

public final class ExperimentFeatures {
  private static final boolean SENTENCES = Boolean.getBoolean("sentences");
  public static void dump(List<TopicDefinition> topics, List<LabelledText> ex, Path out) throws Exception {
    Gazetteer gaz = Gazetteer.defaults();
    EntityTagger tagger = new EntityTagger(gaz);
    Gson gson = new Gson();
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (LabelledText e : ex) {
        TokenView view = TokenView.of(e.text());
        List<Mention> m = tagger.tag(view);
        TokenView ctx = e.context() == null ? null : TokenView.of(e.context());
        JsonObject o = new JsonObject();
        o.addProperty("id", e.id());
        o.addProperty("article", e.article());
        o.addProperty("fold", TopicTrainer.foldOf(e.article(), 5, 0));
        o.addProperty("inner", TopicTrainer.foldOf(e.article(), 3, 1));
        o.addProperty("natural", e.natural());
        JsonArray labels = new JsonArray();
        e.labels().stream().sorted().forEach(labels::add);
        o.add("labels", labels);
        JsonArray judged = new JsonArray();
        e.judged().stream().sorted().forEach(judged::add);
        o.add("judged", judged);
        o.addProperty("text", e.text());
        o.addProperty("context", e.context());
        o.add("tok", toks(view));
        o.add("ment", ments(view, m, gaz));
        if (ctx != null) {
          o.add("ctok", toks(ctx));
          o.add("cment", ments(ctx, tagger.tag(ctx), gaz));
        }
        JsonObject feats = new JsonObject();
        for (TopicDefinition t : topics) {
          Features f = new Features(t.cues(), gaz);
          Map<String, Float> named = f.named(view, m, ctx);
          JsonObject fo = new JsonObject();
          named.forEach(fo::addProperty);
          feats.add(t.name(), fo);
        }
        o.add("feats", feats);
        if (ctx != null) {
          // round 5: the headline and lead scored as a passage of their own (the lead's logit)
          List<Mention> cm = tagger.tag(ctx);
          JsonObject cfeats = new JsonObject();
          for (TopicDefinition t : topics) {
            JsonObject fo = new JsonObject();
            new Features(t.cues(), gaz).named(ctx, cm, null).forEach(fo::addProperty);
            cfeats.add(t.name(), fo);
          }
          o.add("cfeats", cfeats);
        }
        if (SENTENCES) {
          // each sentence alone, as a passage of its own (no context): for "max over sentences"
          JsonArray sents = new JsonArray();
          int[] sn = Features.sentences(view);
          int from = 0;
          for (int i = 1; i <= view.size(); i++) {
            if (i == view.size() || sn[i] != sn[from]) {
              String sub = e.text().substring(view.start(from), view.end(i - 1));
              TokenView sv = TokenView.of(sub);
              List<Mention> smen = tagger.tag(sv);
              JsonObject so = new JsonObject();
              for (TopicDefinition t : topics) {
                JsonObject fo = new JsonObject();
                new Features(t.cues(), gaz).named(sv, smen, null).forEach(fo::addProperty);
                so.add(t.name(), fo);
              }
              sents.add(so);
              from = i;
            }
          }
          o.add("sents", sents);
        }
        w.write(gson.toJson(o));
        w.write('\n');
      }
    }
  }

  private static JsonArray toks(TokenView v) {
    JsonArray a = new JsonArray();
    int[] s = Features.sentences(v);
    for (int i = 0; i < v.size(); i++) {
      JsonArray t = new JsonArray();
      t.add(v.folded(i));
      t.add(s[i]);
      t.add(v.capitalised(i) || v.upperCase(i));
      a.add(t);
    }
    return a;
  }

  private static JsonArray ments(TokenView v, List<Mention> ms, Gazetteer gaz) {
    JsonArray a = new JsonArray();
    for (Mention m : ms) {
      JsonArray t = new JsonArray();
      Entity en = gaz.byId(m.entityId()).orElse(null);
      t.add(m.entityId());
      t.add(en == null ? "?" : en.type().name());
      t.add(m.kind().name());
      int first = -1, last = -1;
      for (int i = 0; i < v.size(); i++) {
        if (v.start(i) >= m.start() && v.start(i) < m.end()) { if (first < 0) first = i; last = i; }
      }
      t.add(first);
      t.add(last);
      t.add(en == null ? null : en.country());
      a.add(t);
    }
    return a;
  }
}
