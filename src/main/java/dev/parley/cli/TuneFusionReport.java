package dev.parley.cli;

import dev.parley.embed.DenseModel;
import dev.parley.eval.FusionTuner;
import dev.parley.eval.RerankTuner;
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
    for (boolean union : new boolean[] {false, true}) {
      String design = union ? "union" : "rescore";
      // The union design needs the index's vectors; queries on indexes without them are left out
      // of its columns (and of its learning).
      List<FusionTuner.FusionQuery> usable =
          union ? queries.stream().filter(FusionTuner.FusionQuery::union).toList() : queries;
      if (usable.isEmpty()) {
        learned.append(design + ": no index with vectors, not measured\n");
        continue;
      }
      FusionTuner.Objective<FusionTuner.FusionQuery, Double> objective =
          (q, w) -> FusionTuner.ndcg(q, w, union);
      double all = FusionTuner.best(usable, weights, objective);
      columns.put(design + " in", perQuery(usable, q -> FusionTuner.ndcg(q, all, union)));
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
              "%s: lexical share learned on all %d queries %.2f; per fold %s%n",
              design,
              usable.size(),
              all,
              perFold));
    }
    out.printf(
        Locale.ROOT,
        "fusion of the lexical top %d and (union) the %d nearest by vector; nDCG@10; in = weight"
            + " learned on all queries (in-sample), cv = %d-fold cross-validated by query%n",
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

  static void articles(List<RerankTuner.Dataset> sets, boolean dense, int folds, PrintStream out)
      throws IOException {
    List<FusionTuner.ArticleQuery> queries = FusionTuner.collectArticles(sets, dense, 1000);
    List<ArticleModel> models = new ArrayList<>();
    for (double a : FusionTuner.ARTICLE_SHARES) {
      for (double s : FusionTuner.SECOND_SHARES) {
        models.add(new ArticleModel(a, s));
      }
    }
    FusionTuner.Objective<FusionTuner.ArticleQuery, ArticleModel> objective = FusionTuner::map;
    ArticleModel all = FusionTuner.best(queries, models, objective);
    List<ArticleModel> perFold = new ArrayList<>();
    Map<String, Double> cv =
        FusionTuner.crossValidate(
            queries, FusionTuner.ArticleQuery::key, models, objective, folds, perFold);
    double maxP =
        queries.stream()
            .mapToDouble(q -> FusionTuner.map(q, ArticleModel.bestPassage()))
            .average()
            .orElse(0);
    double in = queries.stream().mapToDouble(q -> FusionTuner.map(q, all)).average().orElse(0);
    double cvMean = cv.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    out.printf(
        Locale.ROOT,
        "article search (%s), %d queries, MAP@1000: best passage alone %.4f, learned in-sample"
            + " %.4f (article share %.2f, second passage share %.2f), %d-fold cross-validated %.4f%n",
        dense ? "hybrid passages" : "lexical passages",
        queries.size(),
        maxP,
        in,
        all.articleShare(),
        all.secondShare(),
        folds,
        cvMean);
    out.println(
        "  per fold: "
            + Arrays.toString(
                perFold.stream()
                    .map(m -> m.articleShare() + "/" + m.secondShare())
                    .toArray(String[]::new)));
  }

  private static Map<String, Double> perQuery(
      List<FusionTuner.FusionQuery> queries,
      java.util.function.ToDoubleFunction<FusionTuner.FusionQuery> f) {
    Map<String, Double> out = new LinkedHashMap<>();
    queries.forEach(q -> out.put(q.key(), f.applyAsDouble(q)));
    return out;
  }
}
