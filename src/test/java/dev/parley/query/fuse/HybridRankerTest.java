package dev.parley.query.fuse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.embed.DenseModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The fusion arithmetic, by hand on fixed candidates and as properties on random ones. */
class HybridRankerTest {

  static HybridRanker.Candidate c(int doc, String id, float lexical, float cosine) {
    return new HybridRanker.Candidate(doc, id, lexical, cosine, lexical > 0 ? 1 : 0, 1);
  }

  @Test
  void minMaxInterpolationByHand() {
    List<HybridRanker.Candidate> cs =
        List.of(c(0, "a#0-0", 10f, 0.80f), c(1, "b#0-0", 5f, 0.90f), c(2, "c#0-0", 0f, 0.70f));
    // lexical: 1, 0.5, 0; cosine: 0.5, 1, 0
    assertArrayEquals(
        new double[] {0.4 * 1 + 0.6 * 0.5, 0.4 * 0.5 + 0.6 * 1, 0},
        HybridRanker.fuse(cs, 0.4),
        1e-6);
    assertArrayEquals(new double[] {1, 0.5, 0}, HybridRanker.fuse(cs, 1.0), 1e-6);
  }

  @Test
  void aPartThatIsEqualEverywhereCountsAsOne() {
    assertArrayEquals(new double[] {1, 1}, HybridRanker.normalised(new double[] {3, 3}), 0);
    assertArrayEquals(new double[] {}, HybridRanker.normalised(new double[] {}), 0);
  }

  @Test
  void aPartThatMatchedNothingCountsAsZero() {
    assertArrayEquals(new double[] {0, 0}, HybridRanker.normalised(new double[] {0, 0}), 0);
    assertArrayEquals(new double[] {0, 0}, HybridRanker.normalised(new double[] {-1, -1}), 0);
    // No candidate holds a query word (a query of unknown words): only the dense part scores, so
    // the best fused score is the dense share, never 1 (the reviewer's 'xylophone zebra').
    List<HybridRanker.Candidate> cs = List.of(c(0, "a#0-0", 0f, 0.80f), c(1, "b#0-0", 0f, 0.90f));
    assertArrayEquals(new double[] {0, 0.45}, HybridRanker.fuse(cs, 0.55), 1e-6);
  }

  @Test
  void theHeadFusesTheSameWhateverTheDepth() {
    // A page of 10 asks each side for its top 100; an evaluation asking for 1000 gets 3000 per
    // side. The head's fused scores must not move when deeper candidates join.
    long seed = System.nanoTime();
    System.out.println("HybridRankerTest head seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 100; round++) {
      int head = 1 + random.nextInt(20);
      int deep = head + random.nextInt(40);
      List<HybridRanker.Candidate> all = new ArrayList<>();
      float lexical = 30;
      for (int rank = 1; rank <= deep; rank++) {
        lexical -= random.nextFloat();
        all.add(
            new HybridRanker.Candidate(
                rank,
                "p" + rank + "#0-0",
                lexical,
                random.nextFloat(),
                rank,
                random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(deep)));
      }
      List<HybridRanker.Candidate> shallow =
          all.stream()
              .filter(c -> c.lexicalRank() <= head || (c.denseRank() > 0 && c.denseRank() <= head))
              .toList();
      double w = random.nextDouble();
      double floor = random.nextBoolean() ? Fusion.NO_FLOOR : random.nextDouble() * 2 - 1;
      double[] deepFused = HybridRanker.fuse(all, w, floor, head);
      double[] shallowFused = HybridRanker.fuse(shallow, w, floor, head);
      for (int i = 0; i < shallow.size(); i++) {
        assertEquals(
            shallowFused[i], deepFused[all.indexOf(shallow.get(i))], 1e-12, "seed " + seed);
      }
    }
    // By hand: the head is a and b; c (rank 3 on both sides) falls below 0.
    List<HybridRanker.Candidate> cs =
        List.of(
            new HybridRanker.Candidate(0, "a#0-0", 10f, 0.8f, 1, 2),
            new HybridRanker.Candidate(1, "b#0-0", 6f, 0.9f, 2, 1),
            new HybridRanker.Candidate(2, "c#0-0", 2f, 0.4f, 3, 3));
    assertArrayEquals(
        new double[] {0.5 * 1 + 0.5 * 0, 0.5 * 0 + 0.5 * 1, 0.5 * -1 + 0.5 * -4},
        HybridRanker.fuse(cs, 0.5, 2),
        1e-6);
  }

  @Test
  void rankedBreaksTiesByPassageId() {
    List<HybridRanker.Candidate> cs =
        List.of(c(7, "z#0-0", 1f, 0.5f), c(3, "b#0-0", 1f, 0.5f), c(5, "m#1-1", 2f, 0.9f));
    ScoreDoc[] ranked = HybridRanker.ranked(cs, HybridRanker.fuse(cs, 0.4));
    assertEquals(List.of(5, 3, 7), List.of(ranked[0].doc, ranked[1].doc, ranked[2].doc));
    assertEquals(new BytesRef("b#0-0"), ((FieldDoc) ranked[1]).fields[1]);
  }

