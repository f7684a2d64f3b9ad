package dev.parley.cli;

import dev.parley.embed.DenseModel;
import dev.parley.eval.FusionTuner;
import dev.parley.eval.RerankTuner;
import dev.parley.query.fuse.Fusion;
import dev.parley.query.rank.ArticleModel;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code parley tune --fusion} and {@code tune --articles}: learn the fusion weight and the article
 * shares on dev queries and print in-sample and cross-validated figures side by side, per dev set
 * and per corpus.
 */
final class TuneFusionReport {
  private TuneFusionReport() {}

  static void fusion(
      List<RerankTuner.Dataset> sets, int depth, int folds, DenseModel model, PrintStream out)
      throws IOException {
    List<FusionTuner.FusionQuery> queries = FusionTuner.collectFusion(sets, depth, model);
    List<Double> weights = new ArrayList<>();
    // Ties go to the larger lexical share: prefer the first stage when the vectors add nothing.
    for (int i = FusionTuner.WEIGHTS.length - 1; i >= 0; i--) {
      weights.add(FusionTuner.WEIGHTS[i]);
    }
    Map<String, Map<String, Double>> columns = new LinkedHashMap<>();
    columns.put("parley", perQuery(queries, q -> FusionTuner.ndcg(q, 1.0, false)));
    StringBuilder learned = new StringBuilder();
    // The floor is measured without judgments (the model's cosine for an unrelated passage), so
    // the judged queries learn one value, the lexical share, as before.
    boolean anyUnion = queries.stream().anyMatch(FusionTuner.FusionQuery::union);
    FusionTuner.Background background =
        anyUnion ? FusionTuner.background(sets) : new FusionTuner.Background(0, 0, 0, 0);
    double floor = background.floor();
    if (anyUnion) {
      learned.append(
          String.format(
              Locale.ROOT,
              "dense floor (no judgments used): median over %d queries of each query's median"
                  + " cosine with about %d passages of its index %.4f (queries %.4f to %.4f);"
                  + " floor %.2f%n",
              background.queries(),
              FusionTuner.BACKGROUND_SAMPLE,
              background.median(),
              background.min(),
              background.max(),
              floor));
    }
    for (String design : List.of("rescore", "union", "u+floor")) {
      boolean union = !design.equals("rescore");
      double f = design.equals("u+floor") ? floor : Fusion.NO_FLOOR;
      // The union design needs the index's vectors; queries on indexes without them are left out
      // of its columns (and of its learning).
      List<FusionTuner.FusionQuery> usable =
          union ? queries.stream().filter(FusionTuner.FusionQuery::union).toList() : queries;
      if (usable.isEmpty()) {
        learned.append(design + ": no index with vectors, not measured\n");
        continue;
      }
      FusionTuner.Objective<FusionTuner.FusionQuery, Double> objective =
          FusionTuner.memoized((q, w) -> FusionTuner.ndcg(q, w, f, union));
      double all = FusionTuner.best(usable, weights, objective);
      columns.put(design + " in", perQuery(usable, q -> objective.value(q, all)));
      List<Double> perFold = new ArrayList<>();
      columns.put(
          design + " cv",
          FusionTuner.crossValidate(
              usable,
              FusionTuner.FusionQuery::key,
              weights,
              objective,
              Math.min(folds, usable.size()),
              perFold));
      learned.append(
          String.format(
              Locale.ROOT,
              "%s%s: lexical share learned on all %d queries %.2f; per fold %s%n",
              design,
              f == Fusion.NO_FLOOR ? "" : String.format(Locale.ROOT, " (floor %.2f)", f),
              usable.size(),
              all,
              perFold));
    }
    out.printf(
        Locale.ROOT,
        "fusion of the lexical top %d and (union) the %d nearest by vector; nDCG@10; in = weight"
            + " learned on all queries (in-sample), cv = %d-fold cross-validated by query;"
            + " u+floor = the union with the dense side's confidence over the measured floor"
            + " (Fusion.learned())%n",
        depth,
        depth,
        folds);
    StringBuilder header = new StringBuilder(String.format("%-10s%-10s%8s", "set", "corpus", "n"));
    columns.keySet().forEach(c -> header.append(String.format("%13s", c)));
    out.println(header);
    Set<String> datasets = new LinkedHashSet<>();
    queries.forEach(q -> datasets.add(q.dataset()));
    for (String d : datasets) {
      Set<String> corpora = new LinkedHashSet<>();
      corpora.add("all");
      queries.stream().filter(q -> q.dataset().equals(d)).forEach(q -> corpora.add(q.corpus()));
      for (String c : corpora) {
        List<String> keys =
            queries.stream()
                .filter(q -> q.dataset().equals(d) && (c.equals("all") || q.corpus().equals(c)))
                .map(FusionTuner.FusionQuery::key)
                .toList();
        StringBuilder row = new StringBuilder(String.format("%-10s%-10s%8d", d, c, keys.size()));
        for (Map<String, Double> col : columns.values()) {
          var values = keys.stream().filter(col::containsKey).mapToDouble(col::get).toArray();
          row.append(
              values.length == 0
                  ? String.format("%13s", "-")
                  : String.format(
                      Locale.ROOT,
                      "%9.4f(%2d)",
                      java.util.Arrays.stream(values).average().orElse(0),
                      values.length));
        }
        out.println(row);
      }
    }
    out.print(learned);
  }

