package dev.parley.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.query.fuse.Fusion;
import dev.parley.query.fuse.HybridRanker;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** The dense floor's measurement and the offline ranking with a floor, on fixed inputs. */
class FusionTunerTest {

  /** A unit vector whose cosine with (1, 0) is {@code cosine}. */
  private static float[] at(double cosine) {
    return new float[] {(float) cosine, (float) Math.sqrt(1 - cosine * cosine)};
  }

  /**
   * Docs 0..11 in two segments (0..5 and 6..11); {@code cosines[i]} is doc i's cosine with (1, 0),
   * or NaN for a doc without a vector (an article record).
   */
  private static Directory index(double[] cosines) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w =
        new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < cosines.length; i++) {
        Document d = new Document();
        d.add(new StringField("id", "d" + i, StringField.Store.NO));
        if (!Double.isNaN(cosines[i])) {
          d.add(new KnnFloatVectorField(Fields.VECTOR, at(cosines[i]), Fields.VECTOR_SIMILARITY));
        }
        w.addDocument(d);
        if (i == 5) {
          w.commit();
        }
      }
    }
    return dir;
  }

  @Test
  void medianCosineOfAFixedSampleByHand() throws IOException {
    double nan = Double.NaN;
    double[] cosines = {0.1, nan, 0.3, nan, nan, nan, 0.7, 0.2, 0.9, nan, 0.95, 0.6};
    try (Directory dir = index(cosines);
        DirectoryReader r = DirectoryReader.open(dir)) {
      assertEquals(2, r.leaves().size());
      float[] q = {1, 0};
      // Sample 4 of 12: step 3, multiples 0, 3, 6, 9 -> doc 0 (0.1); 3 finds no vector before its
      // segment ends; doc 6 (0.7); doc 10 (0.95, the first vector at or after 9): upper median 0.7.
      assertEquals(0.7, FusionTuner.medianCosine(r, q, 4), 1e-6);
      // Sample 12: step 1; multiple 9 lands on doc 10, which multiple 10 must not count again:
      // 0.1 0.2 0.3 0.6 0.7 0.9 0.95 -> 0.6 (0.7 if doc 10 counted twice).
      assertEquals(0.6, FusionTuner.medianCosine(r, q, 12), 1e-6);
      // Sample 6: step 2 -> docs 0, 2, 6, 8, 10: 0.1 0.3 0.7 0.9 0.95 -> 0.7; sample 2: step 6,
      // multiples 0, 6 -> 0.1, 0.7 -> upper median 0.7.
      assertEquals(0.7, FusionTuner.medianCosine(r, q, 6), 1e-6);
      assertEquals(0.7, FusionTuner.medianCosine(r, q, 2), 1e-6);
      // Same index, same sample: the same figure every time.
      assertEquals(
          FusionTuner.medianCosine(r, q, 4), FusionTuner.medianCosine(r, q, 4), 0, "repeatable");
    }
    try (Directory dir = index(new double[] {nan, nan, nan});
        DirectoryReader r = DirectoryReader.open(dir)) {
      assertEquals(
          "the index holds no passage vectors",
          assertThrows(
                  IllegalArgumentException.class,
                  () -> FusionTuner.medianCosine(r, new float[] {1, 0}, 4))
              .getMessage());
    }
  }

  @Test
  void theFloorRoundsTheMeasuredMedianToAHundredth() {
    assertEquals(0.74, new FusionTuner.Background(0.7426, 0.70, 0.77, 34).floor());
    assertEquals(0.75, new FusionTuner.Background(0.7471, 0.70, 0.77, 34).floor());
  }

  @Test
  void offlineRankingUsesTheFloorLikeTheSearcher() {
    // The lexical top holds the relevant title; the dense side's cosines all lie in a band just
    // above the floor. Min-max alone lets 0.770 against 0.750 outrank a clear lexical lead.
    List<HybridRanker.Candidate> c =
        List.of(
            new HybridRanker.Candidate(0, "t#0-0", 10f, 0.750f, 1, 3),
            new HybridRanker.Candidate(1, "o#1-1", 8f, 0.770f, 2, 1),
            new HybridRanker.Candidate(2, "x#0-0", 0f, 0.760f, 0, 2));
    var q = new FusionTuner.FusionQuery("dev:q1", "dev", "c", Map.of("t#0", 2, "o#1", 0), c, true);
    assertEquals(List.of("o#1-1", "t#0-0", "x#0-0"), FusionTuner.ranking(q, 0.4, true));
    assertEquals(
        List.of("o#1-1", "t#0-0", "x#0-0"), FusionTuner.ranking(q, 0.4, Fusion.NO_FLOOR, true));
    assertEquals(List.of("t#0-0", "o#1-1", "x#0-0"), FusionTuner.ranking(q, 0.4, 0.74, true));
    assertEquals(1.0, FusionTuner.ndcg(q, 0.4, 0.74, true), 1e-9);
    assertEquals(1 / (Math.log(3) / Math.log(2)), FusionTuner.ndcg(q, 0.4, true), 1e-9);
  }
}
