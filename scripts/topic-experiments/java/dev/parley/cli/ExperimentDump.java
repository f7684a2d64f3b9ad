/** Experiment harness only (scripts/topic-experiments/run): not part of the library. */
package dev.parley.cli;

import dev.parley.indexer.enrich.LabelledText;
import dev.parley.indexer.enrich.ExperimentFeatures;
import dev.parley.indexer.enrich.TopicDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class ExperimentDump {
  // args: out.jsonl topicsDir|- labels...  (natural = last file if flag) ; articles dirs fixed
  public static void main(String[] a) throws Exception {
    String out = a[0];
    String topicsDir = a[1].equals("-") ? null : a[1];
    List<TopicDefinition> topics = TopicCommands.definitions(topicsDir);
    List<String> names = topics.stream().map(TopicDefinition::name).toList();
    String S = System.getenv().getOrDefault("PARLEY_SHARED", "../shared");
    List<LabelledText> ex = new ArrayList<>();
    for (int i = 2; i < a.length; i++) {
      Path f = Path.of(a[i]);
      boolean nat = f.getFileName().toString().contains("dev");
      for (LabelledText t : TopicCommands.examples(LabelledFile.read(f, names, System.err).lines(), names)) {
        ex.add(t.with(t.context(), nat));
      }
    }
    ex = TopicCommands.withContext(ex, List.of(S + "/data/reuters21578/articles", S + "/data/ag-news-test/articles", S + "/data/un-general-debate/articles"), System.err);
    ExperimentFeatures.dump(topics, ex, Path.of(out));
  }
}
