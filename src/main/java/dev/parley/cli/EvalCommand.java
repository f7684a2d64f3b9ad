package dev.parley.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.eval.Evaluation;
import dev.parley.eval.Metrics;
import dev.parley.eval.Profile;
import dev.parley.eval.Qrels;
import dev.parley.eval.QueryFile;
import dev.parley.query.SearchRequest;
import dev.parley.query.result.ResultsJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley eval}: run queries through one or more ranking profiles and print nDCG@10, P@10, AP
 * and recall at 100, MAP at 1000, MRR@10 and judged@10, mean and per query, with the paired
 * difference and randomisation-test p-value of each profile against the first.
 */
@Command(
    name = "eval",
    description = {
      "Measure ranking profiles against relevance judgments.",
      "nDCG@10, P@10, AP, recall, MAP, MRR and judged@10 per profile, with paired",
      "randomisation tests against the first profile."
    })
final class EvalCommand extends CliCommand {
  @Option(
      names = "--index",
      arity = "1..*",
      paramLabel = "[CORPUS=]DIR",
      description = "Index per corpus (default: index).")
  List<String> indexSpecs = new ArrayList<>();

  @Option(names = "--queries", required = true, paramLabel = "FILE.tsv", description = "Queries.")
  Path queries;

  @Option(names = "--qrels", required = true, paramLabel = "FILE", description = "Judgments.")
  Path qrels;

  @Option(
      names = "--level",
      paramLabel = "passage|article",
      description = "What the judgments judge (default passage).")
  String level = "passage";

  @Option(names = "--k", paramLabel = "N", description = "Depth of each ranking (default 1000).")
  int k = 1000;

  @Option(names = "--run", paramLabel = "OUT.trec", description = "Also write the TREC run.")
  Path runFile;

  @Option(
      names = "--profile",
      arity = "1..*",
      paramLabel = "NAME",
      description = "Ranking profiles (default: bm25 parley).")
  List<String> profileNames = new ArrayList<>();

  @Option(names = "--per-query", description = "Print nDCG@10 per query.")
  boolean perQuery;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Map<String, Path> indexes =
        CorpusIndexes.parse("--index", indexSpecs.isEmpty() ? List.of("index") : indexSpecs, true);
    List<Profile> profiles = new ArrayList<>();
    for (String name : profileNames.isEmpty() ? List.of("bm25", "parley") : profileNames) {
      profiles.add(Profile.named(name));
    }
    Metrics.Level judged =
        switch (level) {
          case "passage" -> Metrics.Level.PASSAGE;
          case "article" -> Metrics.Level.ARTICLE;
          default -> throw new UsageException("--level must be passage or article, got: " + level);
        };
    Evaluation.Setup setup =
        new Evaluation.Setup(
            QueryFile.read(queries),
            Qrels.read(qrels),
            indexes,
            profiles,
            judged,
            inRange("--k", k, 1, SearchRequest.MAX_K),
            runFile);
    List<Evaluation.ProfileScores> scores = Evaluation.run(setup);
    if (json) {
      out.println(ResultsJson.toJson(toJson(scores)));
    } else {
      print(scores, perQuery, out);
    }
    return 0;
  }

  static void print(List<Evaluation.ProfileScores> scores, boolean perQuery, PrintStream out) {
    int queries = scores.get(0).perQuery().size();
    out.printf(
        Locale.ROOT,
        "%d queries with relevant judgments; p: paired randomisation test against %s%n",
        queries,
        scores.get(0).profile());
    StringBuilder header = new StringBuilder(String.format("%-14s", "profile"));
    Metrics.NAMES.forEach(m -> header.append(String.format("%11s", m)));
    out.println(header);
    for (Evaluation.ProfileScores s : scores) {
      StringBuilder row = new StringBuilder(String.format("%-14s", s.profile()));
      Metrics.NAMES.forEach(m -> row.append(String.format(Locale.ROOT, "%11.4f", s.mean().get(m))));
      out.println(row);
      if (!s.difference().isEmpty()) {
        StringBuilder diff = new StringBuilder(String.format("%-14s", "  diff"));
        Metrics.NAMES.forEach(
            m -> diff.append(String.format(Locale.ROOT, "%+11.4f", s.difference().get(m))));
        out.println(diff);
        StringBuilder p = new StringBuilder(String.format("%-14s", "  p"));
        Metrics.NAMES.forEach(
            m -> p.append(String.format(Locale.ROOT, "%11.3f", s.pValue().get(m))));
        out.println(p);
      }
    }
    if (perQuery) {
      out.println();
      StringBuilder h = new StringBuilder(String.format("%-8s", "query"));
      scores.forEach(s -> h.append(String.format("%14s", s.profile())));
      out.println(h + "   (nDCG@10)");
      for (String q : scores.get(0).perQuery().keySet()) {
        StringBuilder row = new StringBuilder(String.format("%-8s", q));
        for (Evaluation.ProfileScores s : scores) {
          row.append(String.format(Locale.ROOT, "%14.4f", s.perQuery().get(q).get("ndcg@10")));
        }
        out.println(row);
      }
    }
  }

  private static JsonObject toJson(List<Evaluation.ProfileScores> scores) {
    JsonObject o = new JsonObject();
    JsonArray profiles = new JsonArray();
    for (Evaluation.ProfileScores s : scores) {
      JsonObject p = new JsonObject();
      p.addProperty("profile", s.profile());
      p.add("mean", numbers(s.mean()));
      if (!s.difference().isEmpty()) {
        p.add("difference", numbers(s.difference()));
        p.add("pValue", numbers(s.pValue()));
      }
      JsonObject per = new JsonObject();
      s.perQuery().forEach((q, m) -> per.add(q, numbers(m)));
      p.add("perQuery", per);
      profiles.add(p);
    }
    o.add("profiles", profiles);
    return o;
  }

  private static JsonObject numbers(Map<String, Double> values) {
    JsonObject o = new JsonObject();
    values.forEach((k, v) -> o.addProperty(k, Math.round(v * 10000) / 10000.0));
    return o;
  }
}
