package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.indexer.Article;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.Paragraph;
import dev.parley.query.result.Hit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An index that holds every article several times (as {@code bench --scale} writes it: copy k is
 * {@code id~k}, k years later) ties nearly every score in groups of copies, so the window of top
 * passages almost always ends inside a group. The page must still be the one that ranking every
 * match by (score, passage id) gives: pinned on fixed queries (exact top passages) and on random
 * requests (pages, per-article limits, folding) against the whole list of matches.
 */
class TiedCopiesRankingTest {
  static final int COPIES = 6;
  static Directory dir;
  static Searcher searcher;
  static final String[] WORDS = {
    "talks",
    "sanctions",
    "summit",
    "minister",
    "trade",
    "grain",
    "embargo",
    "treaty",
    "envoy",
    "ceasefire",
    "oil",
    "tariff"
  };

  @BeforeAll
  static void build() throws IOException {
    dir = new ByteBuffersDirectory();
    Random random = new Random(7);
    List<Article> originals = new ArrayList<>();
    for (int a = 0; a < 12; a++) {
      List<Paragraph> paragraphs = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        StringBuilder text = new StringBuilder("The officials said");
        for (int w = 0; w < 6; w++) {
          text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        paragraphs.add(new Paragraph(p, text.append('.').toString(), Paragraph.Kind.BODY));
      }
      originals.add(new Article("r" + a, LocalDate.of(1987, 3, 1 + a), null, paragraphs, "test"));
    }
    try (Indexer indexer = Indexer.builder(Path.of("mem")).withDirectory(dir).build()) {
      for (Article o : originals) {
        for (int k = 0; k < COPIES; k++) {
          indexer.add(
              new Article(
                  k == 0 ? o.id() : o.id() + "~" + k,
                  o.date().plusYears(k),
                  null,
                  o.paragraphs(),
                  "test"));
        }
      }
    }
    searcher = Searcher.builder(Path.of("mem")).withDirectory(dir).build();
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
    dir.close();
  }

  @Test
  void aPageEndingInsideAGroupOfCopiesListsThemByPassageId() throws IOException {
    // The best passage for "grain" exists in six copies with one score: a page of 4 cuts that
    // group; passage ids order the copies (r3 < r3~1 < ... as strings).
    SearchRequest request = SearchRequest.builder("grain").withK(4).withPerArticle(0).build();
    List<Hit> hits = searcher.search(request).hits();
    List<Hit> all =
        searcher.search(SearchRequest.builder("grain").withK(200).withPerArticle(0).build()).hits();
    assertEquals(ids(all).subList(0, 4), ids(hits));
    for (int i = 1; i < 4; i++) {
      assertEquals(hits.get(0).score(), hits.get(i).score(), 0f, "copies tie: " + ids(hits));
    }
    List<String> sorted = new ArrayList<>(ids(hits));
    java.util.Collections.sort(sorted);
    assertEquals(sorted, ids(hits), "a group of tied copies is in passage-id order");
    assertEquals(ids(hits), searcher.passageIds(request));
  }

  @Test
  void everyPageIsTheSliceOfTheWholeRankedList() throws IOException {
    long seed = System.nanoTime();
    System.out.println("TiedCopiesRankingTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 200; i++) {
      StringBuilder q = new StringBuilder();
      for (int w = 0, n = 1 + random.nextInt(3); w < n; w++) {
        q.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      int perArticle = random.nextInt(3);
      boolean collapse = random.nextInt(4) == 0;
      int k = 1 + random.nextInt(12);
      int offset = random.nextInt(3) == 0 ? random.nextInt(20) : 0;
      SearchRequest request =
          SearchRequest.builder(q.toString().trim())
              .withK(k)
              .withOffset(offset)
              .withPerArticle(perArticle)
              .withCollapse(collapse)
              .build();
      // The whole list: a window wider than every match, so no tie can sit at its edge.
      SearchRequest whole =
          SearchRequest.builder(q.toString().trim())
              .withK(1000)
              .withPerArticle(perArticle)
              .withCollapse(collapse)
              .build();
      List<Hit> all = searcher.search(whole).hits();
      List<Hit> page = searcher.search(request).hits();
      List<Hit> slice = all.subList(Math.min(offset, all.size()), Math.min(offset + k, all.size()));
      String where = "seed " + seed + ": " + request;
      assertEquals(ids(slice), ids(page), where);
      assertEquals(
          slice.stream().map(Hit::score).toList(), page.stream().map(Hit::score).toList(), where);
      assertEquals(ids(slice), searcher.passageIds(request), where);
    }
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(Hit::passageId).toList();
  }
}
