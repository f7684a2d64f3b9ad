package dev.parley.query.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Collects the top {@code n} hits by score <b>and every hit that ties with the {@code n}-th</b>, in
 * one pass: what a list ranked by (score, passage id) needs to cut its top {@code n} exactly,
 * whatever the doc ids of tied passages. Lucene's {@code TopScoreDocCollector} breaks ties by doc
 * id and drops a hit that ties with its bottom, so a tie across the edge of the window used to take
 * a second search with a passage-id sort; on an index holding the same wire story many times (the
 * 16 re-dated copies of {@code bench --scale 16}) nearly every query tied there, and every query
 * was searched twice.
 *
 * <p>Matches are counted exactly up to {@code totalHitsThreshold} (or {@code n}, if larger), as
 * {@code TopScoreDocCollector} counts them; beyond, Lucene may skip hits scoring below the {@code
 * n}-th score so far (not below the next float above it, as Lucene's collector does: a hit that
 * ties must still be seen), and the count is then a lower bound ({@link
 * TotalHits.Relation#GREATER_THAN_OR_EQUAL_TO}).
 *
 * <p>{@link #reduce} returns the hits best first, ties in doc id order, and {@code scoreDocs} may
 * hold more than {@code n} entries (only tied ones past the {@code n}-th).
 *
 * <p>Thread safety: a manager may serve concurrent slices; each collector is single-threaded.
 */
final class TopScoresWithTies implements CollectorManager<TopScoresWithTies.Slice, TopDocs> {
  private final int n;
  private final int totalHitsThreshold;

  /**
   * A manager for the top {@code n} hits with ties.
   *
   * @param n hits wanted, at least 1
   * @param totalHitsThreshold hits counted exactly
   */
  TopScoresWithTies(int n, int totalHitsThreshold) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got: " + n);
    }
    this.n = n;
    this.totalHitsThreshold = Math.max(n, totalHitsThreshold);
  }

  @Override
  public Slice newCollector() {
    return new Slice(n, totalHitsThreshold);
  }

  @Override
  public TopDocs reduce(Collection<Slice> slices) {
    long total = 0;
    boolean lowerBound = false;
    List<ScoreDoc> all = new ArrayList<>();
    for (Slice s : slices) {
      total += s.totalHits;
      lowerBound |= s.lowerBound;
      s.addTo(all);
    }
    ScoreDoc[] sorted = all.toArray(new ScoreDoc[0]);
    Arrays.sort(
        sorted,
        (a, b) -> {
          int c = Float.compare(b.score, a.score);
          return c != 0 ? c : Integer.compare(a.doc, b.doc);
        });
    int keep = sorted.length;
    if (sorted.length > n) {
      // Each slice kept its own top n with ties; across slices, keep the global n-th and its ties.
      float edge = sorted[n - 1].score;
      keep = n;
      while (keep < sorted.length && sorted[keep].score == edge) {
        keep++;
      }
    }
    return new TopDocs(
        new TotalHits(
            total,
            lowerBound ? TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO : TotalHits.Relation.EQUAL_TO),
        Arrays.copyOf(sorted, keep));
  }

  /**
   * One slice's collector: a min-heap of its best {@code n} hits, plus the hits that tie with the
   * heap's lowest score (they leave as soon as a better hit raises that score).
   */
  static final class Slice implements Collector {
    private final int n;
    private final int threshold;
    // Min-heap on score, 0-based, of the best n hits so far (global doc ids).
    private final float[] heapScores;
    private final int[] heapDocs;
    private int size;
    // Hits outside the heap that score exactly the heap's lowest score.
    private int[] tieDocs = new int[8];
    private int ties;
    private long totalHits;
    private boolean lowerBound;
    private float minCompetitive;

    Slice(int n, int threshold) {
      this.n = n;
      this.threshold = threshold;
      this.heapScores = new float[n];
      this.heapDocs = new int[n];
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      int docBase = context.docBase;
      // Every leaf has its own scorer: its minimum starts again from nothing.
      minCompetitive = 0f;
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) throws IOException {
          this.scorer = scorer;
          updateMinCompetitive(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
          float score = scorer.score();
          totalHits++;
          if (add(docBase + doc, score)) {
            updateMinCompetitive(scorer);
          } else if (!lowerBound) {
            // The count may have just passed the threshold: skipping can start.
            updateMinCompetitive(scorer);
          }
        }
      };
    }

    /** Adds a hit; true if the heap's lowest score may have risen. */
    boolean add(int doc, float score) {
      if (size < n) {
        heapDocs[size] = doc;
        heapScores[size] = score;
        up(size++);
        return size == n;
      }
      float bottom = heapScores[0];
      if (score < bottom) {
        return false;
      }
      if (score == bottom) {
        addTie(doc);
        return false;
      }
      int out = heapDocs[0];
      heapDocs[0] = doc;
      heapScores[0] = score;
      down(0);
      if (heapScores[0] == bottom) {
        // The hit pushed out still ties with the new lowest score.
        addTie(out);
      } else {
        ties = 0;
      }
      return true;
    }

    private void updateMinCompetitive(Scorable scorer) throws IOException {
      if (totalHits > threshold && size == n && heapScores[0] > minCompetitive) {
        // Not Math.nextUp: a later hit that ties with the lowest score must still be seen.
        scorer.setMinCompetitiveScore(heapScores[0]);
        minCompetitive = heapScores[0];
        lowerBound = true;
      }
    }

    private void addTie(int doc) {
      if (ties == tieDocs.length) {
        tieDocs = Arrays.copyOf(tieDocs, ties * 2);
      }
      tieDocs[ties++] = doc;
    }

    void addTo(List<ScoreDoc> out) {
      for (int i = 0; i < size; i++) {
        out.add(new ScoreDoc(heapDocs[i], heapScores[i]));
      }
      for (int i = 0; i < ties; i++) {
        out.add(new ScoreDoc(tieDocs[i], heapScores[0]));
      }
    }

    private void up(int i) {
      float s = heapScores[i];
      int d = heapDocs[i];
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (heapScores[parent] <= s) {
          break;
        }
        heapScores[i] = heapScores[parent];
        heapDocs[i] = heapDocs[parent];
        i = parent;
      }
      heapScores[i] = s;
      heapDocs[i] = d;
    }

    private void down(int i) {
      float s = heapScores[i];
      int d = heapDocs[i];
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && heapScores[child + 1] < heapScores[child]) {
          child++;
        }
        if (heapScores[child] >= s) {
          break;
        }
        heapScores[i] = heapScores[child];
        heapDocs[i] = heapDocs[child];
        i = child;
      }
      heapScores[i] = s;
      heapDocs[i] = d;
    }
  }
}
