package dev.parley.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.parley.analysis.Gazetteer;
import dev.parley.indexer.enrich.NewsEnricher;
import dev.parley.indexer.enrich.TopicDefinition;
import dev.parley.indexer.enrich.TopicModel;
import dev.parley.schema.Fields;
import dev.parley.schema.IndexManifest;
import dev.parley.schema.PassageIds;
import dev.parley.schema.StoredTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit never records one topic model over an index that holds passages scored by another: after
 * a model change, whatever the run reads (part of the inputs, another input, only deletes, or
 * articles added through the API), every article the index holds is re-enriched before the manifest
 * names the new model, and the index equals one built afresh with that model.
 */
class ModelChangeTest {
  @TempDir Path dir;

  private static final TopicModel SHIPPED = TopicModel.defaults();
  private static final TopicModel RETRAINED = retrained();

  /** The shipped model with summits' bias and summit-word weight moved: every score differs. */
  private static TopicModel retrained() {
    TopicDefinition summits = SHIPPED.topics().get(2);
    Map<String, Double> w = new HashMap<>(summits.weights());
    w.put("cue:summit-word", w.get("cue:summit-word") + 1);
    return TopicModel.builder(Gazetteer.defaults())
        .addDefaults()
        .add(summits.withModel(summits.threshold(), summits.bias() + 1, w))
        .build();
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private void inputs() throws IOException {
    write(
        "in1/a.txt",
        "date 2020-01-01 Leaders met at the Venice summit.\n\nThe summit ended with a statement.\n");
    write("in1/c.txt", "date 2020-01-03 Trump and Kim held a summit in Hanoi.\n");
    write("in2/b.txt", "date 2020-01-02 Sanctions on Iran were tightened after the summit.\n");
  }

  private static Indexer indexer(Path index, TopicModel model) throws IOException {
    return Indexer.builder(index)
        .withEnricher(new NewsEnricher(Gazetteer.defaults(), model))
        .build();
  }

  private void index(Path index, TopicModel model, Path... inputs) throws IOException {
    try (Indexer indexer = indexer(index, model)) {
      indexer.index(List.of(inputs));
    }
  }

  /** Every passage's id, stored topic scores and entities, by passage id. */
  private static Map<String, String> passages(Path index) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (var d = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher s = new IndexSearcher(reader);
      for (ScoreDoc sd :
          s.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), 1000).scoreDocs) {
        Document doc = s.storedFields().document(sd.doc);
        out.put(
            PassageIds.of(reader, new int[] {sd.doc})[0],
            StoredTopics.floats(doc.getBinaryValue(Fields.TOPICS))
                + " "
                + List.of(doc.getValues(Fields.ENTITY)));
      }
    }
    return out;
  }

  private static String model(Path index) throws IOException {
    try (var d = FSDirectory.open(index)) {
      return IndexManifest.read(d, index).topicModel();
    }
  }

  @Test
  void aRunOverOtherInputsReenrichesTheArticlesItDoesNotRead() throws IOException {
    inputs();
    Path idx = dir.resolve("idx");
    index(idx, SHIPPED, dir.resolve("in1"));
    Map<String, String> before = passages(idx);
    index(idx, RETRAINED, dir.resolve("in2"));

    Path fresh = dir.resolve("fresh");
    index(fresh, RETRAINED, dir.resolve("in1"), dir.resolve("in2"));
    assertEquals(passages(fresh), passages(idx));
    assertNotEquals(before.get("a#0-0"), passages(idx).get("a#0-0"), "a was re-scored");
    assertEquals(RETRAINED.version(), model(idx));

    // Back to the shipped model over part of the inputs: the whole index follows again.
    index(idx, SHIPPED, dir.resolve("in1"));
    Path shipped = dir.resolve("shipped");
    index(shipped, SHIPPED, dir.resolve("in1"), dir.resolve("in2"));
    assertEquals(passages(shipped), passages(idx));
    assertEquals(SHIPPED.version(), model(idx));
  }

  @Test
  void aDeleteOnlyRunReenrichesWhatRemains() throws IOException {
    inputs();
    Path idx = dir.resolve("idx");
    index(idx, RETRAINED, dir.resolve("in1"), dir.resolve("in2"));
    try (Indexer indexer = indexer(idx, SHIPPED)) {
      assertEquals(1, indexer.delete(List.of("b")).deleted());
    }
    Path fresh = dir.resolve("fresh");
    index(fresh, SHIPPED, dir.resolve("in1"));
    assertEquals(passages(fresh), passages(idx));
    assertEquals(SHIPPED.version(), model(idx));
  }

  @Test
  void articlesAddedThroughTheApiThenCommittedLeaveNoOldScores() throws IOException {
    inputs();
    Path idx = dir.resolve("idx");
    index(idx, SHIPPED, dir.resolve("in1"), dir.resolve("in2"));
    Article d =
        new Article(
            "d",
            LocalDate.of(2020, 1, 4),
            "Summit called",
            List.of(new Paragraph(0, "The G7 summit opens in Biarritz.", Paragraph.Kind.BODY)),
            "api");
    try (Indexer indexer = indexer(idx, RETRAINED)) {
      indexer.add(d);
      indexer.commit();
    }
    Path fresh = dir.resolve("fresh");
    try (Indexer indexer = indexer(fresh, RETRAINED)) {
      indexer.index(List.of(dir.resolve("in1"), dir.resolve("in2")));
      indexer.add(d);
      indexer.commit();
    }
    assertEquals(passages(fresh), passages(idx));
  }

  @Test
  void anUnchangedModelRewritesNothingItDoesNotRead() throws IOException {
    inputs();
    Path idx = dir.resolve("idx");
    index(idx, SHIPPED, dir.resolve("in1"));
    try (Indexer indexer = indexer(idx, SHIPPED)) {
      IngestReport report = indexer.index(List.of(dir.resolve("in2")));
      assertEquals(List.of(1, 0), List.of(report.articles(), report.unchanged()));
    }
    List<String> ids = new ArrayList<>(passages(idx).keySet());
    assertEquals(List.of("a#0-0", "a#1-1", "b#0-0", "c#0-0"), ids);
  }
}
