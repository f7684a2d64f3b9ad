package dev.parley.indexer.enrich;

import dev.parley.analysis.EntityTagger;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import dev.parley.analysis.NormalizedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Learns the weights of a topic's features from labelled texts by L2-regularised logistic
 * regression (Newton's method, deterministic), and measures the result by k-fold cross-validation
 * so the reported F1 is on texts the weights were not fitted to.
 *
 * <p>Only the weights and the bias are learned; which features exist, their patterns and context
 * rules are written by people and documented (docs/topics.md).
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
   * The result of training one topic.
   *
   * @param trained the definition with learned weights (fitted on all examples)
   * @param crossValidated scores of out-of-fold predictions
   * @param training scores of the trained model on the examples it was fitted to
   */
  public record Result(TopicDefinition trained, Scores crossValidated, Scores training) {}

  /**
   * Trains every topic of {@code model} on {@code examples}.
   *
   * @param lambda the L2 penalty on feature weights (not the bias)
   * @param folds the number of cross-validation folds, at least 2
   */
  public static List<Result> train(
      TopicModel model,
      Gazetteer gazetteer,
      List<LabelledText> examples,
      double lambda,
      int folds) {
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be >= 2, got: " + folds);
    }
    EntityTagger tagger = new EntityTagger(gazetteer);
    List<LabelledText> sorted = new ArrayList<>(normalized(examples));
    sorted.sort(Comparator.comparing(LabelledText::id));
    List<List<Mention>> mentions = sorted.stream().map(e -> tagger.tag(e.text())).toList();
    List<Result> results = new ArrayList<>();
    List<TopicDefinition> topics = model.topics();
    for (int t = 0; t < topics.size(); t++) {
      TopicDefinition topic = topics.get(t);
      List<double[]> x = new ArrayList<>();
      List<Boolean> y = new ArrayList<>();
      for (int i = 0; i < sorted.size(); i++) {
        LabelledText e = sorted.get(i);
        if (e.judged().contains(topic.name())) {
          x.add(model.features(t, e.text(), mentions.get(i)));
          y.add(e.labels().contains(topic.name()));
        }
      }
      if (x.isEmpty()) {
        throw new IllegalArgumentException("no examples are judged for topic " + topic.name());
      }
      int n = x.size();
      boolean[] oof = new boolean[n];
      for (int f = 0; f < folds; f++) {
        List<double[]> trainX = outsideFold(x, f, folds);
        List<Boolean> trainY = outsideFold(y, f, folds);
        // The threshold is chosen inside the training part only, so the scored fold stays unseen.
        double threshold = bestThreshold(trainX, trainY, lambda, folds);
        double[] w = fit(trainX, trainY, lambda);
        for (int i = f; i < n; i += folds) {
          oof[i] = probability(w, x.get(i)) >= threshold;
        }
      }
      double threshold = bestThreshold(x, y, lambda, folds);
      double[] w = fit(x, y, lambda);
      boolean[] fitted = new boolean[n];
      for (int i = 0; i < n; i++) {
        fitted[i] = probability(w, x.get(i)) >= threshold;
      }
      double[] weights = new double[w.length - 1];
      System.arraycopy(w, 1, weights, 0, weights.length);
      results.add(
          new Result(
              topic.withWeights(round(w[0]), roundAll(weights)).withThreshold(threshold),
              scores(topic.name(), oof, y),
              scores(topic.name(), fitted, y)));
    }
    return results;
  }

  /** The items not in fold {@code f} of {@code folds} (item i is in fold {@code i % folds}). */
  static <T> List<T> outsideFold(List<T> items, int f, int folds) {
    List<T> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (i % folds != f) {
        out.add(items.get(i));
      }
    }
    return out;
  }

  /** Thresholds tried when choosing one. */
  private static final double[] THRESHOLDS = {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7};

  /**
   * The label threshold with the best F1 on out-of-fold probabilities of {@code x} (ties go to the
   * threshold nearest 0.5).
   */
  static double bestThreshold(List<double[]> x, List<Boolean> y, double lambda, int folds) {
    int n = x.size();
    double[] p = new double[n];
    for (int f = 0; f < folds; f++) {
      List<double[]> trainX = outsideFold(x, f, folds);
      List<Boolean> trainY = outsideFold(y, f, folds);
      if (trainY.stream().noneMatch(b -> b) || trainY.stream().allMatch(b -> b)) {
        return 0.5;
      }
      double[] w = fit(trainX, trainY, lambda);
      for (int i = f; i < n; i += folds) {
        p[i] = probability(w, x.get(i));
      }
    }
    double best = 0.5;
    double bestF1 = -1;
    for (double t : THRESHOLDS) {
      boolean[] predicted = new boolean[n];
      for (int i = 0; i < n; i++) {
        predicted[i] = p[i] >= t;
      }
      double f1 = scores("", predicted, y).f1();
      if (f1 > bestF1 + 1e-9
          || (Math.abs(f1 - bestF1) <= 1e-9 && Math.abs(t - 0.5) < Math.abs(best - 0.5))) {
        bestF1 = f1;
        best = t;
      }
    }
    return best;
  }

  /** Scores of predictions against labels. */
  static Scores scores(String topic, boolean[] predicted, List<Boolean> labels) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] && labels.get(i)) {
        tp++;
      } else if (predicted[i]) {
        fp++;
      } else if (labels.get(i)) {
        fn++;
      }
    }
    return new Scores(topic, tp, fp, fn, predicted.length);
  }

  /** Scores a model's labels on examples. */
  public static List<Scores> evaluate(
      TopicModel model, Gazetteer gazetteer, List<LabelledText> examples) {
    examples = normalized(examples);
    EntityTagger tagger = new EntityTagger(gazetteer);
    List<Scores> out = new ArrayList<>();
    List<List<String>> predicted = new ArrayList<>();
    for (LabelledText e : examples) {
      predicted.add(model.labels(model.score(e.text(), tagger.tag(e.text()))));
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
      for (int i = 0; i < p.length; i++) {
        p[i] = preds.get(i);
      }
      out.add(scores(topic, p, labels));
    }
    return out;
  }

  /** Logistic regression by Newton's method; returns {bias, w1..wd}. */
  static double[] fit(List<double[]> x, List<Boolean> y, double lambda) {
    int d = x.get(0).length + 1;
    double[] w = new double[d];
    for (int iteration = 0; iteration < 50; iteration++) {
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      for (int i = 0; i < x.size(); i++) {
        double[] xi = withBias(x.get(i));
        double p = probability(w, x.get(i));
        double r = p - (y.get(i) ? 1 : 0);
        double s = Math.max(p * (1 - p), 1e-9);
        for (int a = 0; a < d; a++) {
          gradient[a] += r * xi[a];
          for (int b = 0; b < d; b++) {
            hessian[a][b] += s * xi[a] * xi[b];
          }
        }
      }
      for (int a = 1; a < d; a++) {
        gradient[a] += lambda * w[a];
        hessian[a][a] += lambda;
      }
      hessian[0][0] += 1e-6;
      double[] step = solve(hessian, gradient);
      double change = 0;
      for (int a = 0; a < d; a++) {
        w[a] -= step[a];
        change = Math.max(change, Math.abs(step[a]));
      }
      if (change < 1e-8) {
        break;
      }
    }
    return w;
  }

  static double probability(double[] w, double[] x) {
    double z = w[0];
    for (int i = 0; i < x.length; i++) {
      z += w[i + 1] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  private static double[] withBias(double[] x) {
    double[] out = new double[x.length + 1];
    out[0] = 1;
    System.arraycopy(x, 0, out, 1, x.length);
    return out;
  }

  /** Solves {@code a · s = b} by Gaussian elimination with partial pivoting. */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] tmp = m[c];
      m[c] = m[pivot];
      m[pivot] = tmp;
      if (Math.abs(m[c][c]) < 1e-12) {
        continue;
      }
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double factor = m[r][c] / m[c][c];
          for (int k = c; k <= n; k++) {
            m[r][k] -= factor * m[c][k];
          }
        }
      }
    }
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
    }
    return s;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static double[] roundAll(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = round(v[i]);
    }
    return out;
  }

  /** The examples' texts as the enricher sees them ({@link NormalizedText}). */
  private static List<LabelledText> normalized(List<LabelledText> examples) {
    return examples.stream()
        .map(
            e ->
                new LabelledText(
                    e.id(), NormalizedText.of(e.text()).text(), e.labels(), e.judged()))
        .toList();
  }
}
