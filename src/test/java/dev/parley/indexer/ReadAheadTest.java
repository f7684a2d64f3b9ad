package dev.parley.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.schema.Fields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small files are read and parsed ahead on other threads when indexing with several threads; the
 * outcome must be that of reading them one by one: the same articles, the same rejections in the
 * same order, the same duplicate-id verdicts, large files streamed in their place.
 */
class ReadAheadTest {
  @TempDir Path dir;

  private static String line(String id, String text) {
    return "{\"id\": \"" + id + "\", \"date\": \"2019-01-10\", \"text\": \"" + text + "\"}\n";
  }

  /** Random small files (good, bad, duplicate ids, empty) and one file over the read-ahead size. */
  private Path input(long seed) throws IOException {
    Random random = new Random(seed);
    Path in = Files.createDirectories(dir.resolve("in"));
    int big = random.nextInt(60);
    for (int f = 0; f < 80; f++) {
      StringBuilder text = new StringBuilder();
      if (f == big) {
        // Over 1 MB of articles: streamed on the calling thread when its turn comes.
        for (int a = 0; text.length() <= 1_100_000; a++) {
          text.append(line("big" + a, ("Envoys met in Geneva about trade. ").repeat(60)));
        }
      } else {
        int articles = random.nextInt(4);
        for (int a = 0; a < articles; a++) {
          switch (random.nextInt(5)) {
            case 0 -> text.append("{not json\n"); // rejected as file:line
            case 1 ->
                text.append(line("dup" + random.nextInt(5), "Ministers discussed sanctions."));
            case 2 -> text.append(line("bad/id" + f, "A bad id is rejected."));
            default -> text.append(line("f" + f + "a" + a, "The summit on tariffs went on."));
          }
        }
      }
      Files.writeString(in.resolve(String.format("file-%03d.jsonl", f)), text.toString());
    }
    return in;
  }

  private static List<String> passageIds(Path index) throws IOException {
    List<String> ids = new ArrayList<>();
    try (FSDirectory d = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(d)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        SortedDocValues values = leaf.reader().getSortedDocValues(Fields.PASSAGE_ID);
        if (values == null) {
          continue;
        }
        for (int doc = values.nextDoc();
            doc != SortedDocValues.NO_MORE_DOCS;
            doc = values.nextDoc()) {
          ids.add(values.lookupOrd(values.ordValue()).utf8ToString());
        }
      }
    }
    return ids.stream().sorted().toList();
  }

  @Test
  void severalThreadsGiveTheOutcomeOfOneByOneReading() throws IOException {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println("ReadAheadTest: -Dparley.seed=" + seed);
    Path in = input(seed);
    IngestReport one;
    IngestReport three;
    try (Indexer indexer = Indexer.builder(dir.resolve("one")).withThreads(1).build()) {
      one = indexer.index(List.of(in));
    }
    try (Indexer indexer = Indexer.builder(dir.resolve("three")).withThreads(3).build()) {
      three = indexer.index(List.of(in));
    }
    assertTrue(one.articles() > 30, "the large file was indexed: " + one.articles());
    assertEquals(one.articles(), three.articles());
    assertEquals(one.passages(), three.passages());
    assertEquals(one.inputBytes(), three.inputBytes());
    assertEquals(one.rejected(), three.rejected(), "same rejections in the same order");
    assertTrue(
        one.rejected().stream().anyMatch(r -> r.reason().startsWith("duplicate article id")),
        "the seed made at least one duplicate: " + one.rejected());
    assertEquals(passageIds(dir.resolve("one")), passageIds(dir.resolve("three")));
  }
}
