package dev.parley.eval;

import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.rank.RerankCandidate;
import dev.parley.query.rank.RerankModel;
import dev.parley.query.rank.Reranker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns the weights of a {@link RerankModel} by coordinate ascent (Metzler and Croft, 2007) on the
 * mean of each query's own metric (nDCG@10 for passage judgments, AP for article judgments), and
 * measures them by k-fold cross-validation over queries: every query is scored with weights learned
 * without it.
 *
 * <p>The ranking it optimises is the product's: the top {@code depth} first-stage passages
 * re-scored and re-sorted (ties by passage id), the rest in first-stage order, then at most 2
 * passages per article.
 *
 * <p>Coordinate ascent: the {@code base} weight stays 1; each other weight in turn takes the value
 * from {@link #GRID} that maximises the objective (ties to the smaller magnitude, so a feature that
 * does not help stays at 0), until a full pass changes nothing.
 *
 * <p>Thread safety: stateless.
 */
public final class RerankTuner {
  private RerankTuner() {}

  /** Values tried for each weight. */
  static final double[] GRID = {-0.5, -0.2, -0.1, 0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3};

  /** Passages per article, as the product's default. */
  static final int PER_ARTICLE = 2;

  /**
   * One judged query with its candidates.
   *
   * @param id the query id
   * @param dataset which dev set it belongs to
   * @param judged its judgments
   * @param level passage or article scoring
   * @param candidates first-stage passages with features, in first-stage order
   */
  public record TrainingQuery(
      String id,
      String dataset,
      Map<String, Integer> judged,
      Metrics.Level level,
      List<RerankCandidate> candidates) {}

  /**
   * A set of judged queries and the indexes to search them in.
   *
   * @param name a name for reports
   * @param queries the queries
   * @param qrels the judgments
   * @param indexes corpus name to index
   * @param level passage or article
   */
  public record Dataset(
      String name,
      List<QueryFile.Query> queries,
      Qrels qrels,
      Map<String, Path> indexes,
      Metrics.Level level) {}

  /**
   * Searches every judged query of the datasets with the first stage of {@code profile} and
   * computes the features of its top {@code candidates} passages.
   */
  public static List<TrainingQuery> collect(List<Dataset> datasets, Profile profile, int candidates)
      throws IOException {
    List<TrainingQuery> out = new ArrayList<>();
    for (Dataset d : datasets) {
      Map<Path, Searcher> searchers = new HashMap<>();
      try {
        for (QueryFile.Query q : d.queries()) {
          if (!d.qrels().hasRelevant(q.id())) {
            continue;
          }
          Path index = d.indexes().getOrDefault(q.corpus(), d.indexes().get(""));
          if (index == null) {
            throw new IllegalArgumentException(
                "no index for corpus '" + q.corpus() + "' of query " + q.id());
          }
          Searcher s = searchers.get(index);
          if (s == null) {
            s =
                profile
                    .searcher()
                    .apply(Searcher.builder(index).withTimeout(Evaluation.SEARCH_TIMEOUT))
                    .build();
            searchers.put(index, s);
          }
          String text =
              q.text().length() <= SearchRequest.MAX_QUERY_CHARS
                  ? q.text()
                  : q.text().substring(0, SearchRequest.MAX_QUERY_CHARS);
          SearchRequest request = profile.request().apply(SearchRequest.builder(text)).build();
          out.add(
              new TrainingQuery(
                  q.id(),
                  d.name(),
                  d.qrels().of(q.id()),
                  d.level(),
                  s.rerankCandidates(request, candidates)));
        }
      } finally {
        for (Searcher s : searchers.values()) {
          s.close();
        }
      }
    }
    return out;
  }

