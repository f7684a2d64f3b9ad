package dev.parley.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores one ranked list against judgments, by the rules of {@code ../shared/eval/README.md}:
 *
 * <ul>
 *   <li>Passage level: a hit {@code articleId#from-to} covers paragraphs {@code from..to}; its gain
 *       is the highest grade among the judged paragraphs it covers that no earlier hit covered, and
 *       every relevant paragraph it covers is then credited (each paragraph counts once).
 *   <li>Article level: a hit counts for its article (the part before {@code #}); only the first hit
 *       of each article counts (maxP), later ones are dropped from the list.
 *   <li>nDCG@10 with linear gain (as trec_eval), P@10 (gain at least 1), AP and recall over the top
 *       100, AP over the top 1000 (MAP@1000 for article level), MRR@10, and judged@10: the share of
 *       the top 10 that touch a judged unit.
 * </ul>
 *
 * <p>Thread safety: stateless.
 */
public final class Metrics {
  private Metrics() {}

  /** Whether units are paragraphs or articles. */
  public enum Level {
    /** Paragraph spans credited once each. */
    PASSAGE,
    /** Articles, first hit per article. */
    ARTICLE
  }

  /** The metric names, in report order. */
  public static final List<String> NAMES =
      List.of("ndcg@10", "p@10", "ap@100", "recall@100", "map@1000", "mrr@10", "judged@10");

  /**
   * The metrics of {@code hits} (TREC doc ids in rank order) for judgments {@code judged}.
   *
   * @return metric name to value, in {@link #NAMES} order
   */
  public static Map<String, Double> score(
      List<String> hits, Map<String, Integer> judged, Level level) {
    List<String> ranked = hits;
    if (level == Level.ARTICLE) {
      judged = byArticle(judged);
      Set<String> seen = new HashSet<>();
      ranked = new ArrayList<>();
      for (String h : hits) {
        if (seen.add(article(h))) {
          ranked.add(h);
        }
      }
    }
    Set<String> credited = new HashSet<>();
    List<Integer> gains = new ArrayList<>();
    int judgedTop = 0;
    for (int rank = 0; rank < Math.min(1000, ranked.size()); rank++) {
      List<String> units = units(ranked.get(rank), level);
      if (rank < 10 && units.stream().anyMatch(judged::containsKey)) {
        judgedTop++;
      }
      int gain = 0;
      for (String u : units) {
        int g = judged.getOrDefault(u, 0);
        if (g > 0 && !credited.contains(u)) {
          gain = Math.max(gain, g);
        }
      }
      for (String u : units) {
        if (judged.getOrDefault(u, 0) > 0) {
          credited.add(u);
        }
      }
      gains.add(gain);
    }
    List<Integer> ideal =
        judged.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
    int relevant = ideal.size();
    double dcg = 0;
    double idcg = 0;
    for (int i = 0; i < 10; i++) {
      if (i < gains.size()) {
        dcg += gains.get(i) / log2(i + 2);
      }
      if (i < ideal.size()) {
        idcg += ideal.get(i) / log2(i + 2);
      }
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("ndcg@10", idcg == 0 ? 0 : dcg / idcg);
    m.put("p@10", gains.stream().limit(10).filter(g -> g > 0).count() / 10.0);
    m.put("ap@100", averagePrecision(gains, 100, relevant));
    m.put(
        "recall@100",
        relevant == 0
            ? 0
            : gains.stream().limit(100).filter(g -> g > 0).count() / (double) relevant);
    m.put("map@1000", averagePrecision(gains, 1000, relevant));
    double rr = 0;
    for (int i = 0; i < Math.min(10, gains.size()); i++) {
      if (gains.get(i) > 0) {
        rr = 1.0 / (i + 1);
        break;
      }
    }
    m.put("mrr@10", rr);
    m.put("judged@10", ranked.isEmpty() ? 0 : judgedTop / (double) Math.min(10, ranked.size()));
    return m;
  }

  /** Paragraph judgments folded into their articles (highest grade); article ones kept. */
  static Map<String, Integer> byArticle(Map<String, Integer> judged) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (var e : judged.entrySet()) {
      out.merge(article(e.getKey()), e.getValue(), Math::max);
    }
    return out;
  }

  private static double averagePrecision(List<Integer> gains, int depth, int relevant) {
    if (relevant == 0) {
      return 0;
    }
    int found = 0;
    double sum = 0;
    for (int i = 0; i < Math.min(depth, gains.size()); i++) {
      if (gains.get(i) > 0) {
        found++;
        sum += found / (double) (i + 1);
      }
    }
    return sum / relevant;
  }

  /** The judged units a hit covers. */
  static List<String> units(String docId, Level level) {
    String article = article(docId);
    if (level == Level.ARTICLE) {
      return List.of(article);
    }
    int hash = docId.indexOf('#');
    if (hash < 0) {
      return List.of(docId);
    }
    String span = docId.substring(hash + 1);
    int dash = span.indexOf('-');
    int from = Integer.parseInt(dash < 0 ? span : span.substring(0, dash));
    int to = Integer.parseInt(dash < 0 ? span : span.substring(dash + 1));
    List<String> units = new ArrayList<>(to - from + 1);
    for (int p = from; p <= to; p++) {
      units.add(article + "#" + p);
    }
    return units;
  }

  private static String article(String docId) {
    int hash = docId.indexOf('#');
    return hash < 0 ? docId : docId.substring(0, hash);
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