  /** Seed of the repeated cross-validation's shuffles (printed with the figures). */
  static final long REPEAT_SEED = 20261201L;

  /** Random fold assignments of the repeated cross-validation. */
  static final int REPEATS = 20;

  static void articles(List<RerankTuner.Dataset> sets, boolean dense, int folds, PrintStream out)
      throws IOException {
    List<FusionTuner.ArticleQuery> queries = FusionTuner.collectArticles(sets, dense, 1000);
    FusionTuner.Objective<FusionTuner.ArticleQuery, ArticleModel> objective =
        FusionTuner.memoized(FusionTuner::map);
    out.printf(
        Locale.ROOT,
        "article search (%s), %d queries, MAP@1000; in = learned on all queries (in-sample), cv ="
            + " %d-fold cross-validated by query, repeated = cv over %d random fold assignments"
            + " (seed %d)%n",
        dense ? "hybrid passages" : "lexical passages",
        queries.size(),
        folds,
        REPEATS,
        REPEAT_SEED);
    // Each grid adds one kind of evidence; the shipped models are the grid that cross-validated
    // best (docs/quality.md): the others are printed so that choice can be checked.
    Map<String, Set<FusionTuner.Evidence>> grids = new LinkedHashMap<>();
    if (dense) {
      grids.put("best passage, lexical share learned", Set.of());
    }
    grids.put("+ article", Set.of(FusionTuner.Evidence.ARTICLE));
    grids.put(
        "+ article + entities",
        Set.of(FusionTuner.Evidence.ARTICLE, FusionTuner.Evidence.ENTITIES));
    grids.put("+ article + entities + passages", Set.of(FusionTuner.Evidence.values()));
    for (var g : grids.entrySet()) {
      articles(
          queries,
          FusionTuner.articleModels(dense, g.getValue()),
          g.getKey(),
          dense,
          folds,
          objective,
          out);
    }
  }

  private static void articles(
      List<FusionTuner.ArticleQuery> queries,
      List<ArticleModel> models,
      String grid,
      boolean dense,
      int folds,
      FusionTuner.Objective<FusionTuner.ArticleQuery, ArticleModel> objective,
      PrintStream out) {
    ArticleModel all = FusionTuner.best(queries, models, objective);
    List<ArticleModel> perFold = new ArrayList<>();
    Map<String, Double> cv =
        FusionTuner.crossValidate(
            queries, FusionTuner.ArticleQuery::key, models, objective, folds, perFold);
    double[] repeated =
        FusionTuner.repeatedCrossValidation(
            queries, FusionTuner.ArticleQuery::key, models, objective, folds, REPEATS, REPEAT_SEED);
    // The best passage alone, at the lexical share learned for the full model.
    ArticleModel maxP = ArticleModel.bestPassage(all.lexicalShare());
    double best = queries.stream().mapToDouble(q -> objective.value(q, maxP)).average().orElse(0);
    double in = queries.stream().mapToDouble(q -> objective.value(q, all)).average().orElse(0);
    double cvMean = cv.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double repMean = Arrays.stream(repeated).average().orElse(0);
    double repSd =
        Math.sqrt(Arrays.stream(repeated).map(v -> (v - repMean) * (v - repMean)).sum() / REPEATS);
    out.printf(
        Locale.ROOT,
        "%s: best passage alone %.4f, in %.4f (%s), cv %.4f, repeated %.4f +- %.4f (min %.4f, max"
            + " %.4f)%n",
        grid,
        best,
        in,
        describe(all, dense),
        cvMean,
        repMean,
        repSd,
        Arrays.stream(repeated).min().orElse(0),
        Arrays.stream(repeated).max().orElse(0));
    out.println(
        "  per fold: " + String.join("; ", perFold.stream().map(m -> describe(m, dense)).toList()));
  }

  private static String describe(ArticleModel m, boolean dense) {
    return String.format(
        Locale.ROOT,
        "%sarticle %.2f, passages %.2f, entities %.2f",
        dense ? String.format(Locale.ROOT, "lexical share %.2f, ", m.lexicalShare()) : "",
        m.articleShare(),
        m.passagesShare(),
        m.entityShare());
  }

  private static Map<String, Double> perQuery(
      List<FusionTuner.FusionQuery> queries,
      java.util.function.ToDoubleFunction<FusionTuner.FusionQuery> f) {
    Map<String, Double> out = new LinkedHashMap<>();
    queries.forEach(q -> out.put(q.key(), f.applyAsDouble(q)));
    return out;
  }
}
