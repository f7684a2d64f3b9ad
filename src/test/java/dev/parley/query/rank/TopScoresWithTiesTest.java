package dev.parley.query.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * {@link TopScoresWithTies} keeps the top {@code n} hits by score and every hit that ties with the
 * {@code n}-th, in one pass, counting exactly up to the threshold: pinned on a fixed index of
 * copies (every score tied several times) and on random indexes of several segments, against every
 * match scored.
 */
class TopScoresWithTiesTest {

  @Test
  void keepsEveryHitTiedWithTheLastOfTheWindow() throws IOException {
    // Three distinct texts, each in four documents: scores come in groups of four.
    List<String> texts = new ArrayList<>();
    for (int copy = 0; copy < 4; copy++) {
      texts.add("sanctions talks talks");
      texts.add("sanctions talks");
      texts.add("sanctions");
    }
    try (Directory dir = index(texts, 1);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Query q = or("sanctions", "talks");
      // Window 5: the first group (docs 0, 3, 6, 9) and all of the second (1, 4, 7, 10).
      TopDocs top = searcher.search(q, new TopScoresWithTies(5, 1000));
      assertEquals(List.of(0, 3, 6, 9, 1, 4, 7, 10), docs(top));
      assertEquals(new TotalHits(12, TotalHits.Relation.EQUAL_TO), top.totalHits);
      // Window 4 ends exactly at a group's edge: nothing more.
      assertEquals(List.of(0, 3, 6, 9), docs(searcher.search(q, new TopScoresWithTies(4, 1000))));
      // Counting only up to 2: later hits below the window's last score may be skipped, the
      // hits themselves stay the same and the count is a lower bound.
      TopDocs skipping = searcher.search(q, new TopScoresWithTies(5, 2));
      assertEquals(List.of(0, 3, 6, 9, 1, 4, 7, 10), docs(skipping));
      assertTrue(skipping.totalHits.value <= 12);
      // More room than matches: every match, best first, ties by doc id.
      assertEquals(
          List.of(0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11),
          docs(searcher.search(q, new TopScoresWithTies(50, 1000))));
    }
  }

  @Test
  void sameHitsAsScoringEveryMatchOnRandomIndexes() throws IOException {
    long seed = System.nanoTime();
    System.out.println("TopScoresWithTiesTest seed " + seed);
    Random random = new Random(seed);
    String[] words = {"talks", "sanctions", "summit", "oil", "grain", "envoy"};
    for (int round = 0; round < 40; round++) {
      List<String> texts = new ArrayList<>();
      int distinct = 5 + random.nextInt(40);
      for (int i = 0; i < distinct; i++) {
        StringBuilder t = new StringBuilder();
        for (int w = 0, len = 1 + random.nextInt(5); w < len; w++) {
          t.append(words[random.nextInt(words.length)]).append(' ');
        }
        // Copies of the same text tie; random copy counts spread them over segments.
        for (int c = 0, copies = 1 + random.nextInt(16); c < copies; c++) {
          texts.add(t.toString());
        }
      }
      java.util.Collections.shuffle(texts, random);
      try (Directory dir = index(texts, 1 + random.nextInt(4));
          DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (int k = 0; k < 25; k++) {
          Query q = or(words[random.nextInt(words.length)], words[random.nextInt(words.length)]);
          int n = 1 + random.nextInt(40);
          int threshold = random.nextBoolean() ? 1000 : random.nextInt(30);
          TopDocs all =
              searcher.search(
                  q, new TopScoreDocCollectorManager(texts.size(), null, Integer.MAX_VALUE));
          TopDocs got = searcher.search(q, new TopScoresWithTies(n, threshold));
          String where = "seed " + seed + " round " + round + " n " + n + " " + q;
          assertEquals(expected(all.scoreDocs, n), docs(got), where);
          for (ScoreDoc sd : got.scoreDocs) {
            assertEquals(score(all.scoreDocs, sd.doc), sd.score, where);
          }
          long matches = all.totalHits.value;
          if (got.totalHits.relation == TotalHits.Relation.EQUAL_TO) {
            assertEquals(matches, got.totalHits.value, where);
          } else {
            assertTrue(matches > Math.max(n, threshold), where);
            assertTrue(got.totalHits.value <= matches, where);
          }
          if (matches <= Math.max(n, threshold)) {
            assertEquals(TotalHits.Relation.EQUAL_TO, got.totalHits.relation, where);
          }
        }
      }
    }
  }

  /** Every hit scoring at least the n-th best, best first, ties by doc id. */
  private static List<Integer> expected(ScoreDoc[] all, int n) {
    if (all.length == 0) {
      return List.of();
    }
    float edge = all[Math.min(n, all.length) - 1].score;
    List<Integer> out = new ArrayList<>();
    Arrays.stream(all).filter(sd -> sd.score >= edge).forEach(sd -> out.add(sd.doc));
    return out;
  }

  private static float score(ScoreDoc[] all, int doc) {
    return Arrays.stream(all).filter(sd -> sd.doc == doc).findFirst().orElseThrow().score;
  }

  private static List<Integer> docs(TopDocs top) {
    return Arrays.stream(top.scoreDocs).map(sd -> sd.doc).toList();
  }

  private static Query or(String... words) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Set<String> seen = new TreeSet<>(List.of(words));
    seen.forEach(w -> b.add(new TermQuery(new Term("f", w)), Occur.SHOULD));
    return b.build();
  }

  /** The texts as documents, in order, flushed into about {@code segments} segments. */
  private static Directory index(List<String> texts, int segments) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    IndexWriterConfig config =
        new IndexWriterConfig(new WhitespaceAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter w = new IndexWriter(dir, config)) {
      int per = Math.max(1, (texts.size() + segments - 1) / segments);
      for (int i = 0; i < texts.size(); i++) {
        Document d = new Document();
        d.add(new TextField("f", texts.get(i), Field.Store.NO));
        w.addDocument(d);
        if ((i + 1) % per == 0) {
          w.flush();
        }
      }
    }
    return dir;
  }
}