  /** The TREC ids the product would return for one query under weights {@code w}. */
  static List<String> ranking(TrainingQuery q, double[] w, int depth) {
    List<RerankCandidate> c = q.candidates();
    int head = Math.min(depth, c.size());
    Integer[] order = new Integer[head];
    double[] s = new double[head];
    for (int i = 0; i < head; i++) {
      order[i] = i;
      double[] f = c.get(i).features();
      for (int j = 0; j < w.length; j++) {
        s[i] += w[j] * f[j];
      }
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int cmp = Double.compare(s[b], s[a]);
          return cmp != 0 ? cmp : c.get(a).passageId().compareTo(c.get(b).passageId());
        });
    List<String> out = new ArrayList<>(c.size());
    Map<String, Integer> perArticle = new HashMap<>();
    for (int k = 0; k < c.size(); k++) {
      RerankCandidate cand = k < head ? c.get(order[k]) : c.get(k);
      if (perArticle.merge(cand.articleId(), 1, Integer::sum) <= PER_ARTICLE) {
        out.add(cand.trecId());
      }
    }
    return out;
  }

  /** The query's own metric: nDCG@10 for passages, AP for articles. */
  static double objective(TrainingQuery q, double[] w, int depth) {
    Map<String, Double> m = Metrics.score(ranking(q, w, depth), q.judged(), q.level());
    return q.level() == Metrics.Level.PASSAGE ? m.get("ndcg@10") : m.get("map@1000");
  }

  /**
   * The mean over datasets of each dataset's mean query metric, so a dev set with few queries
   * weighs as much as one with many.
   */
  static double mean(List<TrainingQuery> queries, double[] w, int depth) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (TrainingQuery q : queries) {
      double[] s = sums.computeIfAbsent(q.dataset(), d -> new double[2]);
      s[0] += objective(q, w, depth);
      s[1]++;
    }
    return sums.values().stream().mapToDouble(s -> s[0] / s[1]).average().orElse(0);
  }

  /** Coordinate ascent over the features whose index is in {@code free}. */
  public static double[] train(List<TrainingQuery> queries, boolean[] free, int depth) {
    double[] w = new double[Reranker.FEATURES.size()];
    w[0] = 1;
    double best = mean(queries, w, depth);
    for (int pass = 0; pass < 5; pass++) {
      boolean changed = false;
      for (int j = 1; j < w.length; j++) {
        if (!free[j]) {
          continue;
        }
        double keep = w[j];
        double bestValue = keep;
        for (double v : GRID) {
          w[j] = v;
          double score = mean(queries, w, depth);
          if (score > best + 1e-9
              || (Math.abs(score - best) <= 1e-9 && Math.abs(v) < Math.abs(bestValue))) {
            best = Math.max(best, score);
            bestValue = v;
          }
        }
        w[j] = bestValue;
        changed |= bestValue != keep;
      }
      if (!changed) {
        break;
      }
    }
    return w;
  }

  /**
   * Cross-validated rankings: each query ranked with weights trained on the other folds (queries
   * sorted by dataset and id, fold = position mod k).
   *
   * @return query id to ranked TREC ids
   */
  public static Map<String, List<String>> crossValidate(
      List<TrainingQuery> queries, boolean[] free, int depth, int folds) {
    List<TrainingQuery> sorted = new ArrayList<>(queries);
    sorted.sort(
        (a, b) ->
            a.dataset().equals(b.dataset())
                ? a.id().compareTo(b.id())
                : a.dataset().compareTo(b.dataset()));
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int f = 0; f < folds; f++) {
      List<TrainingQuery> train = new ArrayList<>();
      List<TrainingQuery> test = new ArrayList<>();
      for (int i = 0; i < sorted.size(); i++) {
        (i % folds == f ? test : train).add(sorted.get(i));
      }
      double[] w = train(train, free, depth);
      for (TrainingQuery q : test) {
        out.put(key(q), ranking(q, w, depth));
      }
    }
    return out;
  }

  /** Unique key of a query across datasets. */
  static String key(TrainingQuery q) {
    return q.dataset() + ":" + q.id();
  }
}
