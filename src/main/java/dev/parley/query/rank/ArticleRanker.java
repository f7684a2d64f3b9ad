package dev.parley.query.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Article search: turns a ranked list of passages into one hit per article, scored by an {@link
 * ArticleModel}, each shown through its best passage. Articles are ordered by score, ties by the
 * best passage's id.
 *
 * <p>Thread safety: stateless.
 */
public final class ArticleRanker {
  private ArticleRanker() {}

  /**
   * One candidate article.
   *
   * @param articleId the article id
   * @param bestDoc doc id of its best passage
   * @param bestPassageId id of its best passage
   * @param best the best passage's score
   * @param second the second-best passage's score, 0 if the list has one passage of the article
   * @param article BM25 of the query words over the whole article (0 until {@link #withArticle})
   */
  public record Candidate(
      String articleId,
      int bestDoc,
      String bestPassageId,
      double best,
      double second,
      double article) {}

  /**
   * A scored article.
   *
   * @param candidate what it was scored from
   * @param score its score
   */
  public record Scored(Candidate candidate, double score) {}

  /**
   * The articles of {@code ranked} (FieldDocs with fields {score, passage id}, best first), in the
   * order of their best passage.
   */
  public static List<Candidate> group(ScoreDoc[] ranked) {
    Map<String, double[]> scores = new LinkedHashMap<>();
    Map<String, ScoreDoc> bestDoc = new LinkedHashMap<>();
    for (ScoreDoc sd : ranked) {
      FieldDoc fd = (FieldDoc) sd;
      String passageId = ((BytesRef) fd.fields[1]).utf8ToString();
      String article = passageId.substring(0, passageId.indexOf('#'));
      double score = (Float) fd.fields[0];
      double[] s = scores.get(article);
      if (s == null) {
        scores.put(article, new double[] {score, 0});
        bestDoc.put(article, sd);
      } else if (s[1] == 0) {
        s[1] = score;
      }
    }
    List<Candidate> out = new ArrayList<>(scores.size());
    for (var e : scores.entrySet()) {
      FieldDoc fd = (FieldDoc) bestDoc.get(e.getKey());
      out.add(
          new Candidate(
              e.getKey(),
              fd.doc,
              ((BytesRef) fd.fields[1]).utf8ToString(),
              e.getValue()[0],
              e.getValue()[1],
              0));
    }
    return out;
  }

  /**
   * The candidates with their whole-article BM25 for the analysed query words {@code terms}.
   *
   * @throws IOException on a read error
   */
  public static List<Candidate> withArticle(
      IndexSearcher searcher, List<String> terms, List<Candidate> candidates) throws IOException {
    String[] ids = candidates.stream().map(Candidate::articleId).toArray(String[]::new);
    double[] article = Reranker.articleScores(searcher, terms, ids);
    List<Candidate> out = new ArrayList<>(candidates.size());
    for (int i = 0; i < ids.length; i++) {
      Candidate c = candidates.get(i);
      out.add(
          new Candidate(
              c.articleId(), c.bestDoc(), c.bestPassageId(), c.best(), c.second(), article[i]));
    }
    return out;
  }

  /** Scores and orders the candidates (high first, ties by best passage id). */
  public static List<Scored> rank(List<Candidate> candidates, ArticleModel model) {
    double[] best = minMax(candidates.stream().mapToDouble(Candidate::best).toArray());
    double[] second = minMax(candidates.stream().mapToDouble(Candidate::second).toArray());
    double[] article = minMax(candidates.stream().mapToDouble(Candidate::article).toArray());
    List<Scored> out = new ArrayList<>(candidates.size());
    for (int i = 0; i < best.length; i++) {
      out.add(
          new Scored(
              candidates.get(i),
              best[i] + model.articleShare() * article[i] + model.secondShare() * second[i]));
    }
    out.sort(
        Comparator.comparingDouble((Scored s) -> -s.score())
            .thenComparing(s -> s.candidate().bestPassageId()));
    return out;
  }

  private static double[] minMax(double[] values) {
    double min = Arrays.stream(values).min().orElse(0);
    double max = Arrays.stream(values).max().orElse(0);
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = max > min ? (values[i] - min) / (max - min) : (max > 0 ? 1 : 0);
    }
    return out;
  }
}
