package dev.parley.cli;

import dev.parley.embed.DenseModel;
import dev.parley.eval.Metrics;
import dev.parley.eval.Profile;
import dev.parley.eval.Qrels;
import dev.parley.eval.QueryFile;
import dev.parley.eval.RerankTuner;
import dev.parley.eval.Significance;
import dev.parley.query.fuse.Fusion;
import dev.parley.query.rank.RerankModel;
import dev.parley.query.rank.Reranker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley tune}: learn second-stage weights by coordinate ascent on dev queries, report the
 * cross-validated effect of each feature (ablation), and write the model trained on all queries.
 */
@Command(
    name = "tune",
    description = {
      "Learn second-stage ranking weights on dev queries.",
      "Coordinate ascent; reports the cross-validated effect of each feature (ablation)",
      "and writes the model trained on all queries."
    })
final class TuneCommand extends CliCommand {
  @Option(
      names = "--set",
      arity = "1..*",
      paramLabel = "NAME=LEVEL:QUERIES:QRELS",
      description = "Query sets; LEVEL is passage or article.")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--index",
      arity = "1..*",
      paramLabel = "CORPUS=DIR",
      description = "Index per corpus.")
  List<String> indexSpecs = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE", description = "Write the learned model here.")
  String file;

  @Option(names = "--folds", paramLabel = "K", description = "Folds (default 5).")
  int folds = 5;

  @Option(names = "--depth", paramLabel = "N", description = "Re-ranking depth (default 200).")
  int depth = 200;

  @Option(names = "--candidates", paramLabel = "N", description = "Candidates (default 1000).")
  int candidateCount = 1000;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "First-stage profile (default parley).")
  String profile = "parley";

  @Option(
      names = "--fusion",
      description =
          "Learn the hybrid fusion weight instead (lexical top 100 re-scored, and its union with"
              + " the 100 nearest by vector), in-sample and cross-validated per set and corpus.")
  boolean fusion;

  @Option(
      names = "--articles",
      description = "Learn the article-search shares instead (whole article, second passage).")
  boolean articles;

  @Option(
      names = "--no-dense",
      description = "With --articles: rank passages lexically even on indexes with vectors.")
  boolean noDense;

  @Option(
      names = "--embed",
      paramLabel = "MODEL",
      description =
          "With --fusion, on indexes without vectors: embed the lexical top with this model"
              + " (default e5-small-v2) to measure the re-scoring design.")
  String embed = "e5-small-v2";

  @Override
  public Integer call() throws IOException {
    Map<String, Path> indexes = CorpusIndexes.parse("--index", indexSpecs, false);
    List<RerankTuner.Dataset> datasets = new ArrayList<>();
    for (String spec : sets) {
      datasets.add(dataset(spec, indexes));
    }
    if (datasets.isEmpty()) {
      throw new UsageException("give at least one --set NAME=passage|article:QUERIES.tsv:QRELS");
    }
    inRange("--folds", folds, 2, 100);
    if (fusion) {
      TuneFusionReport.fusion(datasets, Fusion.DEFAULT_DEPTH, folds, DenseModel.named(embed), out);
      return 0;
    }
    if (articles) {
      TuneFusionReport.articles(datasets, !noDense, folds, out);
      return 0;
    }
    inRange("--depth", depth, 10, 5000);
    int candidates = inRange("--candidates", candidateCount, depth, 5000);
    Profile first = Profile.named(profile);
    err.println("collecting candidates and features with profile " + first.name() + "...");
    List<RerankTuner.TrainingQuery> queries = RerankTuner.collect(datasets, first, candidates);
    int n = Reranker.FEATURES.size();
    Map<String, boolean[]> configs = new LinkedHashMap<>();
    configs.put("first stage (" + first.name() + ")", mask(n, -1, false));
    for (int j = 1; j < n; j++) {
      configs.put("+ " + Reranker.FEATURES.get(j), mask(n, j, false));
    }
    configs.put("all features", mask(n, -1, true));
    for (int j = 1; j < n; j++) {
      configs.put("all - " + Reranker.FEATURES.get(j), mask(n, j, true));
    }
    List<String> names = datasets.stream().map(RerankTuner.Dataset::name).toList();
    out.printf(
        Locale.ROOT,
        "%d queries, re-ranking depth %d of %d candidates, %d-fold cross-validated by query%n",
        queries.size(),
        depth,
        candidates,
        folds);
    StringBuilder header = new StringBuilder(String.format("%-24s", "configuration"));
    for (RerankTuner.Dataset d : datasets) {
      header.append(
          String.format(
              "%16s", d.name() + (d.level() == Metrics.Level.PASSAGE ? " nDCG@10" : " MAP")));
    }
    out.println(header.append("   p (vs first stage)"));
    Map<String, Map<String, Double>> reference = null;
    for (var c : configs.entrySet()) {
      Map<String, List<String>> rankings =
          RerankTuner.crossValidate(queries, c.getValue(), depth, folds);
      Map<String, Map<String, Double>> perQuery = perQuery(queries, rankings);
      if (reference == null) {
        reference = perQuery;
      }
      StringBuilder row = new StringBuilder(String.format("%-24s", c.getKey()));
      StringBuilder p = new StringBuilder();
      for (String d : names) {
        row.append(String.format(Locale.ROOT, "%16.4f", mean(perQuery.get(d))));
        p.append(
            String.format(Locale.ROOT, " %s=%.3f", d, pValue(reference.get(d), perQuery.get(d))));
      }
      out.println(row.append("  ").append(p));
    }
    double[] w = RerankTuner.train(queries, mask(n, -1, true), depth);
    RerankModel model = new RerankModel(depth, 8, 10, 10, Map.of()).withVector(w);
    out.println("weights learned on all queries: " + model.weights());
    if (file != null) {
      Files.writeString(Path.of(file), model.toJson() + "\n", StandardCharsets.UTF_8);
      err.println("wrote " + file);
    }
    return 0;
  }

  private static RerankTuner.Dataset dataset(String spec, Map<String, Path> indexes)
      throws IOException {
    int eq = spec.indexOf('=');
    String[] parts = eq < 0 ? new String[0] : spec.substring(eq + 1).split(":");
    if (eq < 0 || parts.length != 3) {
      throw new UsageException("--set takes NAME=passage|article:QUERIES.tsv:QRELS, got: " + spec);
    }
    String name = spec.substring(0, eq);
    Metrics.Level level =
        switch (parts[0]) {
          case "passage" -> Metrics.Level.PASSAGE;
          case "article" -> Metrics.Level.ARTICLE;
          default ->
              throw new UsageException("--set level must be passage or article, got: " + parts[0]);
        };
    Map<String, Path> byCorpus = new LinkedHashMap<>(indexes);
    if (indexes.containsKey(name)) {
      byCorpus.put("", indexes.get(name));
    }
    return new RerankTuner.Dataset(
        name, QueryFile.read(Path.of(parts[1])), Qrels.read(Path.of(parts[2])), byCorpus, level);
  }

  /** Free features: none, one, all, or all but one. */
  private static boolean[] mask(int n, int j, boolean all) {
    boolean[] m = new boolean[n];
    for (int i = 1; i < n; i++) {
      m[i] = all ? i != j : i == j;
    }
    return m;
  }

  /** Dataset name to query id to its metric. */
  private static Map<String, Map<String, Double>> perQuery(
      List<RerankTuner.TrainingQuery> queries, Map<String, List<String>> rankings) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (RerankTuner.TrainingQuery q : queries) {
      Map<String, Double> m =
          Metrics.score(rankings.get(q.dataset() + ":" + q.id()), q.judged(), q.level());
      double v = q.level() == Metrics.Level.PASSAGE ? m.get("ndcg@10") : m.get("map@1000");
      out.computeIfAbsent(q.dataset(), d -> new LinkedHashMap<>()).put(q.id(), v);
    }
    return out;
  }

  private static double mean(Map<String, Double> values) {
    return values.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  private static double pValue(Map<String, Double> reference, Map<String, Double> values) {
    List<Double> diffs = new ArrayList<>();
    values.forEach((q, v) -> diffs.add(v - reference.get(q)));
    return Significance.pValue(diffs);
  }
}
