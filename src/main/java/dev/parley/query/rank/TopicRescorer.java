package dev.parley.query.rank;

import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Adds topic scores to the global top passages of a text query: {@code score + weight × Σ topic
 * score} (times the recency decay when the request has one, as when topics were a clause of the
 * query), for the top {@link #depth()} first-stage passages; the passages below keep their order
 * underneath. This replaces a {@code FeatureField} clause in the query itself, which had to be
 * scored for every matching passage and kept Lucene from skipping blocks (block-max WAND cannot
 * bound a clause that any passage may satisfy), so a topic-ranked query cost the whole match set.
 *
 * <p>Topic scores are read as the {@code FeatureField} linear query reads them (the same 9-bit
 * precision), one scorer per segment with the candidates in doc-id order, like Lucene's {@code
 * QueryRescorer}. Ties are broken by passage id by {@link PassageRanker}.
 *
 * <p>Thread safety: one instance per search.
 */
public final class TopicRescorer implements PassageRanker.Rescorer {
  /** Fewest first-stage passages re-scored; more when the page or the second stage needs it. */
  public static final int MIN_DEPTH = 100;

  private final IndexSearcher searcher;
  private final List<String> topics;
  private final float weight;
  private final DoubleValuesSource decay;
  private final int depth;

  /**
   * A rescorer for one search.
   *
   * @param searcher the search's searcher
   * @param topics the topics whose scores are added
   * @param weight points a topic score of 1 adds
   * @param decay the recency decay applied to the first stage, or null
   * @param depth passages to re-score, at least {@link #MIN_DEPTH}
   */
  public TopicRescorer(
      IndexSearcher searcher,
      List<String> topics,
      float weight,
      DoubleValuesSource decay,
      int depth) {
    this.searcher = searcher;
    this.topics = List.copyOf(topics);
    this.weight = weight;
    this.decay = decay;
    this.depth = Math.max(MIN_DEPTH, depth);
  }

  @Override
  public int depth() {
    return depth;
  }

  @Override
  public double[] rescore(int[] docs, double[] scores) throws IOException {
    double[] out = scores.clone();
    double[] add = topicScores(docs);
    for (int i = 0; i < docs.length; i++) {
      out[i] += add[i];
    }
    return out;
  }

  /** {@code weight × Σ topic score} of each doc (times its decay), in the order given. */
  double[] topicScores(int[] docs) throws IOException {
    Integer[] byDoc = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, (a, b) -> Integer.compare(docs[a], docs[b]));
    double[] out = new double[docs.length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (String topic : topics) {
      Weight w =
          searcher.createWeight(
              searcher.rewrite(FeatureField.newLinearQuery(Fields.TOPIC_SCORES, topic, weight)),
              ScoreMode.COMPLETE,
              1f);
      int leaf = -1;
      Scorer scorer = null;
      for (Integer i : byDoc) {
        int l = ReaderUtil.subIndex(docs[i], leaves);
        LeafReaderContext ctx = leaves.get(l);
        if (l != leaf) {
          leaf = l;
          scorer = w.scorer(ctx);
        }
        int target = docs[i] - ctx.docBase;
        if (scorer != null
            && (scorer.docID() < target ? scorer.iterator().advance(target) : scorer.docID())
                == target) {
          out[i] += scorer.score();
        }
      }
    }
    if (decay != null) {
      int leaf = -1;
      DoubleValues values = null;
      for (Integer i : byDoc) {
        int l = ReaderUtil.subIndex(docs[i], leaves);
        LeafReaderContext ctx = leaves.get(l);
        if (l != leaf) {
          leaf = l;
          values = decay.getValues(ctx, null);
        }
        out[i] *= values.advanceExact(docs[i] - ctx.docBase) ? values.doubleValue() : 0;
      }
    }
    return out;
  }

  /**
   * This rescorer, then {@code next} over the same passages with the topic-adjusted scores as its
   * first-stage scores (a second stage on a topic-ranked search).
   */
  public PassageRanker.Rescorer then(PassageRanker.Rescorer next) {
    TopicRescorer topic = this;
    int both = Math.max(depth, next.depth());
    return new PassageRanker.Rescorer() {
      @Override
      public int depth() {
        return both;
      }

      @Override
      public double[] rescore(int[] docs, double[] scores) throws IOException {
        return next.rescore(docs, topic.rescore(docs, scores));
      }
    };
  }
}
