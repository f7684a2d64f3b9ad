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
 * Ranking alone ({@link Searcher#passageIds}) starts from a narrower window of top passages than
 * the full answer (it counts nothing), so it must give exactly the passages {@link Searcher#search}
 * returns: pinned for random queries, pages, per-article limits and folding over articles with many
 * matching passages each (the limit discards most of a narrow window) and near-identical passages
 * across articles (folding discards them).
 */
class RankingAloneTest {
  static Directory dir;
  static Searcher searcher;
  static final String[] WORDS = {
    "talks", "sanctions", "summit", "minister", "trade", "grain", "embargo", "treaty", "envoy",
    "ceasefire", "oil", "tariff", "wheat", "nuclear", "arms", "vote", "border", "aid"
  };

  @BeforeAll
  static void build() throws IOException {
    dir = new ByteBuffersDirectory();
    Random random = new Random(42);
    try (Indexer indexer = Indexer.builder(Path.of("mem")).withDirectory(dir).build()) {
      for (int a = 0; a < 40; a++) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
          StringBuilder text = new StringBuilder("The officials said");
          for (int w = 0; w < 12; w++) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
          }
          paragraphs.add(new Paragraph(p, text.append('.').toString(), Paragraph.Kind.BODY));
        }
        if (a % 5 == 0) {
          // The same wire paragraph in several articles: folded into one hit.
          paragraphs.add(
              new Paragraph(
                  8,
                  "Ministers agreed on sanctions and an oil embargo at the summit, envoys said.",
                  Paragraph.Kind.BODY));
        }
        indexer.add(
            new Article(
                "a" + a, LocalDate.of(1987, 1, 1).plusDays(a % 7), null, paragraphs, "test"));
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
  void rankingAloneGivesTheFullAnswersPassages() throws IOException {
    long seed = System.nanoTime();
    System.out.println("RankingAloneTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 300; i++) {
      StringBuilder q = new StringBuilder();
      for (int w = 0, n = 1 + random.nextInt(3); w < n; w++) {
        q.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      SearchRequest request =
          SearchRequest.builder(q.toString().trim())
              .withK(1 + random.nextInt(15))
              .withOffset(random.nextInt(3) == 0 ? random.nextInt(20) : 0)
              .withPerArticle(random.nextInt(4))
              .withCollapse(random.nextBoolean())
              .build();
      List<String> full = searcher.search(request).hits().stream().map(Hit::passageId).toList();
      assertEquals(full, searcher.passageIds(request), () -> "seed " + seed + ": " + request);
    }
  }
}
