package dev.parley.eval;

import dev.parley.embed.DenseModel;
import dev.parley.embed.Embedder;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.build.SimpleQuery;
import dev.parley.query.fuse.Fusion;
import dev.parley.query.fuse.HybridRanker;
import dev.parley.query.rank.ArticleModel;
import dev.parley.query.rank.ArticleRanker;
import dev.parley.query.result.Hit;
import dev.parley.schema.DenseSpec;
import dev.parley.schema.Fields;
import dev.parley.schema.IndexManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.VectorUtil;

/**
 * Learns the two shares of hybrid and article search on judged queries, with k-fold
 * cross-validation by query: the fusion weight (lexical share) of {@link
 * dev.parley.query.fuse.Fusion}, for both candidate designs, and the article shares of an {@link
 * ArticleModel}.
 *
 * <p>Candidates and their raw scores are collected once per query; each weight is then tried
 * offline by ranking the candidates exactly as the searcher does (fused score, ties by passage id,
 * at most 2 passages per article), so learning costs no further searches.
 *
 * <p>Thread safety: stateless.
 */
public final class FusionTuner {
  private FusionTuner() {}

  /** Lexical shares tried, 0 to 1 by 0.05. */
  public static final double[] WEIGHTS = grid(0, 1, 0.05);

  /** Whole-article shares tried. */
  public static final double[] ARTICLE_SHARES = {0, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2};

  /** Shares of the sum of an article's best passages tried. */
  public static final double[] PASSAGES_SHARES = {0, 0.1, 0.2, 0.3, 0.5, 1};

  /** Query-entity overlap shares tried. */
  public static final double[] ENTITY_SHARES = {0, 0.1, 0.2, 0.3, 0.5};

  /** Lexical shares of hybrid passage scores tried for article search. */
  public static final double[] ARTICLE_LEXICAL_SHARES = {0.2, 0.4, 0.6, 0.8, 1};

  /** The evidence an article grid learns a share for (the others stay 0). */
  public enum Evidence {
    /** Whole-article BM25. */
    ARTICLE,
    /** Query-entity overlap. */
    ENTITIES,
    /** Sum of the top passages. */
    PASSAGES
  }

  /**
   * The article models tried, simplest first within each lexical share (ties go to the earlier
   * one): lexical shares from {@link #ARTICLE_LEXICAL_SHARES} when {@code dense}, else 1; a share
   * grid for each kind of {@code evidence}, 0 for the others.
   */
  public static List<ArticleModel> articleModels(boolean dense, Set<Evidence> evidence) {
    double[] none = {0};
    List<ArticleModel> out = new ArrayList<>();
    for (double l : dense ? ARTICLE_LEXICAL_SHARES : new double[] {1}) {
      for (double a : evidence.contains(Evidence.ARTICLE) ? ARTICLE_SHARES : none) {
        for (double p : evidence.contains(Evidence.PASSAGES) ? PASSAGES_SHARES : none) {
          for (double e : evidence.contains(Evidence.ENTITIES) ? ENTITY_SHARES : none) {
            out.add(new ArticleModel(l, a, p, e));
          }
        }
      }
    }
    return out;
  }

  private static final int PER_ARTICLE = 2;

