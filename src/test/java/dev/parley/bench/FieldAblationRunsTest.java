package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.parley.indexer.Indexer;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --field-ablation}'s runs on a small fixed input: the JSON's keys and shapes, each
 * variant's index really without its field (no terms, no norms, no stored value, no field info),
 * and the full variant's index the same, document for document, as {@code parley index} writes (so
 * the ablation measures Parley's own documents). No timing is asserted.
 */
class FieldAblationRunsTest {
  @TempDir Path dir;
  Path input;

  @BeforeEach
  void articles() throws IOException {
    input = Files.createDirectories(dir.resolve("in"));
    Files.writeString(
        input.resolve("a1.txt"),
        "date 2019-02-27 US President Donald Trump met North Korean leader Kim Jong Un in Hanoi"
            + " for a second summit on denuclearisation.\n\n"
            + "The talks ended early without a deal, the White House said.\n\n"
            + "Sanctions on Pyongyang stay in place, officials told reporters.\n");
    Files.writeString(
        input.resolve("a2.txt"),
        "date 2019-03-01 The European Union agreed new sanctions on Russia over the seizure of"
            + " Ukrainian ships.\n\n"
            + "Foreign ministers of the EU met in Brussels and Moscow protested.\n");
    Files.writeString(
        input.resolve("a3.txt"),
        "date 2019-03-05 Wheat prices rose on the Chicago exchange.\n\n"
            + "Traders pointed to dry weather in Kansas.\n");
  }

