package dev.parley.indexer.enrich;

/**
 * L2-regularised logistic regression over sparse rows, fitted by Newton's method with conjugate
 * gradients for each step (truncated Newton, as LIBLINEAR's primal solver) and a backtracking line
 * search. Deterministic: no random start, no shuffling, a fixed order of operations.
 *
 * <p>The loss is {@code Σ log(1 + exp(-y (b + w·x))) + λ/2 Σ c_j (w_j - μ_j)²}, where {@code c_j}
 * is each feature's penalty factor (1 for words, less for curated features, so a handful of named
 * cues is not shrunk as hard as thousands of words) and {@code μ_j} its prior weight (0 except for
 * the few curated features a topic definition gives a prior, {@link TopicDefinition#priors()}); the
 * bias {@code b} is not penalised.
 *
 * <p>Thread safety: stateless.
 */
final class LogisticRegression {
  private LogisticRegression() {}

  /**
   * Sparse rows: row {@code i} has {@code index[i][k]} (feature numbers in {@code [0, dims)}) with
   * values {@code value[i][k]}; {@code penalty} and {@code prior} hold each feature's penalty
   * factor and prior weight.
   */
  record Rows(int[][] index, float[][] value, int dims, double[] penalty, double[] prior) {
    Rows(int[][] index, float[][] value, int dims, double[] penalty) {
      this(index, value, dims, penalty, new double[dims]);
    }

    int size() {
      return index.length;
    }
  }

  /**
   * Fits the rows {@code rows} (a subset of {@code data} by position) to {@code labels}.
   *
   * @return {bias, w0 .. w(dims-1)}
   */
  static double[] fit(Rows data, int[] rows, boolean[] labels, double lambda) {
    int d = data.dims() + 1;
    double[] w = new double[d];
    System.arraycopy(data.prior(), 0, w, 1, data.dims()); // start at the prior
    double[] z = new double[rows.length];
    double f = loss(data, rows, labels, w, z, lambda);
    double[] g = new double[d];
    double g0 = -1;
    for (int iteration = 0; iteration < 40; iteration++) {
      double[] p = new double[rows.length];
      gradient(data, rows, labels, w, z, lambda, g, p);
      double gn = norm(g);
      if (g0 < 0) {
        g0 = gn;
      }
      if (gn <= 1e-5 * Math.max(1, g0)) {
        break;
      }
      double[] step = conjugateGradient(data, rows, p, lambda, g, 0.1 * gn);
      double slope = dot(g, step);
      double t = 1;
      double[] trial = new double[d];
      double[] trialZ = new double[rows.length];
      boolean moved = false;
      for (int k = 0; k < 30; k++) {
        for (int a = 0; a < d; a++) {
          trial[a] = w[a] + t * step[a];
        }
        double ft = loss(data, rows, labels, trial, trialZ, lambda);
        if (ft <= f + 1e-4 * t * slope) {
          System.arraycopy(trial, 0, w, 0, d);
          System.arraycopy(trialZ, 0, z, 0, rows.length);
          moved = f - ft > 1e-12 * Math.max(1, Math.abs(f));
          f = ft;
          break;
        }
        t /= 2;
      }
      if (!moved) {
        break;
      }
    }
    return w;
  }

  /** The probability of row {@code r} under weights {@code w} ({bias, w...}). */
  static double probability(Rows data, int r, double[] w) {
    return sigmoid(margin(data, r, w));
  }

  private static double margin(Rows data, int r, double[] w) {
    double z = w[0];
    int[] idx = data.index()[r];
    float[] val = data.value()[r];
    for (int k = 0; k < idx.length; k++) {
      z += w[idx[k] + 1] * val[k];
    }
    return z;
  }

  private static double loss(
      Rows data, int[] rows, boolean[] labels, double[] w, double[] z, double lambda) {
    double f = 0;
    for (int i = 0; i < rows.length; i++) {
      z[i] = margin(data, rows[i], w);
      double yz = labels[i] ? z[i] : -z[i];
      f += yz > 0 ? Math.log1p(Math.exp(-yz)) : -yz + Math.log1p(Math.exp(yz));
    }
    double r = 0;
    for (int a = 1; a < w.length; a++) {
      double off = w[a] - data.prior()[a - 1];
      r += data.penalty()[a - 1] * off * off;
    }
    return f + lambda / 2 * r;
  }

  private static void gradient(
      Rows data,
      int[] rows,
      boolean[] labels,
      double[] w,
      double[] z,
      double lambda,
      double[] g,
      double[] p) {
    java.util.Arrays.fill(g, 0);
    for (int i = 0; i < rows.length; i++) {
      p[i] = sigmoid(z[i]);
      double r = p[i] - (labels[i] ? 1 : 0);
      g[0] += r;
      int[] idx = data.index()[rows[i]];
      float[] val = data.value()[rows[i]];
      for (int k = 0; k < idx.length; k++) {
        g[idx[k] + 1] += r * val[k];
      }
    }
    for (int a = 1; a < w.length; a++) {
      g[a] += lambda * data.penalty()[a - 1] * (w[a] - data.prior()[a - 1]);
    }
  }

  /** Solves {@code H s = -g} approximately, {@code H = Xᵀ D X + λI} (the bias gets 1e-8). */
  private static double[] conjugateGradient(
      Rows data, int[] rows, double[] p, double lambda, double[] g, double tolerance) {
    int d = g.length;
    double[] s = new double[d];
    double[] r = new double[d];
    for (int a = 0; a < d; a++) {
      r[a] = -g[a];
    }
    double[] dir = r.clone();
    double rr = dot(r, r);
    double[] hd = new double[d];
    for (int k = 0; k < 100 && Math.sqrt(rr) > tolerance; k++) {
      hessianTimes(data, rows, p, lambda, dir, hd);
      double alpha = rr / dot(dir, hd);
      for (int a = 0; a < d; a++) {
        s[a] += alpha * dir[a];
        r[a] -= alpha * hd[a];
      }
      double next = dot(r, r);
      double beta = next / rr;
      rr = next;
      for (int a = 0; a < d; a++) {
        dir[a] = r[a] + beta * dir[a];
      }
    }
    return s;
  }

  private static void hessianTimes(
      Rows data, int[] rows, double[] p, double lambda, double[] v, double[] out) {
    java.util.Arrays.fill(out, 0);
    for (int i = 0; i < rows.length; i++) {
      int[] idx = data.index()[rows[i]];
      float[] val = data.value()[rows[i]];
      double xv = v[0];
      for (int k = 0; k < idx.length; k++) {
        xv += v[idx[k] + 1] * val[k];
      }
      double c = Math.max(p[i] * (1 - p[i]), 1e-12) * xv;
      out[0] += c;
      for (int k = 0; k < idx.length; k++) {
        out[idx[k] + 1] += c * val[k];
      }
    }
    out[0] += 1e-8 * v[0];
    for (int a = 1; a < v.length; a++) {
      out[a] += lambda * data.penalty()[a - 1] * v[a];
    }
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }
}
