package dev.parley.query.fuse;

import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

/**
 * Gathers the candidates of a hybrid search and fuses their scores (see {@link Fusion}).
 *
 * <p>The lexical side is the first-stage query's top passages (ties by passage id, like every
 * ranked list); the dense side is Lucene's filtered kNN search over the passage vectors, with the
 * request's filters (dates, entities, exclusions, and with {@code MatchMode.ALL} the query's
 * required words) so both sides obey the same request. Every candidate then gets both scores:
 * lexical scores of dense-only candidates come from the same query's scorer (0 when they do not
 * match it), and every candidate's cosine is read from its stored vector, exactly.
 *
 * <p>Thread safety: stateless.
 */
public final class HybridRanker {
  private HybridRanker() {}

  /** Matches of the lexical side are counted exactly up to this many (as in passage ranking). */
  private static final int TOTAL_HITS_THRESHOLD = 1000;

  private static final Sort BY_SCORE_THEN_ID =
      new Sort(SortField.FIELD_SCORE, new SortField(Fields.PASSAGE_ID, SortField.Type.STRING));

  /**
   * One candidate passage.
   *
   * @param doc index doc id
   * @param passageId passage id
   * @param lexical first-stage score, 0 when the passage does not match the lexical query
   * @param cosine cosine of the passage's vector with the query's
   * @param lexicalRank rank on the lexical side from 1, or 0 when not in its top
   * @param denseRank rank on the dense side from 1, or 0 when not in its top
   */
  public record Candidate(
      int doc, String passageId, float lexical, float cosine, int lexicalRank, int denseRank) {}

  /**
   * The candidates of one query, in doc id order.
   *
   * @param candidates the candidates
   * @param lexicalMatches passages that matched the lexical query (exact up to 1000, a lower bound
   *     beyond)
   * @param denseOnly candidates that do not match the lexical query at all
   */
  public record Candidates(List<Candidate> candidates, long lexicalMatches, int denseOnly) {
    /** Matches in all: lexical matches plus the dense candidates that matched no word. */
    public long totalHits() {
      return lexicalMatches + denseOnly;
    }
  }