  @Test
  void fusedScoresStayInRangeAndSortedOnRandomInput() {
    long seed = System.nanoTime();
    System.out.println("HybridRankerTest seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      List<HybridRanker.Candidate> cs = new ArrayList<>();
      int n = 1 + random.nextInt(50);
      for (int i = 0; i < n; i++) {
        cs.add(
            c(
                i,
                "a" + random.nextInt(10) + "#" + i + "-" + i,
                random.nextInt(4) == 0 ? 0f : random.nextFloat() * 20,
                random.nextFloat() * 2 - 1));
      }
      double w = random.nextDouble();
      double[] fused = HybridRanker.fuse(cs, w);
      for (double f : fused) {
        assertTrue(f >= -1e-9 && f <= 1 + 1e-9, "seed " + seed + ": " + f);
      }
      ScoreDoc[] ranked = HybridRanker.ranked(cs, fused);
      for (int i = 1; i < ranked.length; i++) {
        FieldDoc a = (FieldDoc) ranked[i - 1];
        FieldDoc b = (FieldDoc) ranked[i];
        assertTrue(
            a.score > b.score
                || (a.score == b.score
                    && ((BytesRef) a.fields[1]).compareTo((BytesRef) b.fields[1]) < 0)
                || fusedOf(cs, fused, a.doc) > fusedOf(cs, fused, b.doc),
            "seed " + seed);
      }
    }
  }

  private static double fusedOf(List<HybridRanker.Candidate> cs, double[] fused, int doc) {
    for (int i = 0; i < cs.size(); i++) {
      if (cs.get(i).doc() == doc) {
        return fused[i];
      }
    }
    throw new AssertionError(doc);
  }

  @Test
  void fusionValidatesItsValues() {
    assertEquals(
        "fusion weight must be in [0, 1], got: 1.5",
        assertThrows(IllegalArgumentException.class, () -> Fusion.learned().withWeight(1.5))
            .getMessage());
    assertEquals(
        "fusion depth must be in [1, 10000], got: 0",
        assertThrows(
                IllegalArgumentException.class, () -> new Fusion(0.5, 0, Fusion.Candidates.UNION))
            .getMessage());
  }

  @Test
  void eachDesignShipsTheShareItLearned() {
    // docs/quality.md, fourth round: tune --fusion measures the floor 0.74 without judgments and
    // learns 0.40 for the union with it (every fold); re-scoring keeps 0.40 and no floor; both at
    // depth 100.
    assertEquals(
        new Fusion(0.4, 100, Fusion.Candidates.UNION, Fusion.MODEL_FLOOR), Fusion.learned());
    assertEquals(0.74, Fusion.learned().forModel(DenseModel.E5_SMALL_V2).floor());
    assertEquals(0.43, Fusion.learned().forModel(DenseModel.BGE_SMALL_EN_V15).floor());
    assertEquals(0.5, Fusion.learned().withFloor(0.5).forModel(DenseModel.E5_SMALL_V2).floor());
    assertEquals(
        Fusion.NO_FLOOR, Fusion.learnedRescore().forModel(DenseModel.BGE_SMALL_EN_V15).floor());
    assertEquals(
        new Fusion(0.4, 100, Fusion.Candidates.RESCORE, Fusion.NO_FLOOR), Fusion.learnedRescore());
    assertEquals(Fusion.NO_FLOOR, new Fusion(0.5, 10, Fusion.Candidates.UNION).floor());
    Fusion e5 = Fusion.learned().forModel(DenseModel.E5_SMALL_V2);
    assertEquals(0.74, e5.withWeight(0.3).floor());
    assertEquals(0.3, e5.withFloor(0.3).floor());
    assertEquals(0.74, e5.withCandidates(Fusion.Candidates.RESCORE).floor());
  }

  @Test
  void fusionValidatesItsFloor() {
    for (double bad : new double[] {1, 1.5, -1.01, Double.POSITIVE_INFINITY}) {
      assertEquals(
          "fusion floor must be in [-1, 1), Fusion.NO_FLOOR or Fusion.MODEL_FLOOR, got: " + bad,
          assertThrows(IllegalArgumentException.class, () -> Fusion.learned().withFloor(bad))
              .getMessage());
    }
    assertEquals(-1, Fusion.learned().withFloor(-1).floor());
    // The model's floor is known only with an index: fusing with it unresolved is a bug, said so.
    assertEquals(
        "the fusion's floor is the index model's: resolve it with Fusion.forModel(model) first",
        assertThrows(
                IllegalArgumentException.class,
                () -> HybridRanker.fuse(List.of(c(0, "a#0-0", 1f, 0.9f)), Fusion.learned()))
            .getMessage());
  }

