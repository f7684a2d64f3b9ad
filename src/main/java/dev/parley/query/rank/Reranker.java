package dev.parley.query.rank;

import dev.parley.schema.Fields;
import dev.parley.schema.PassageIds;
import dev.parley.schema.PassageSpan;
import dev.parley.schema.StoredTopics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Computes the second-stage features of candidate passages and combines them with a {@link
 * RerankModel}. Features, each scaled to [0, 1] within the query:
 *
 * <ul>
 *   <li>{@code base}: the first-stage BM25 score (text, context, synonyms), over its maximum;
 *   <li>{@code proximity}: BM25 of the query's adjacent word pairs as sloppy phrases;
 *   <li>{@code rm3}: score of the RM3 expansion query built from the top passages;
 *   <li>{@code article}: BM25 of the query over the passage's whole article;
 *   <li>{@code diplomacy}, {@code sanctions}, {@code summits}: the passage's topic scores, the last
 *       two only when the query names the topic ({@link QuerySignals});
 *   <li>{@code entities}: the share of the query's entities the passage mentions;
 *   <li>{@code position}: {@code 1 / (1 + ordinal)}, earlier passages of an article first;
 *   <li>{@code length}: {@code log(1 + chars) / log(1001)}, capped at 1.
 * </ul>
 *
 * <p>Thread safety: stateless.
 */
public final class Reranker {
  private Reranker() {}

  /** The feature names, in vector order. */
  public static final List<String> FEATURES =
      List.of(
          "base",
          "proximity",
          "rm3",
          "article",
          "diplomacy",
          "sanctions",
          "summits",
          "entities",
          "position",
          "length");

  /**
   * The features of {@code docs} (first-stage order, with first-stage {@code scores}).
   *
   * @param signals what the query says (terms, entities, topic cues)
   * @param analyzer the index analyzer (for RM3's term statistics)
   * @param model supplies the proximity slop and RM3 sizes; features whose weight is 0 are left 0
   *     unless {@code all} is set
   * @param all compute every feature (for training)
   */
  public static double[][] features(
      IndexSearcher searcher,
      QuerySignals signals,
      Analyzer analyzer,
      int[] docs,
      double[] scores,
      RerankModel model,
      boolean all)
      throws IOException {
    int n = docs.length;
    double[][] f = new double[n][FEATURES.size()];
    if (n == 0) {
      return f;
    }
    Map<String, Double> w = model.weights();
    column(f, 0, scaled(scores));
    if (all || w.get("proximity") != 0) {
      Query proximity = proximity(signals.terms(), model.proximitySlop());
      column(
          f,
          1,
          scaled(proximity == null ? new double[n] : DocScores.of(searcher, proximity, docs)));
    }
    if (all || w.get("rm3") != 0) {
      Query expansion =
          Rm3.expansion(searcher, analyzer, docs, scores, model.fbDocs(), model.fbTerms());
      column(
          f,
          2,
          scaled(expansion == null ? new double[n] : DocScores.of(searcher, expansion, docs)));
    }
    StoredFields stored = searcher.storedFields();
    String[] articles = new String[n];
    Set<String> fields = Set.of(Fields.TOPICS, Fields.ENTITY, Fields.SPAN);
    String[] passageIds = PassageIds.of(searcher.getIndexReader(), docs);
    for (int i = 0; i < n; i++) {
      Document d = stored.document(docs[i], fields);
      articles[i] = PassageIds.articleId(passageIds[i]);
      PassageSpan span = PassageSpan.decode(d.getBinaryValue(Fields.SPAN));
      Map<String, Double> topics = StoredTopics.doubles(d.getBinaryValue(Fields.TOPICS));
      f[i][4] = topics.getOrDefault("diplomacy", 0.0);
      f[i][5] = signals.sanctions() ? topics.getOrDefault("sanctions", 0.0) : 0;
      f[i][6] = signals.summits() ? topics.getOrDefault("summits", 0.0) : 0;
      if (!signals.entities().isEmpty()) {
        Set<String> mentioned = new HashSet<>();
        for (IndexableField e : d.getFields(Fields.ENTITY)) {
          mentioned.add(e.stringValue());
        }
        long shared = signals.entities().stream().filter(mentioned::contains).count();
        f[i][7] = shared / (double) signals.entities().size();
      }
      f[i][8] = 1.0 / (1 + span.ordinal());
      int chars = span.charEnd() - span.charStart();
      f[i][9] = Math.min(1, Math.log1p(chars) / Math.log(1001));
    }
    if (all || w.get("article") != 0) {
      column(f, 3, scaled(articleScores(searcher, signals.terms(), articles)));
    }
    return f;
  }

  /** The weighted sum of each row of {@code features}. */
  public static double[] combine(double[][] features, double[] weights) {
    double[] out = new double[features.length];
    for (int i = 0; i < features.length; i++) {
      double s = 0;
      for (int j = 0; j < weights.length; j++) {
        s += weights[j] * features[i][j];
      }
      out[i] = s;
    }
    return out;
  }

  /** Adjacent word pairs of the query as sloppy phrases on the text field. */
  static Query proximity(List<String> terms, int slop) {
    if (terms.size() < 2) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i + 1 < terms.size(); i++) {
      b.add(new PhraseQuery(slop, Fields.TEXT, terms.get(i), terms.get(i + 1)), Occur.SHOULD);
    }
    return b.build();
  }

  /** BM25 of the query words over each candidate's whole article (article documents). */
  static double[] articleScores(IndexSearcher searcher, List<String> terms, String[] articles)
      throws IOException {
    double[] out = new double[articles.length];
    if (terms.isEmpty() || articles.length == 0) {
      return out;
    }
    Set<BytesRef> ids = new HashSet<>();
    for (String a : articles) {
      ids.add(new BytesRef(a));
    }
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    new HashSet<>(terms)
        .stream()
            .sorted()
            .forEach(t -> words.add(new TermQuery(new Term(Fields.ARTICLE_TEXT, t)), Occur.SHOULD));
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(words.build(), Occur.MUST);
    q.add(new TermInSetQuery(Fields.ARTICLE_ID, new ArrayList<>(ids)), Occur.FILTER);
    q.add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)), Occur.FILTER);
    TopDocs top = searcher.search(q.build(), ids.size());
    Map<String, Double> byArticle = new HashMap<>();
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      byArticle.put(
          stored.document(sd.doc, Set.of(Fields.ARTICLE_ID)).get(Fields.ARTICLE_ID),
          (double) sd.score);
    }
    for (int i = 0; i < articles.length; i++) {
      out[i] = byArticle.getOrDefault(articles[i], 0.0);
    }
    return out;
  }

  private static double[] scaled(double[] v) {
    double max = 0;
    for (double x : v) {
      max = Math.max(max, x);
    }
    double[] out = new double[v.length];
    if (max > 0) {
      for (int i = 0; i < v.length; i++) {
        out[i] = v[i] / max;
      }
    }
    return out;
  }

  private static void column(double[][] f, int j, double[] values) {
    for (int i = 0; i < f.length; i++) {
      f[i][j] = values[i];
    }
  }
}