  @Test
  void jsonHasEveryVariantWithSizeTimeAndSavings() throws IOException {
    FieldAblationRuns.Result r = FieldAblationRuns.run(List.of(input), dir.resolve("w"), 2, null);
    JsonObject o = r.toJson();
    assertEquals(2, o.get("runs").getAsInt());
    assertEquals(1, o.get("threads").getAsInt());
    assertEquals(3, o.get("articles").getAsLong());
    assertTrue(o.get("passages").getAsLong() >= 3, o.toString());
    JsonObject variants = o.getAsJsonObject("variants");
    assertEquals(
        List.of("all", "withoutText", "withoutContext", "withoutArticleText"),
        List.copyOf(variants.keySet()));
    long allBytes = variants.getAsJsonObject("all").get("bytes").getAsLong();
    for (String key : variants.keySet()) {
      JsonObject v = variants.getAsJsonObject(key);
      double seconds = v.get("seconds").getAsDouble();
      assertTrue(seconds > 0 && Double.isFinite(seconds), key + " " + v);
      assertEquals(2, v.getAsJsonArray("secondsEachRun").size(), key);
      assertTrue(v.get("cpuSeconds").getAsDouble() >= 0, key);
      assertTrue(v.get("microsPerPassage").getAsDouble() > 0, key);
      long bytes = v.get("bytes").getAsLong();
      JsonObject files = v.getAsJsonObject("files");
      long sum = 0;
      for (String kind : files.keySet()) {
        sum += files.getAsJsonObject(kind).get("bytes").getAsLong();
        double share = files.getAsJsonObject(kind).get("share").getAsDouble();
        assertTrue(share >= 0 && share <= 1, kind + " " + share);
      }
      assertEquals(bytes, sum, key + ": the file kinds add up to the index");
      // Inside the compound file (.cfs) each kind counts as its own.
      assertTrue(
          files.has("tim") && files.has("doc") && files.has("fdt") && files.has("nvd"),
          files.toString());
      if (key.equals("all")) {
        assertFalse(v.has("savedBytes"));
      } else {
        // Without a field the index is smaller, by exactly the bytes reported.
        long saved = v.get("savedBytes").getAsLong();
        assertEquals(allBytes - bytes, saved, key);
        assertTrue(saved > 0, key + " saves nothing: " + v);
        assertTrue(v.has("savedSeconds") && v.has("savedSecondsShare"), key);
        assertTrue(v.has("savedBytesShare") && v.has("savedCpuSeconds"), key);
      }
      assertEquals(key.equals("withoutText"), v.has("quality"), key);
    }
    assertEquals(
        FieldAblationRuns.NO_TEXT_QUALITY,
        variants.getAsJsonObject("withoutText").get("quality").getAsString());
    var text = new java.io.ByteArrayOutputStream();
    r.print(new java.io.PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8));
    String report = text.toString(java.nio.charset.StandardCharsets.UTF_8);
    for (String key : variants.keySet()) {
      assertTrue(report.contains(key), report);
    }
    assertTrue(report.contains(FieldAblationRuns.NO_TEXT_QUALITY), report);
  }

  @Test
  void eachVariantsIndexHasNoTraceOfItsFieldAndKeepsTheOthers() throws IOException {
    Path work = dir.resolve("w");
    FieldAblationRuns.Result r = FieldAblationRuns.run(List.of(input), work, 1, null);
    List<String> dropped = new ArrayList<>();
    r.variants().forEach(v -> dropped.add(v.dropped()));
    assertEquals(List.of("", Fields.TEXT, Fields.CONTEXT, Fields.ARTICLE_TEXT), dropped);
    for (int v = 0; v < dropped.size(); v++) {
      try (FSDirectory d = FSDirectory.open(work.resolve("ablation-" + v));
          DirectoryReader reader = DirectoryReader.open(d)) {
        assertEquals(1, reader.leaves().size(), "merged to one segment like parley index");
        for (String field : StageBreakdown.DROPPABLE) {
          boolean gone = field.equals(dropped.get(v));
          FieldInfos infos = reader.leaves().get(0).reader().getFieldInfos();
          LeafReader leaf = reader.leaves().get(0).reader();
          if (gone) {
            assertNull(infos.fieldInfo(field), field + " still has a field info");
            assertNull(MultiTerms.getTerms(reader, field), field + " still has terms");
            assertNull(leaf.getNormValues(field), field + " still has norms");
          } else {
            assertNotNull(MultiTerms.getTerms(reader, field), field + " lost its terms");
          }
          StoredFields stored = reader.storedFields();
          for (int doc = 0; doc < reader.maxDoc(); doc++) {
            Document document = stored.document(doc);
            if (gone) {
              assertNull(document.get(field), field + " still stored in doc " + doc);
            }
          }
        }
        if (!dropped.get(v).equals(Fields.TEXT)) {
          // The passage text is stored; without the text field nothing is.
          assertNotNull(reader.storedFields().document(0).get(Fields.TEXT));
        }
      }
    }
  }

  @Test
  void theFullVariantWritesTheDocumentsParleyIndexWrites() throws IOException {
    Path work = dir.resolve("w");
    FieldAblationRuns.run(List.of(input), work, 1, null);
    Path parley = dir.resolve("parley");
    try (Indexer indexer = Indexer.builder(parley).withThreads(1).build()) {
      indexer.index(List.of(input));
    }
    Map<String, Long> ablation;
    Map<String, Long> expected;
    try (FSDirectory a = FSDirectory.open(work.resolve("ablation-0"));
        FSDirectory b = FSDirectory.open(parley)) {
      ablation = IndexDigest.of(a);
      expected = IndexDigest.of(b);
    }
    assertEquals(List.of(), IndexDigest.differences(expected, ablation));
    assertEquals(expected.size(), ablation.size());
  }

  @Test
  void refusesNoRunsAndInputWithoutSeedArticles() throws IOException {
    assertThrows(
        IllegalArgumentException.class,
        () -> FieldAblationRuns.run(List.of(input), dir.resolve("w"), 0, null));
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(empty.resolve("a.jsonl"), "{}\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FieldAblationRuns.run(List.of(empty), dir.resolve("w"), 1, null));
    assertTrue(e.getMessage().contains("holds none"), e.getMessage());
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(2.0, FieldAblationRuns.median(new double[] {3, 1, 2}));
    assertEquals(2.5, FieldAblationRuns.median(new double[] {4, 1, 2, 3}));
    assertEquals(7.0, FieldAblationRuns.median(new double[] {7}));
  }
}