  @Test
  void confidenceByHand() {
    // Best cosine 0.90 with the floor 0.74: (0.90 - 0.74) / (1 - 0.74) = 0.6154.
    List<HybridRanker.Candidate> cs =
        List.of(c(0, "a#0-0", 10f, 0.80f), c(1, "b#0-0", 5f, 0.90f), c(2, "c#0-0", 0f, 0.70f));
    double conf = (0.90 - 0.74) / (1 - 0.74);
    assertEquals(conf, HybridRanker.confidence(cs, 0.74, Integer.MAX_VALUE), 1e-6);
    // lexical: 1, 0.5, 0; cosine: 0.5, 1, 0
    assertArrayEquals(
        new double[] {0.4 * 1 + 0.6 * conf * 0.5, 0.4 * 0.5 + 0.6 * conf * 1, 0},
        HybridRanker.fuse(cs, 0.4, 0.74, Integer.MAX_VALUE),
        1e-6);
    assertArrayEquals(
        HybridRanker.fuse(cs, 0.4, 0.74, 100),
        HybridRanker.fuse(cs, Fusion.learned().forModel(DenseModel.E5_SMALL_V2)),
        0);
    // Clamped: a best cosine at or below the floor gives 0 (the lexical ranking alone), one of 1
    // gives 1; no floor gives 1 whatever the cosines.
    assertEquals(0, HybridRanker.confidence(cs, 0.95, Integer.MAX_VALUE));
    assertEquals(0, HybridRanker.confidence(cs, 0.90, Integer.MAX_VALUE));
    assertEquals(1, HybridRanker.confidence(List.of(c(0, "a#0-0", 1f, 1f)), 0.74, 100), 1e-6);
    assertEquals(1, HybridRanker.confidence(cs, Fusion.NO_FLOOR, Integer.MAX_VALUE));
    assertEquals(1, HybridRanker.confidence(List.of(), 0.74, 100));
    assertArrayEquals(
        new double[] {0.4, 0.2, 0}, HybridRanker.fuse(cs, 0.4, 0.95, Integer.MAX_VALUE), 1e-6);
  }

  @Test
  void aPoorDenseSideNoLongerReordersTheLexicalRanking() {
    // Every cosine lies in a narrow band just above the floor (the nearest passage is barely
    // closer than an arbitrary one): min-max alone stretches 0.75..0.77 to 0..1 and lets it beat a
    // clear lexical gap; with the floor the dense part is worth (0.77 - 0.74) / 0.26 = 0.115 of
    // its share, and the lexical order stands.
    List<HybridRanker.Candidate> poor =
        List.of(
            c(0, "title#0-0", 10f, 0.750f),
            c(1, "other#1-1", 8f, 0.770f),
            c(2, "x#0-0", 0f, 0.76f));
    assertEquals(List.of(1, 0, 2), order(poor, HybridRanker.fuse(poor, 0.4)));
    assertEquals(
        List.of(0, 1, 2), order(poor, HybridRanker.fuse(poor, 0.4, 0.74, Integer.MAX_VALUE)));
    // A confident dense side (best cosine 0.93) still reorders the same lexical scores.
    List<HybridRanker.Candidate> clear =
        List.of(
            c(0, "title#0-0", 10f, 0.750f),
            c(1, "other#1-1", 8f, 0.930f),
            c(2, "x#0-0", 0f, 0.74f));
    assertEquals(
        List.of(1, 0, 2), order(clear, HybridRanker.fuse(clear, 0.4, 0.74, Integer.MAX_VALUE)));
  }

  private static List<Integer> order(List<HybridRanker.Candidate> cs, double[] fused) {
    return java.util.Arrays.stream(HybridRanker.ranked(cs, fused)).map(sd -> sd.doc).toList();
  }

  @Test
  void theFloorOnlyScalesTheDensePartOnRandomInput() {
    long seed = System.nanoTime();
    System.out.println("HybridRankerTest floor seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      List<HybridRanker.Candidate> cs = new ArrayList<>();
      int n = 1 + random.nextInt(50);
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        float cosine = random.nextFloat() * 2 - 1;
        best = Math.max(best, cosine);
        cs.add(
            c(i, "a" + i + "#0-0", random.nextInt(4) == 0 ? 0f : random.nextFloat() * 20, cosine));
      }
      double w = random.nextDouble();
      double floor = random.nextDouble() * 2 - 1;
      double conf = Math.max(0, Math.min(1, (best - floor) / (1 - floor)));
      assertEquals(
          conf, HybridRanker.confidence(cs, floor, Integer.MAX_VALUE), 1e-6, "seed " + seed);
      double[] plain = HybridRanker.fuse(cs, w);
      double[] floored = HybridRanker.fuse(cs, w, floor, Integer.MAX_VALUE);
      assertArrayEquals(
          plain, HybridRanker.fuse(cs, w, Fusion.NO_FLOOR, Integer.MAX_VALUE), 0, "seed " + seed);
      double[] lex = HybridRanker.lexicalNormalised(cs, Integer.MAX_VALUE);
      double[] cos = HybridRanker.cosineNormalised(cs, Integer.MAX_VALUE);
      for (int i = 0; i < n; i++) {
        assertEquals(w * lex[i] + (1 - w) * conf * cos[i], floored[i], 1e-9, "seed " + seed);
        assertTrue(floored[i] <= plain[i] + 1e-12, "seed " + seed);
        assertTrue(floored[i] >= w * lex[i] - 1e-12, "seed " + seed);
      }
    }
  }
}
