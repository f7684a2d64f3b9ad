package dev.parley.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The number of indexing threads changes nothing users can see. */
class ParallelIndexingTest {
  @TempDir Path dir;

  @Test
  void oneAndFourThreadsGiveTheSameIndexAndRejectionsInInputOrder() throws IOException {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "ParallelIndexingTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    for (int i = 0; i < 300; i++) {
      StringBuilder b =
          new StringBuilder(
              "date 2019-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9) + " ");
      RandomArticles.appendParagraphs(b, random, 5, 30);
      Files.writeString(
          in.resolve(String.format("a%03d.txt", i)), i % 37 == 5 ? "no date\n" : b.toString());
    }
    IngestReport one = index(dir.resolve("one"), in, 1);
    IngestReport four = index(dir.resolve("four"), in, 4);
    // Files 5, 42, ..., 264 (every 37th from 5: 8 files) have no date line and are rejected;
    // without these counts an indexer rejecting nothing (or everything) would pass.
    assertEquals(8, one.rejected().size(), one.rejected().toString());
    assertEquals(292, one.articles());
    assertEquals(one.articles(), four.articles());
    assertEquals(one.passages(), four.passages());
    assertEquals(one.rejected(), four.rejected());
    assertEquals(
        one.rejected().stream().map(Rejection::source).sorted().toList(),
        one.rejected().stream().map(Rejection::source).toList());
    for (String q : List.of("sanctions Iran", "summit leaders talks", "\"nuclear envoy\"", "")) {
      SearchRequest request = SearchRequest.builder(q).withK(50).withPerArticle(0).build();
      assertEquals(
          ids(dir.resolve("one"), request),
          ids(dir.resolve("four"), request),
          "query " + q + " seed " + seed);
    }
  }

  private static IngestReport index(Path index, Path in, int threads) throws IOException {
    try (Indexer indexer =
        Indexer.builder(index).withThreads(threads).withCommitEvery(40).build()) {
      return indexer.index(List.of(in));
    }
  }

  private static List<String> ids(Path index, SearchRequest request) throws IOException {
    try (Searcher s = Searcher.open(index)) {
      return s.search(request).hits().stream().map(h -> h.passageId() + "@" + h.score()).toList();
    }
  }
}
