package dev.parley.indexer.enrich;

import dev.parley.analysis.EntityTagger;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import dev.parley.analysis.TokenView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Learns each topic's linear model from labelled texts: L2-regularised logistic regression ({@link
 * LogisticRegression}, deterministic) over the passage {@link Features} (the topic's own cues,
 * entity patterns, and the words, word pairs and context words seen in at least {@code minCount}
 * training texts), and measures it by k-fold cross-validation.
 *
 * <p>Cross-validation keeps the passages of one article in one fold (folds by a hash of the article
 * id), so near-copies never sit on both sides. Inside each training part, the penalty is the one
 * given (the command tries several and reports each), and the label threshold is chosen by an inner
 * 3-fold cross-validation of that part alone, for the best F1 on the natural mix of topics: texts
 * from an over-sampled file are reweighted so each topic's share matches {@link
 * Options#naturalRates()}. The reported F1 is therefore on texts neither the weights nor the
 * threshold saw.
 *
 * <p>Thread safety: stateless.
 */
public final class TopicTrainer {
  private TopicTrainer() {}

  /**
   * Precision, recall and F1 of one topic.
   *
   * @param topic the topic
   * @param truePositives labelled and predicted
   * @param falsePositives predicted, not labelled
   * @param falseNegatives labelled, not predicted
   * @param examples texts judged for the topic
   */
  public record Scores(
      String topic, int truePositives, int falsePositives, int falseNegatives, int examples) {
    /** Precision; 0 when nothing was predicted. */
    public double precision() {
      int p = truePositives + falsePositives;
      return p == 0 ? 0 : truePositives / (double) p;
    }

    /** Recall; 0 when nothing is labelled. */
    public double recall() {
      int r = truePositives + falseNegatives;
      return r == 0 ? 0 : truePositives / (double) r;
    }

    /** F1, the harmonic mean of precision and recall. */
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /**
   * How to train.
   *
   * @param lambdas the L2 penalties to try; the one with the best cross-validated F1 is kept
   * @param folds cross-validation folds, at least 2
   * @param minCount words, pairs and context words seen in fewer training texts are left out
   * @param naturalRates each topic's share of positive texts in the natural mix, for choosing
   *     thresholds; texts marked not natural are reweighted to it (empty: no reweighting)
   * @param curatedPenalty the factor on the penalty of curated features (cues, entity patterns), in
   *     (0, 1]: they are few and written to carry the definitions, so they are shrunk less
   */
  public record Options(
      List<Double> lambdas,
      int folds,
      int minCount,
      Map<String, Double> naturalRates,
      double curatedPenalty) {
    /** Validates the values and copies the collections. */
    public Options {
      lambdas = List.copyOf(lambdas);
      naturalRates = Map.copyOf(naturalRates);
      if (lambdas.isEmpty() || lambdas.stream().anyMatch(l -> !(l > 0))) {
        throw new IllegalArgumentException("lambdas must be > 0, got: " + lambdas);
      }
      if (folds < 2) {
        throw new IllegalArgumentException("folds must be >= 2, got: " + folds);
      }
      if (!(curatedPenalty > 0 && curatedPenalty <= 1)) {
        throw new IllegalArgumentException(
            "curatedPenalty must be in (0, 1], got: " + curatedPenalty);
      }
      if (minCount < 1) {
        throw new IllegalArgumentException("minCount must be >= 1, got: " + minCount);
      }
    }
  }

  /**
   * The result of training one topic.
   *
   * @param trained the definition with learned weights (fitted on all examples)
   * @param crossValidated scores of out-of-fold predictions with the chosen penalty
   * @param training scores of the trained model on the examples it was fitted to (optimistic)
   * @param lambda the chosen penalty
   * @param f1ByLambda cross-validated F1 for each penalty tried
   * @param misses the texts the cross-validation got wrong with the chosen penalty, by id
   */
  public record Result(
      TopicDefinition trained,
      Scores crossValidated,
      Scores training,
      double lambda,
      Map<Double, Double> f1ByLambda,
      List<Miss> misses) {}

  /**
   * A text that cross-validation labelled wrongly.
   *
   * @param id the text's id
   * @param labelled whether it is labelled with the topic
   * @param probability its out-of-fold score
   * @param threshold the threshold of its fold
   */
  public record Miss(String id, boolean labelled, double probability, double threshold) {}

  /** Thresholds tried when choosing one. */
  private static final double[] THRESHOLDS = thresholds();

  private static double[] thresholds() {
    double[] t = new double[37];
    for (int i = 0; i < t.length; i++) {
      t[i] = Math.round((0.05 + 0.025 * i) * 1000) / 1000.0;
    }
    return t;
  }

  /**
   * Trains each of {@code topics} on the examples judged for it.
   *
   * @throws IllegalArgumentException if no example is judged for a topic, or none is positive
   */
  public static List<Result> train(
      List<TopicDefinition> topics,
      Gazetteer gazetteer,
      List<LabelledText> examples,
      Options options) {
    EntityTagger tagger = new EntityTagger(gazetteer);
    List<LabelledText> sorted = new ArrayList<>(examples);
    sorted.sort(Comparator.comparing(LabelledText::id));
    List<Prepared> prepared = new ArrayList<>();
    for (LabelledText e : sorted) {
      TokenView view = TokenView.of(e.text());
      TokenView context = e.context() == null ? null : TokenView.of(e.context());
      prepared.add(new Prepared(e, view, tagger.tag(view, context), context));
    }
    List<Result> results = new ArrayList<>();
    for (TopicDefinition topic : topics) {
      results.add(trainOne(topic, gazetteer, prepared, options));
    }
    return results;
  }

  private record Prepared(
      LabelledText example, TokenView view, List<Mention> mentions, TokenView context) {}

  private static Result trainOne(
      TopicDefinition topic, Gazetteer gazetteer, List<Prepared> all, Options options) {
    Features features = new Features(topic.cues(), gazetteer);
    List<Prepared> judged =
        all.stream().filter(p -> p.example().judged().contains(topic.name())).toList();
    if (judged.isEmpty()) {
      throw new IllegalArgumentException("no examples are judged for topic " + topic.name());
    }
    int n = judged.size();
    List<Map<String, Float>> named = new ArrayList<>(n);
    Map<String, Integer> df = new HashMap<>();
    boolean[] labels = new boolean[n];
    boolean[] natural = new boolean[n];
    String[] articles = new String[n];
    for (int i = 0; i < n; i++) {
      Prepared p = judged.get(i);
      Map<String, Float> f = features.named(p.view(), p.mentions(), p.context());
      named.add(f);
      f.keySet().forEach(k -> df.merge(k, 1, Integer::sum));
      labels[i] = p.example().labels().contains(topic.name());
      natural[i] = p.example().natural();
      articles[i] = p.example().article();
    }
    boolean anyPositive = false;
    for (boolean b : labels) {
      anyPositive |= b;
    }
    if (!anyPositive) {
      throw new IllegalArgumentException("no example is labelled with topic " + topic.name());
    }
    // The vocabulary: curated and entity features always, words and pairs when frequent enough.
    TreeMap<String, Integer> vocabulary = new TreeMap<>();
    df.forEach(
        (name, count) -> {
          if (curated(name) || count >= options.minCount()) {
            vocabulary.put(name, 0);
          }
        });
    List<String> names = new ArrayList<>(vocabulary.keySet());
    for (int i = 0; i < names.size(); i++) {
      vocabulary.put(names.get(i), i);
    }
    int[][] index = new int[n][];
    float[][] value = new float[n][];
    for (int i = 0; i < n; i++) {
      int[] ix = new int[named.get(i).size()];
      float[] vx = new float[ix.length];
      int m = 0;
      for (Map.Entry<String, Float> e : named.get(i).entrySet()) {
        Integer k = vocabulary.get(e.getKey());
        if (k != null) {
          ix[m] = k;
          vx[m++] = e.getValue();
        }
      }
      index[i] = java.util.Arrays.copyOf(ix, m);
      value[i] = java.util.Arrays.copyOf(vx, m);
    }
    double[] penalty = new double[names.size()];
    for (int k = 0; k < penalty.length; k++) {
      penalty[k] = curated(names.get(k)) ? options.curatedPenalty() : 1;
    }
    double[] prior = new double[names.size()];
    topic
        .priors()
        .forEach(
            (feature, w) -> {
              Integer k = vocabulary.get(feature);
              if (k != null) {
                prior[k] = w;
              }
            });
    LogisticRegression.Rows rows =
        new LogisticRegression.Rows(index, value, names.size(), penalty, prior);
    Double rate = options.naturalRates().get(topic.name());
    double[] weight = sampleWeights(labels, natural, rate);
    int[] everything = new int[n];
    for (int i = 0; i < n; i++) {
      everything[i] = i;
    }
    Map<Double, Double> f1ByLambda = new LinkedHashMap<>();
    Scores best = null;
    double bestLambda = 0;
    List<Miss> bestMisses = List.of();
    for (double lambda : options.lambdas()) {
      boolean[] oof = new boolean[n];
      double[] oofP = new double[n];
      double[] oofT = new double[n];
      for (int f = 0; f < options.folds(); f++) {
        int[] train = select(articles, everything, options.folds(), f, 0, false);
        int[] test = select(articles, everything, options.folds(), f, 0, true);
        if (train.length == 0 || test.length == 0) {
          continue;
        }
        double threshold = chooseThreshold(rows, train, labels, weight, articles, lambda);
        double[] w = LogisticRegression.fit(rows, train, pick(labels, train), lambda);
        for (int i : test) {
          oofP[i] = LogisticRegression.probability(rows, i, w);
          oofT[i] = threshold;
          oof[i] = oofP[i] >= threshold;
        }
      }
      Scores s = scores(topic.name(), oof, labels);
      f1ByLambda.put(lambda, s.f1());
      if (best == null || s.f1() > best.f1() + 1e-12) {
        best = s;
        bestLambda = lambda;
        List<Miss> misses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (oof[i] != labels[i]) {
            misses.add(new Miss(judged.get(i).example().id(), labels[i], oofP[i], oofT[i]));
          }
        }
        bestMisses = misses;
      }
    }
    double threshold = chooseThreshold(rows, everything, labels, weight, articles, bestLambda);
    double[] w = LogisticRegression.fit(rows, everything, labels, bestLambda);
    boolean[] fitted = new boolean[n];
    for (int i = 0; i < n; i++) {
      fitted[i] = LogisticRegression.probability(rows, i, w) >= threshold;
    }
    Map<String, Double> weights = new TreeMap<>();
    for (int k = 0; k < names.size(); k++) {
      double v = round(w[k + 1]);
      if (v != 0) {
        weights.put(names.get(k), v);
      }
    }
    TopicDefinition trained = topic.withModel(threshold, round(w[0]), weights);
    return new Result(
        trained,
        best,
        scores(topic.name(), fitted, labels),
        bestLambda,
        f1ByLambda,
        List.copyOf(bestMisses));
  }