  private static double[] grid(double from, double to, double step) {
    int n = (int) Math.round((to - from) / step) + 1;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = Math.round((from + i * step) * 100) / 100.0;
    }
    return out;
  }

  /**
   * One judged query with its fusion candidates.
   *
   * @param key dataset and query id
   * @param dataset the dev set
   * @param corpus the query's corpus
   * @param judged its judgments
   * @param candidates the candidates with raw scores
   * @param union whether the candidates include the dense side's nearest passages (an index with
   *     vectors); false when only the lexical top were embedded, at tuning time
   */
  public record FusionQuery(
      String key,
      String dataset,
      String corpus,
      Map<String, Integer> judged,
      List<HybridRanker.Candidate> candidates,
      boolean union) {}

  /**
   * One judged query with its candidate articles.
   *
   * @param key dataset and query id
   * @param judged its judgments
   * @param candidates candidate articles with raw evidence
   */
  public record ArticleQuery(
      String key, Map<String, Integer> judged, List<ArticleRanker.Candidate> candidates) {}

  /**
   * Collects fusion candidates ({@code depth} per side) for every judged query. On an index with
   * vectors these are the searcher's own candidates (both designs); on an index without, the
   * lexical top {@code depth} passages are embedded here with {@code model}, which gives exactly
   * what the re-scoring design would rank (a passage's vector depends on its text only), and the
   * union design cannot be measured for that query.
   */
  public static List<FusionQuery> collectFusion(
      List<RerankTuner.Dataset> datasets, int depth, DenseModel model) throws IOException {
    List<FusionQuery> out = new ArrayList<>();
    Embedder embedder = null;
    try {
      for (RerankTuner.Dataset d : datasets) {
        Map<Path, Searcher> searchers = new HashMap<>();
        try {
          for (QueryFile.Query q : d.queries()) {
            if (!d.qrels().hasRelevant(q.id())) {
              continue;
            }
            Searcher s = searcher(d, q, searchers);
            SearchRequest request = SearchRequest.of(clip(q.text()));
            boolean union = s.dense() != null;
            List<HybridRanker.Candidate> candidates;
            if (union) {
              candidates = s.fusionCandidates(request, depth).candidates();
            } else {
              if (embedder == null) {
                embedder = Embedder.open(model, Runtime.getRuntime().availableProcessors());
              }
              candidates = embeddedLexicalTop(s, request, depth, embedder);
            }
            out.add(
                new FusionQuery(
                    d.name() + ":" + q.id(),
                    d.name(),
                    q.corpus(),
                    d.qrels().of(q.id()),
                    candidates,
                    union));
          }
        } finally {
          for (Searcher s : searchers.values()) {
            s.close();
          }
        }
      }
    } finally {
      if (embedder != null) {
        embedder.close();
      }
    }
    return out;
  }

  /** The lexical top {@code depth} of {@code request}, each passage embedded now. */
  private static List<HybridRanker.Candidate> embeddedLexicalTop(
      Searcher s, SearchRequest request, int depth, Embedder embedder) throws IOException {
    List<Hit> hits =
        s.search(
                SearchRequest.builder(request.query())
                    .withK(depth)
                    .withPerArticle(0)
                    .withDense(false)
                    .build())
            .hits();
    float[] query = embedder.query(SimpleQuery.parse(request.query()).plainText());
    float[][] vectors = new float[hits.size()][];
    hits.parallelStream().forEach(h -> vectors[h.rank() - 1] = embedder.passage(h.text()));
    List<HybridRanker.Candidate> out = new ArrayList<>();
    for (Hit h : hits) {
      out.add(
          new HybridRanker.Candidate(
              h.rank(),
              h.passageId(),
              h.score(),
              VectorUtil.dotProduct(query, vectors[h.rank() - 1]),
              h.rank(),
              0));
    }
    return out;
  }

  /** Collects candidate articles for every judged query, with the dense side on or off. */
  public static List<ArticleQuery> collectArticles(
      List<RerankTuner.Dataset> datasets, boolean dense, int k) throws IOException {
    List<ArticleQuery> out = new ArrayList<>();
    for (RerankTuner.Dataset d : datasets) {
      Map<Path, Searcher> searchers = new HashMap<>();
      try {
        for (QueryFile.Query q : d.queries()) {
          if (!d.qrels().hasRelevant(q.id())) {
            continue;
          }
          Searcher s = searcher(d, q, searchers);
          SearchRequest r = SearchRequest.builder(clip(q.text())).withK(k).withDense(dense).build();
          out.add(
              new ArticleQuery(
                  d.name() + ":" + q.id(), d.qrels().of(q.id()), s.articleCandidates(r)));
        }
      } finally {
        for (Searcher s : searchers.values()) {
          s.close();
        }
      }
    }
    return out;
  }

  private static Searcher searcher(
      RerankTuner.Dataset d, QueryFile.Query q, Map<Path, Searcher> searchers) throws IOException {
    Path index = d.indexes().getOrDefault(q.corpus(), d.indexes().get(""));
    if (index == null) {
      throw new IllegalArgumentException(
          "no index for corpus '" + q.corpus() + "' of query " + q.id());
    }
    Searcher s = searchers.get(index);
    if (s == null) {
      s = Searcher.builder(index).withTimeout(Evaluation.SEARCH_TIMEOUT).build();
      searchers.put(index, s);
    }
    return s;
  }

  private static String clip(String text) {
    return text.length() <= SearchRequest.MAX_QUERY_CHARS
        ? text
        : text.substring(0, SearchRequest.MAX_QUERY_CHARS);
  }

  /**
   * The TREC ids the searcher would return for {@code q} with lexical share {@code weight} and no
   * floor; with {@code union} false only the lexical top are candidates (the re-scoring design).
   */
  public static List<String> ranking(FusionQuery q, double weight, boolean union) {
    return ranking(q, weight, Fusion.NO_FLOOR, union);
  }

  /**
   * The TREC ids the searcher would return for {@code q} with lexical share {@code weight} and the
   * dense side's {@code floor} (or {@link Fusion#NO_FLOOR}); with {@code union} false only the
   * lexical top are candidates (the re-scoring design).
   */
  public static List<String> ranking(FusionQuery q, double weight, double floor, boolean union) {
    List<HybridRanker.Candidate> c =
        union ? q.candidates() : q.candidates().stream().filter(x -> x.lexicalRank() > 0).toList();
    double[] fused = HybridRanker.fuse(c, weight, floor, Integer.MAX_VALUE);
    Integer[] order = new Integer[c.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order,
        (a, b) -> {
          int cmp = Double.compare((float) fused[b], (float) fused[a]);
          if (cmp == 0) {
            cmp = Double.compare(fused[b], fused[a]);
          }
          return cmp != 0 ? cmp : c.get(a).passageId().compareTo(c.get(b).passageId());
        });
    Map<String, Integer> perArticle = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (int i : order) {
      String pid = c.get(i).passageId();
      String article = pid.substring(0, pid.indexOf('#'));
      if (perArticle.merge(article, 1, Integer::sum) <= PER_ARTICLE) {
        out.add(trecId(pid));
      }
    }
    return out;
  }

  /** {@code articleId#from-to}: the passage id without a window suffix. */
  static String trecId(String passageId) {
    int colon = passageId.indexOf(':', passageId.indexOf('#'));
    return colon < 0 ? passageId : passageId.substring(0, colon);
  }

  /** nDCG@10 of {@code q} with lexical share {@code weight} and no floor. */
  public static double ndcg(FusionQuery q, double weight, boolean union) {
    return ndcg(q, weight, Fusion.NO_FLOOR, union);
  }

  /** nDCG@10 of {@code q} with lexical share {@code weight} and the dense side's {@code floor}. */
  public static double ndcg(FusionQuery q, double weight, double floor, boolean union) {
    return Metrics.score(ranking(q, weight, floor, union), q.judged(), Metrics.Level.PASSAGE)
        .get("ndcg@10");
  }

  /** Passages sampled per index to measure the dense floor. */
  public static final int BACKGROUND_SAMPLE = 2000;

  /**
   * The dense floor measured without judgments: over every judged query on an index with vectors,
   * the median of each query's median cosine with a fixed sample of about {@link
   * #BACKGROUND_SAMPLE} passages of its index ({@link #medianCosine}), the query embedded as the
   * searcher embeds it. Almost every sampled passage is unrelated to the query, so this is the
   * cosine the model gives an unrelated passage.
   *
   * @param median the median over the queries
   * @param min the lowest query's median
   * @param max the highest query's median
   * @param queries how many queries were measured (0: no index with vectors; then the figures are
   *     NaN)
   */
  public record Background(double median, double min, double max, int queries) {
    /** The floor to ship: the median rounded to 0.01. */
    public double floor() {
      return Math.round(median * 100) / 100.0;
    }
  }

  /** Measures the dense floor (see {@link Background}) over the judged queries of the datasets. */
  public static Background background(List<RerankTuner.Dataset> datasets) throws IOException {
    List<Double> medians = new ArrayList<>();
    Map<DenseModel, Embedder> embedders = new HashMap<>();
    Map<Path, DirectoryReader> readers = new HashMap<>();
    Map<Path, java.util.Optional<DenseModel>> models = new HashMap<>();
    try {
      for (RerankTuner.Dataset d : datasets) {
        for (QueryFile.Query q : d.queries()) {
          if (!d.qrels().hasRelevant(q.id())) {
            continue;
          }
          Path index = d.indexes().getOrDefault(q.corpus(), d.indexes().get(""));
          if (index == null) {
            continue;
          }
          java.util.Optional<DenseModel> known = models.get(index);
          if (known == null) {
            known = modelOf(index);
            models.put(index, known);
          }
          if (known.isEmpty()) {
            continue;
          }
          DenseModel model = known.get();
          Embedder e = embedders.get(model);
          if (e == null) {
            e = Embedder.open(model, 1);
            embedders.put(model, e);
          }
          DirectoryReader r = readers.get(index);
          if (r == null) {
            r = DirectoryReader.open(FSDirectory.open(index));
            readers.put(index, r);
          }
          float[] vector = e.query(SimpleQuery.parse(clip(q.text())).plainText());
          medians.add(medianCosine(r, vector, BACKGROUND_SAMPLE));
        }
      }
    } finally {
      for (Embedder e : embedders.values()) {
        e.close();
      }
      for (DirectoryReader r : readers.values()) {
        r.close();
      }
    }
    if (medians.isEmpty()) {
      return new Background(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    java.util.Collections.sort(medians);
    return new Background(
        medians.get(medians.size() / 2),
        medians.get(0),
        medians.get(medians.size() - 1),
        medians.size());
  }

  /** The model of the index's vectors, empty when it has none. */
  private static java.util.Optional<DenseModel> modelOf(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index)) {
      DenseSpec dense = IndexManifest.read(dir, index).dense();
      return dense == null
          ? java.util.Optional.empty()
          : java.util.Optional.of(DenseModel.named(dense.model()));
    }
  }

  /**
   * The median cosine (upper median) of {@code query} with a fixed sample of passages of {@code
   * reader}: for every multiple t of {@code max(1, maxDoc / sample)}, the first doc at or after t
   * that has a vector (each doc once). The same index gives the same sample every time.
   *
   * @throws IllegalArgumentException if the index holds no vectors
   * @throws IOException on a read error
   */
  public static double medianCosine(IndexReader reader, float[] query, int sample)
      throws IOException {
    int step = Math.max(1, reader.maxDoc() / sample);
    List<Float> cosines = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
      if (values == null) {
        continue;
      }
      int end = leaf.docBase + leaf.reader().maxDoc();
      int first = (leaf.docBase + step - 1) / step * step;
      int counted = -1;
      for (int t = first; t < end; t += step) {
        int target = t - leaf.docBase;
        if (values.docID() < target) {
          values.advance(target);
        }
        if (values.docID() == DocIdSetIterator.NO_MORE_DOCS) {
          break;
        }
        if (values.docID() != counted) { // a doc past several multiples stands for the first only
          counted = values.docID();
          cosines.add(VectorUtil.dotProduct(query, values.vectorValue()));
        }
      }
    }
    if (cosines.isEmpty()) {
      throw new IllegalArgumentException("the index holds no passage vectors");
    }
    java.util.Collections.sort(cosines);
    return cosines.get(cosines.size() / 2);
  }

  /** The TREC ids of the articles ranked by {@code model} (best passage's id stands for each). */
  public static List<String> ranking(ArticleQuery q, ArticleModel model) {
    return ArticleRanker.rank(q.candidates(), model).stream()
        .map(s -> trecId(s.best().passageId()))
        .toList();
  }

  /** MAP@1000 (article level) of {@code q} under {@code model}. */
  public static double map(ArticleQuery q, ArticleModel model) {
    return Metrics.score(ranking(q, model), q.judged(), Metrics.Level.ARTICLE).get("map@1000");
  }

  /**
   * The share with the best mean objective over {@code queries} (ties: the first in {@code
   * choices}, so list the preferred value first).
   */
  public static <Q, C> C best(List<Q> queries, List<C> choices, Objective<Q, C> objective) {
    C best = choices.get(0);
    double bestValue = Double.NEGATIVE_INFINITY;
    for (C c : choices) {
      double v = queries.stream().mapToDouble(q -> objective.value(q, c)).average().orElse(0);
      if (v > bestValue + 1e-12) {
        bestValue = v;
        best = c;
      }
    }
    return best;
  }

  /** A per-query objective of a choice. */
  public interface Objective<Q, C> {
    /** The objective's value for query {@code q} under choice {@code c}. */
    double value(Q q, C c);
  }

  /**
   * Cross-validated per-query values: queries sorted by {@code key}, fold = position mod {@code
   * folds}; each query scored with the choice learned on the other folds.
   *
   * @param learned receives the choice learned for each fold, in fold order
   * @return query key to its cross-validated value
   */
  public static <Q, C> Map<String, Double> crossValidate(
      List<Q> queries,
      java.util.function.Function<Q, String> key,
      List<C> choices,
      Objective<Q, C> objective,
      int folds,
      List<C> learned) {
    List<Q> sorted = new ArrayList<>(queries);
    sorted.sort(Comparator.comparing(key));
    Map<String, Double> out = new LinkedHashMap<>();
    for (int f = 0; f < folds; f++) {
      List<Q> train = new ArrayList<>();
      List<Q> test = new ArrayList<>();
      for (int i = 0; i < sorted.size(); i++) {
        (i % folds == f ? test : train).add(sorted.get(i));
      }
      C choice = best(train, choices, objective);
      learned.add(choice);
      for (Q q : test) {
        out.put(key.apply(q), objective.value(q, choice));
      }
    }
    return out;
  }

  /**
   * Cross-validation repeated over {@code repeats} random fold assignments (a shuffle of the
   * queries by {@code new Random(seed + r)} for repeat r, fold = position mod {@code folds}): how
   * much the cross-validated figure owes to one assignment.
   *
   * @return the mean over queries of each repeat, in repeat order
   */
  public static <Q, C> double[] repeatedCrossValidation(
      List<Q> queries,
      java.util.function.Function<Q, String> key,
      List<C> choices,
      Objective<Q, C> objective,
      int folds,
      int repeats,
      long seed) {
    List<Q> sorted = new ArrayList<>(queries);
    sorted.sort(Comparator.comparing(key));
    double[] out = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      List<Q> shuffled = new ArrayList<>(sorted);
      java.util.Collections.shuffle(shuffled, new java.util.Random(seed + r));
      double sum = 0;
      for (int f = 0; f < folds; f++) {
        List<Q> train = new ArrayList<>();
        List<Q> test = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
          (i % folds == f ? test : train).add(shuffled.get(i));
        }
        C choice = best(train, choices, objective);
        for (Q q : test) {
          sum += objective.value(q, choice);
        }
      }
      out[r] = sum / shuffled.size();
    }
    return out;
  }

  /**
   * {@code objective} remembering each (query, choice) value it computed: learning tries every
   * choice on every training fold, and ranking the candidates again is the costly part. The
   * returned objective is not thread-safe.
   */
  public static <Q, C> Objective<Q, C> memoized(Objective<Q, C> objective) {
    Map<Q, Map<C, Double>> memo = new java.util.IdentityHashMap<>();
    return (q, c) ->
        memo.computeIfAbsent(q, x -> new HashMap<>())
            .computeIfAbsent(c, x -> objective.value(q, x));
  }
}
