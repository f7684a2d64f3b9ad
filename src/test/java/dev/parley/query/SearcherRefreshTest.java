package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Article;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.Paragraph;
import dev.parley.query.result.Hit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of docs/reliability.md with the background refresh: a search started after a commit
 * returned sees it, every time, with no wait in between; and closing stops the refresh thread.
 */
class SearcherRefreshTest {
  @TempDir Path dir;

  private static Article article(String id, String word) {
    return new Article(
        id,
        LocalDate.of(2020, 1, 1),
        null,
        List.of(new Paragraph(0, "Envoys met to discuss " + word + ".", Paragraph.Kind.BODY)),
        "test");
  }

  private static List<String> ids(Searcher searcher, String query) throws IOException {
    return searcher
        .search(SearchRequest.builder(query).withK(50).withPerArticle(0).build())
        .hits()
        .stream()
        .map(Hit::articleId)
        .toList();
  }

  @Test
  void everyCommitIsVisibleToTheNextSearchAtOnce() throws IOException {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println("SearcherRefreshTest: -Dparley.seed=" + seed);
    Random random = new Random(seed);
    Path index = dir.resolve("idx");
    try (Indexer indexer = Indexer.builder(index).build()) {
      indexer.add(article("a0", "tariffs"));
      indexer.commit();
    }
    // A long time limit: a search cut off on a loaded machine would miss hits for another reason.
    try (Searcher searcher =
            Searcher.builder(index).withTimeout(java.time.Duration.ofMinutes(5)).build();
        Indexer indexer = Indexer.builder(index).build()) {
      assertEquals(List.of("a0"), ids(searcher, "tariffs"));
      java.util.Set<String> live = new java.util.TreeSet<>(List.of("a0"));
      for (int i = 1; i <= 40; i++) {
        // Adds, replacements that drop the word, and deletes, each committed and then searched
        // for at once: the search must never see the index as it was before the commit.
        String id = "a" + random.nextInt(i + 1);
        switch (random.nextInt(3)) {
          case 0 -> {
            indexer.add(article(id, "tariffs"));
            live.add(id);
          }
          case 1 -> {
            indexer.add(article(id, "quotas"));
            live.remove(id);
          }
          default -> {
            indexer.delete(id); // an id that is not indexed deletes nothing
            live.remove(id);
          }
        }
        indexer.commit();
        assertEquals(
            List.copyOf(live),
            ids(searcher, "tariffs").stream().sorted().toList(),
            "after commit " + i);
      }
    }
  }

  @Test
  void closingStopsTheBackgroundRefresh() throws IOException {
    Path index = dir.resolve("idx2");
    try (Indexer indexer = Indexer.builder(index).build()) {
      indexer.add(article("b", "tariffs"));
      indexer.commit();
    }
    Searcher searcher = Searcher.open(index);
    assertTrue(refreshThreadAlive(index), "a refresh thread runs while the searcher is open");
    searcher.close();
    assertFalse(refreshThreadAlive(index), "close() stops the refresh thread");
    searcher.close(); // twice is harmless
  }

  private static boolean refreshThreadAlive(Path index) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("parley-refresh " + index) && t.isAlive());
  }
}