  /** Whether a feature is curated (a cue or an entity pattern) rather than a word or pair. */
  static boolean curated(String name) {
    return name.startsWith("cue:") || name.startsWith("ent:") || name.startsWith("ctx:cue:");
  }

  /**
   * Weights that give the texts not from a natural sample the natural share of positives: natural
   * texts weigh 1; the others weigh {@code rate / share} when positive and {@code (1 - rate) / (1 -
   * share)} when not, where {@code share} is their own share of positives.
   */
  static double[] sampleWeights(boolean[] labels, boolean[] natural, Double rate) {
    double[] w = new double[labels.length];
    java.util.Arrays.fill(w, 1);
    if (rate == null) {
      return w;
    }
    int others = 0;
    int positives = 0;
    for (int i = 0; i < labels.length; i++) {
      if (!natural[i]) {
        others++;
        positives += labels[i] ? 1 : 0;
      }
    }
    if (others == 0 || positives == 0 || positives == others) {
      return w;
    }
    double share = positives / (double) others;
    for (int i = 0; i < labels.length; i++) {
      if (!natural[i]) {
        w[i] = labels[i] ? rate / share : (1 - rate) / (1 - share);
      }
    }
    return w;
  }

  /**
   * The threshold with the best weighted F1 on out-of-fold probabilities of an inner 3-fold
   * cross-validation of {@code part} (ties go to the threshold nearest 0.5).
   */
  private static double chooseThreshold(
      LogisticRegression.Rows rows,
      int[] part,
      boolean[] labels,
      double[] weight,
      String[] articles,
      double lambda) {
    int inner = 3;
    double[] p = new double[rows.size()];
    for (int f = 0; f < inner; f++) {
      int[] train = select(articles, part, inner, f, 1, false);
      int[] test = select(articles, part, inner, f, 1, true);
      boolean[] y = pick(labels, train);
      boolean pos = false;
      boolean neg = false;
      for (boolean b : y) {
        pos |= b;
        neg |= !b;
      }
      if (!pos || !neg || test.length == 0) {
        return 0.5;
      }
      double[] w = LogisticRegression.fit(rows, train, y, lambda);
      for (int i : test) {
        p[i] = LogisticRegression.probability(rows, i, w);
      }
    }
    double best = 0.5;
    double bestF1 = -1;
    for (double t : THRESHOLDS) {
      double tp = 0;
      double fp = 0;
      double fn = 0;
      for (int i : part) {
        boolean predicted = p[i] >= t;
        if (predicted && labels[i]) {
          tp += weight[i];
        } else if (predicted) {
          fp += weight[i];
        } else if (labels[i]) {
          fn += weight[i];
        }
      }
      double f1 = tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
      if (f1 > bestF1 + 1e-9
          || (Math.abs(f1 - bestF1) <= 1e-9 && Math.abs(t - 0.5) < Math.abs(best - 0.5))) {
        bestF1 = f1;
        best = t;
      }
    }
    return best;
  }