  /**
   * Collects candidates.
   *
   * @param lexical the first-stage query with its filters
   * @param denseFilter what a dense candidate must match (filters, exclusions), or null for none
   * @param queryVector the query's unit vector
   * @param lexicalDepth lexical candidates
   * @param denseDepth dense candidates (0 for the re-scoring design)
   * @throws IOException on a read error
   */
  public static Candidates collect(
      IndexSearcher searcher,
      Query lexical,
      Query denseFilter,
      float[] queryVector,
      int lexicalDepth,
      int denseDepth)
      throws IOException {
    TopFieldDocs lex =
        searcher.search(
            lexical,
            new TopFieldCollectorManager(
                BY_SCORE_THEN_ID, lexicalDepth, null, TOTAL_HITS_THRESHOLD, false));
    Map<Integer, float[]> byDoc = new HashMap<>(); // doc -> {lexical, lexicalRank, denseRank}
    Map<Integer, String> ids = new HashMap<>();
    for (int i = 0; i < lex.scoreDocs.length; i++) {
      FieldDoc fd = (FieldDoc) lex.scoreDocs[i];
      byDoc.put(fd.doc, new float[] {(Float) fd.fields[0], i + 1, 0});
      ids.put(fd.doc, ((BytesRef) fd.fields[1]).utf8ToString());
    }
    if (denseDepth > 0) {
      TopDocs knn =
          searcher.search(
              new KnnFloatVectorQuery(Fields.VECTOR, queryVector, denseDepth, denseFilter),
              denseDepth);
      for (int i = 0; i < knn.scoreDocs.length; i++) {
        float[] v = byDoc.computeIfAbsent(knn.scoreDocs[i].doc, d -> new float[] {Float.NaN, 0, 0});
        v[2] = i + 1;
      }
    }
    int[] docs = byDoc.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    float[] lexicalScores = new float[docs.length];
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < docs.length; i++) {
      lexicalScores[i] = byDoc.get(docs[i])[0];
      if (Float.isNaN(lexicalScores[i])) {
        missing.add(i);
      }
    }
    int denseOnly = scoreMissing(searcher, lexical, docs, lexicalScores, missing);
    float[] cosines = cosines(searcher, docs, queryVector);
    String[] passageIds = passageIds(searcher, docs, ids);
    List<Candidate> out = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      float[] v = byDoc.get(docs[i]);
      out.add(
          new Candidate(
              docs[i], passageIds[i], lexicalScores[i], cosines[i], (int) v[1], (int) v[2]));
    }
    return new Candidates(out, lex.totalHits.value, denseOnly);
  }

  /**
   * Lexical scores of the dense-only candidates (doc ids ascending), one scorer per segment, the
   * way Lucene's QueryRescorer does; 0 for those the query does not match.
   *
   * @return how many matched nothing
   */
  private static int scoreMissing(
      IndexSearcher searcher, Query lexical, int[] docs, float[] scores, List<Integer> missing)
      throws IOException {
    if (missing.isEmpty()) {
      return 0;
    }
    Weight weight = searcher.createWeight(searcher.rewrite(lexical), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int unmatched = 0;
    LeafReaderContext leaf = null;
    Scorer scorer = null;
    for (int i : missing) {
      int doc = docs[i];
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        scorer = weight.scorer(leaf);
      }
      int target = doc - leaf.docBase;
      DocIdSetIterator it = scorer == null ? null : scorer.iterator();
      boolean matches =
          it != null
              && (it.docID() == target || (it.docID() < target && it.advance(target) == target));
      scores[i] = matches ? scorer.score() : 0f;
      if (!matches) {
        unmatched++;
      }
    }
    return unmatched;
  }

  /** Cosine (dot product of unit vectors) of each doc's vector with the query's; docs ascending. */
  private static float[] cosines(IndexSearcher searcher, int[] docs, float[] query)
      throws IOException {
    float[] out = new float[docs.length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = null;
    FloatVectorValues values = null;
    for (int i = 0; i < docs.length; i++) {
      if (leaf == null || docs[i] >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
        values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
      }
      int target = docs[i] - leaf.docBase;
      boolean has =
          values != null
              && (values.docID() == target
                  || (values.docID() < target && values.advance(target) == target));
      out[i] = has ? VectorUtil.dotProduct(query, values.vectorValue()) : 0f;
    }
    return out;
  }

  private static String[] passageIds(IndexSearcher searcher, int[] docs, Map<Integer, String> known)
      throws IOException {
    String[] out = new String[docs.length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (int i = 0; i < docs.length; i++) {
      out[i] = known.get(docs[i]);
      if (out[i] == null) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
        var values = leaf.reader().getSortedDocValues(Fields.PASSAGE_ID);
        int target = docs[i] - leaf.docBase;
        out[i] =
            values.advanceExact(target) ? values.lookupOrd(values.ordValue()).utf8ToString() : "";
      }
    }
    return out;
  }

  /**
   * Fused scores of {@code candidates} (same order): {@code weight × lexical + (1 − weight) ×
   * cosine}, each part min-max normalised over the candidates, with no floor (the dense side's
   * confidence is 1). A part with one positive value for every candidate counts as 1 for all (it
   * tells them apart no more than it does); a part that is 0 (or below) everywhere counts as 0:
   * when no candidate holds a query word, the lexical part adds nothing, so a query of unknown
   * words cannot score like a perfect match.
   */
  public static double[] fuse(List<Candidate> candidates, double weight) {
    return fuse(candidates, weight, Fusion.NO_FLOOR, Integer.MAX_VALUE);
  }

  /**
   * Fused scores as {@link #fuse(List, double)}, with each part's minimum and maximum taken over
   * the <em>head</em> only: the candidates ranked within the top {@code head} of either side. So a
   * passage's fused score does not depend on how deep the request reaches (a page of 10 and an
   * evaluation run asking for 1000 fuse the head the same way); deeper candidates fall below 0.
   */
  public static double[] fuse(List<Candidate> candidates, double weight, int head) {
    return fuse(candidates, weight, Fusion.NO_FLOOR, head);
  }

  /**
   * Fused scores with a floor (see {@link Fusion}): {@code weight × lexical + (1 − weight) ×
   * confidence × cosine}, both parts min-max normalised over the head, the confidence that of
   * {@link #confidence(List, double, int)}.
   *
   * @param floor the model's cosine for an unrelated passage, or {@link Fusion#NO_FLOOR}
   */
  public static double[] fuse(List<Candidate> candidates, double weight, double floor, int head) {
    double[] lexical = lexicalNormalised(candidates, head);
    double[] cosine = cosineNormalised(candidates, head);
    double dense = (1 - weight) * confidence(candidates, floor, head);
    double[] out = new double[candidates.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = weight * lexical[i] + dense * cosine[i];
    }
    return out;
  }

  /** Fused scores with {@code fusion}'s weight and floor, its depth as the head. */
  public static double[] fuse(List<Candidate> candidates, Fusion fusion) {
    return fuse(candidates, fusion.weight(), fusion.floor(), fusion.depth());
  }

  /**
   * How far the dense side's best match rises above the model's cosine for an unrelated passage:
   * {@code clamp((best cosine in the head − floor) / (1 − floor), 0, 1)}; 1 with {@link
   * Fusion#NO_FLOOR} or no candidates. Min-max normalisation stretches any band of cosines to [0,
   * 1]; this says how much that stretched band is worth.
   *
   * @throws IllegalArgumentException for {@link Fusion#MODEL_FLOOR}: which model's floor it stands
   *     for is known only with an index ({@link Fusion#forModel})
   */
  public static double confidence(List<Candidate> candidates, double floor, int head) {
    if (Double.isNaN(floor)) {
      throw new IllegalArgumentException(
          "the fusion's floor is the index model's: resolve it with Fusion.forModel(model) first");
    }
    if (floor == Fusion.NO_FLOOR || candidates.isEmpty()) {
      return 1;
    }
    return Math.max(0, Math.min(1, (bestCosine(candidates, head) - floor) / (1 - floor)));
  }

  /** The highest cosine among the head's candidates (all candidates when none is in the head). */
  public static double bestCosine(List<Candidate> candidates, int head) {
    boolean[] in = inHead(candidates, head);
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < in.length; i++) {
      if (in[i]) {
        best = Math.max(best, candidates.get(i).cosine());
      }
    }
    return best;
  }

  /** The lexical part of {@link #fuse(List, double, int)}, same order. */
  public static double[] lexicalNormalised(List<Candidate> candidates, int head) {
    return normalised(
        candidates.stream().mapToDouble(Candidate::lexical).toArray(), inHead(candidates, head));
  }

  /** The dense part of {@link #fuse(List, double, int)}, same order. */
  public static double[] cosineNormalised(List<Candidate> candidates, int head) {
    return normalised(
        candidates.stream().mapToDouble(Candidate::cosine).toArray(), inHead(candidates, head));
  }

  /** Which candidates rank within the top {@code head} of a side (all when none does). */
  private static boolean[] inHead(List<Candidate> candidates, int head) {
    boolean[] in = new boolean[candidates.size()];
    boolean any = false;
    for (int i = 0; i < in.length; i++) {
      Candidate c = candidates.get(i);
      in[i] =
          (c.lexicalRank() > 0 && c.lexicalRank() <= head)
              || (c.denseRank() > 0 && c.denseRank() <= head);
      any |= in[i];
    }
    if (!any) {
      Arrays.fill(in, true);
    }
    return in;
  }

  /** Min-max normalisation to [0, 1]. */
  public static double[] normalised(double[] values) {
    boolean[] all = new boolean[values.length];
    Arrays.fill(all, true);
    return normalised(values, all);
  }

  /**
   * Min-max normalisation with the bounds taken over the values marked {@code bounds}; when those
   * are all equal, 1 for every value if they are positive, else 0 (nothing matched).
   */
  static double[] normalised(double[] values, boolean[] bounds) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      if (bounds[i]) {
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
    }
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = max > min ? (values[i] - min) / (max - min) : max > 0 ? 1 : 0;
    }
    return out;
  }

  /**
   * The candidates as a ranked list for passage ranking: fused score high first, ties by passage
   * id; each entry a {@link FieldDoc} with fields {score, passage id} like a first-stage list.
   */
  public static ScoreDoc[] ranked(List<Candidate> candidates, double[] fused) {
    Integer[] order = new Integer[candidates.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Double.compare(fused[b], fused[a]);
          return c != 0
              ? c
              : candidates.get(a).passageId().compareTo(candidates.get(b).passageId());
        });
    ScoreDoc[] out = new ScoreDoc[order.length];
    for (int i = 0; i < order.length; i++) {
      Candidate c = candidates.get(order[i]);
      float s = (float) fused[order[i]];
      out[i] = new FieldDoc(c.doc(), s, new Object[] {s, new BytesRef(c.passageId())});
    }
    return out;
  }
}
