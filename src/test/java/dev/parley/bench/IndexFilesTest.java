package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index's size by file kind: sums per extension, biggest first, shares, JSON and table. */
class IndexFilesTest {
  @TempDir Path dir;

  private void file(String name, int bytes) throws IOException {
    Files.write(dir.resolve(name), new byte[bytes]);
  }

  @Test
  void sumsByExtensionBiggestFirstWithoutTheLock() throws IOException {
    file("_0.tim", 300);
    file("_1.tim", 100);
    file("_0.fdt", 500);
    file("_0.doc", 100);
    file("LICENSE", 50); // no extension (and no index: the files alone are summed)
    file("write.lock", 0);
    file("_0.cfe", 0);
    IndexFiles f = IndexFiles.of(dir);
    assertEquals(List.of("fdt", "tim", "doc", "", "cfe"), List.copyOf(f.bytes().keySet()));
    assertEquals(Map.of("fdt", 500L, "tim", 400L, "doc", 100L, "", 50L, "cfe", 0L), f.bytes());
    assertEquals(1050, f.total());
    assertEquals(400 / 1050.0, f.share("tim"), 1e-12);
    assertEquals(0, f.share("pos"));
    JsonObject json = f.toJson();
    assertEquals(List.of("fdt", "tim", "doc", "", "cfe"), List.copyOf(json.keySet()));
    assertEquals(400, json.getAsJsonObject("tim").get("bytes").getAsLong());
    assertEquals(0.381, json.getAsJsonObject("tim").get("share").getAsDouble());
    String table = f.table();
    assertTrue(table.contains("| `.tim` | 400 | 38.1% |"), table);
    assertTrue(table.contains("| `(no extension)` | 50 | 4.8% |"), table);
    assertTrue(table.contains("| total | 1,050 | 100% |"), table);
    assertTrue(f.line().startsWith(".fdt 0.00 MB (47.6%), .tim"), f.line());
  }

  @Test
  void randomFilesAddUpToTheDirectoryAndSharesToOne() throws IOException {
    long seed = System.nanoTime();
    System.out.println("IndexFilesTest seed " + seed);
    Random random = new Random(seed);
    String[] kinds = {"tim", "tip", "doc", "pos", "pay", "fdt", "fdx", "dvd", "nvd", "kdd", "si"};
    long expected = 0;
    for (int i = 0; i < 40; i++) {
      int n = random.nextInt(5000);
      file("_" + i + "." + kinds[random.nextInt(kinds.length)], n);
      expected += n;
    }
    IndexFiles f = IndexFiles.of(dir);
    assertEquals(expected, f.total(), "seed " + seed);
    double shares = f.bytes().keySet().stream().mapToDouble(f::share).sum();
    assertEquals(expected == 0 ? 0 : 1.0, shares, 1e-9, "seed " + seed);
    long previous = Long.MAX_VALUE;
    for (long b : f.bytes().values()) {
      assertTrue(b <= previous, "biggest first, seed " + seed);
      previous = b;
    }
  }

  @Test
  void aCompoundSegmentCountsByTheKindsItHoldsAndStillAddsUpToTheDisk() throws IOException {
    Path index = dir.resolve("index");
    try (FSDirectory d = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int i = 0; i < 50; i++) {
        Document doc = new Document();
        doc.add(new TextField("body", "envoys met for talks number " + i, Field.Store.YES));
        doc.add(new NumericDocValuesField("n", i));
        doc.add(new LongPoint("p", i));
        w.addDocument(doc);
      }
      w.commit();
    }
    long onDisk = 0;
    boolean compound = false;
    try (var files = Files.list(index)) {
      for (Path p : files.toList()) {
        onDisk += Files.size(p);
        compound |= p.toString().endsWith(".cfs");
      }
    }
    assertTrue(compound, "a small flushed segment is a compound file");
    IndexFiles f = IndexFiles.of(index);
    assertEquals(onDisk, f.total());
    for (String kind : List.of("tim", "doc", "pos", "fdt", "dvd", "nvd", "kdd")) {
      assertTrue(f.bytes().getOrDefault(kind, 0L) > 0, kind + " in " + f.bytes());
    }
    assertTrue(f.bytes().get("cfs") < 200, "only the container's own bytes: " + f.bytes());
  }

  @Test
  void aTotalThatIsNotTheSumIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new IndexFiles(Map.of("tim", 3L), 4));
  }
}