  /** The members of {@code part} in (or not in) fold {@code f}; folds by a hash of the article. */
  private static int[] select(
      String[] articles, int[] part, int folds, int f, int salt, boolean inFold) {
    int[] out = new int[part.length];
    int m = 0;
    for (int i : part) {
      if ((foldOf(articles[i], folds, salt) == f) == inFold) {
        out[m++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, m);
  }

  /** The fold of an article: a hash of its id, so passages of one article share a fold. */
  static int foldOf(String article, int folds, int salt) {
    long h = TokenView.hash(article) + salt * 0x9E3779B97F4A7C15L;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) Long.remainderUnsigned(h, folds);
  }

  private static boolean[] pick(boolean[] labels, int[] rows) {
    boolean[] out = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = labels[rows[i]];
    }
    return out;
  }

  /** Scores of predictions against labels. */
  static Scores scores(String topic, boolean[] predicted, boolean[] labels) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] && labels[i]) {
        tp++;
      } else if (predicted[i]) {
        fp++;
      } else if (labels[i]) {
        fn++;
      }
    }
    return new Scores(topic, tp, fp, fn, predicted.length);
  }

  /**
   * How one cue fares on labelled texts: how many texts judged for its topic it fires on, how many
   * of those are labelled with the topic, against the topic's share among all of them.
   *
   * @param topic the topic whose cue it is
   * @param cue the cue name
   * @param matches judged texts the cue fires on
   * @param positives of those, texts labelled with the topic
   * @param judged texts judged for the topic
   * @param labelled of those, texts labelled with the topic
   */
  public record CueCheck(
      String topic, String cue, int matches, int positives, int judged, int labelled) {
    /** The topic's share among the texts the cue fires on; NaN when it fires on none. */
    public double precision() {
      return matches == 0 ? Double.NaN : positives / (double) matches;
    }

    /** The topic's share among all judged texts. */
    public double baseRate() {
      return judged == 0 ? 0 : labelled / (double) judged;
    }
  }

  /**
   * Checks every cue of {@code topics} on {@code examples}: for vetting hand-written rules on texts
   * their author has not read (a positive cue should fire on texts more often labelled with its
   * topic than the base rate, a negative one less often, and a rule that fires on almost nothing is
   * a rule fitted to single items).
   */
  public static List<CueCheck> vet(
      List<TopicDefinition> topics, Gazetteer gazetteer, List<LabelledText> examples) {
    EntityTagger tagger = new EntityTagger(gazetteer);
    List<TokenView> views = new ArrayList<>();
    List<List<Mention>> mentions = new ArrayList<>();
    for (LabelledText e : examples) {
      TokenView v = TokenView.of(e.text());
      views.add(v);
      mentions.add(tagger.tag(v, e.context() == null ? null : TokenView.of(e.context())));
    }
    List<CueCheck> out = new ArrayList<>();
    for (TopicDefinition topic : topics) {
      Features features = new Features(topic.cues(), gazetteer);
      int[] matches = new int[topic.cues().size()];
      int[] positives = new int[topic.cues().size()];
      int judged = 0;
      int labelled = 0;
      for (int i = 0; i < examples.size(); i++) {
        LabelledText e = examples.get(i);
        if (!e.judged().contains(topic.name())) {
          continue;
        }
        boolean yes = e.labels().contains(topic.name());
        judged++;
        labelled += yes ? 1 : 0;
        Map<String, Float> named = features.named(views.get(i), mentions.get(i), null);
        for (int c = 0; c < matches.length; c++) {
          if (named.containsKey("cue:" + topic.cues().get(c).name())) {
            matches[c]++;
            positives[c] += yes ? 1 : 0;
          }
        }
      }
      for (int c = 0; c < matches.length; c++) {
        out.add(
            new CueCheck(
                topic.name(),
                topic.cues().get(c).name(),
                matches[c],
                positives[c],
                judged,
                labelled));
      }
    }
    return out;
  }

  /** Scores a model's labels on examples (with their context when they have one). */
  public static List<Scores> evaluate(
      TopicModel model, Gazetteer gazetteer, List<LabelledText> examples) {
    EntityTagger tagger = new EntityTagger(gazetteer);
    List<Scores> out = new ArrayList<>();
    List<List<String>> predicted = new ArrayList<>();
    for (LabelledText e : examples) {
      TokenView view = TokenView.of(e.text());
      TokenView context = e.context() == null ? null : TokenView.of(e.context());
      predicted.add(model.labels(model.score(view, tagger.tag(view, context), context)));
    }
    for (String topic : model.names()) {
      List<Boolean> labels = new ArrayList<>();
      List<Boolean> preds = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        if (examples.get(i).judged().contains(topic)) {
          labels.add(examples.get(i).labels().contains(topic));
          preds.add(predicted.get(i).contains(topic));
        }
      }
      boolean[] p = new boolean[preds.size()];
      boolean[] l = new boolean[preds.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = preds.get(i);
        l[i] = labels.get(i);
      }
      out.add(scores(topic, p, l));
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
