package dev.parley.query.rank;

import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Pseudo-relevance feedback by relevance model 3, as Anserini does it: the top {@code fbDocs}
 * passages of the first ranking are taken as relevant; each term's weight is {@code Σ_d P(w|d) ·
 * score(d) / Σ_d score(d)} with {@code P(w|d) = tf / length} (terms as the index analyzed them);
 * the {@code fbTerms} heaviest terms, normalised to sum 1, form the expansion query.
 *
 * <p>Thread safety: stateless.
 */
public final class Rm3 {
  private Rm3() {}

  /**
   * The expansion query for the feedback passages {@code docs} with first-ranking {@code scores},
   * or null when they give no terms.
   */
  public static Query expansion(
      IndexSearcher searcher,
      Analyzer analyzer,
      int[] docs,
      double[] scores,
      int fbDocs,
      int fbTerms)
      throws IOException {
    int n = Math.min(fbDocs, docs.length);
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += Math.max(scores[i], 0);
    }
    if (n == 0 || total <= 0) {
      return null;
    }
    StoredFields stored = searcher.storedFields();
    Map<String, Double> weights = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String text = stored.document(docs[i], java.util.Set.of(Fields.TEXT)).get(Fields.TEXT);
      Map<String, Integer> tf = new HashMap<>();
      int length = 0;
      try (TokenStream ts = analyzer.tokenStream(Fields.TEXT, text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          length++;
          String t = term.toString();
          if (t.length() > 1 && !t.chars().allMatch(Character::isDigit)) {
            tf.merge(t, 1, Integer::sum);
          }
        }
        ts.end();
      }
      double docWeight = Math.max(scores[i], 0) / total;
      for (var e : tf.entrySet()) {
        weights.merge(e.getKey(), e.getValue() / (double) length * docWeight, Double::sum);
      }
    }
    List<Map.Entry<String, Double>> top = new ArrayList<>(weights.entrySet());
    // Heaviest first, ties by term so the expansion is deterministic.
    top.sort(
        Map.Entry.<String, Double>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    top = top.subList(0, Math.min(fbTerms, top.size()));
    double sum = top.stream().mapToDouble(Map.Entry::getValue).sum();
    if (top.isEmpty() || sum <= 0) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (var e : top) {
      b.add(
          new BoostQuery(
              new TermQuery(new Term(Fields.TEXT, e.getKey())), (float) (e.getValue() / sum)),
          Occur.SHOULD);
    }
    return b.build();
  }
}
