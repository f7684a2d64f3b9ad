package dev.parley.query.rank;

import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Article search: turns ranked passages into one hit per article, scored by an {@link
 * ArticleModel}, each shown through its best passage. Articles are ordered by score, ties by the
 * best passage's id; an article's passages are ordered by score, ties by passage id.
 *
 * <p>Thread safety: stateless.
 */
public final class ArticleRanker {
  private ArticleRanker() {}

  /**
   * One passage of a candidate article.
   *
   * @param doc index doc id
   * @param passageId passage id
   * @param lexical its lexical score: the raw first-stage score on a lexical ranking, the min-max
   *     normalised one on a hybrid ranking
   * @param cosine its min-max normalised cosine on a hybrid ranking, NaN on a lexical one
   */
  public record Part(int doc, String passageId, double lexical, double cosine) {
    /** Its score under {@code model}: lexical alone, or fused with the model's lexical share. */
    public double score(ArticleModel model) {
      return Double.isNaN(cosine)
          ? lexical
          : model.lexicalShare() * lexical + (1 - model.lexicalShare()) * cosine;
    }
  }

  /**
   * One candidate article.
   *
   * @param articleId the article id
   * @param passages its passages among the ranked ones, in passage id order
   * @param article BM25 of the query words over the whole article (0 until {@link #withEvidence})
   * @param entities the share of the query's entities its passages mention (0 until {@link
   *     #withEvidence}, and for a query that names none)
   */
  public record Candidate(String articleId, List<Part> passages, double article, double entities) {
    /** Validates and copies. */
    public Candidate {
      if (passages.isEmpty()) {
        throw new IllegalArgumentException("article " + articleId + " has no passage");
      }
      passages = List.copyOf(passages);
    }
  }

  /**
   * A scored article.
   *
   * @param candidate what it was scored from
   * @param best its best passage under the model
   * @param score its score
   */
  public record Scored(Candidate candidate, Part best, double score) {}

  /**
   * The articles of {@code ranked} (FieldDocs with fields {score, passage id}), in article id
   * order, each with its passages and their raw lexical scores.
   */
  public static List<Candidate> group(ScoreDoc[] ranked) {
    List<Part> parts = new ArrayList<>(ranked.length);
    for (ScoreDoc sd : ranked) {
      FieldDoc fd = (FieldDoc) sd;
      parts.add(
          new Part(
              fd.doc, ((BytesRef) fd.fields[1]).utf8ToString(), (Float) fd.fields[0], Double.NaN));
    }
    return group(parts);
  }

  /**
   * The articles of {@code parts}, in article id order, each with its parts in passage id order.
   */
  public static List<Candidate> group(List<Part> parts) {
    Map<String, List<Part>> byArticle = new TreeMap<>();
    for (Part p : parts) {
      String id = p.passageId();
      byArticle.computeIfAbsent(id.substring(0, id.indexOf('#')), a -> new ArrayList<>()).add(p);
    }
    List<Candidate> out = new ArrayList<>(byArticle.size());
    for (var e : byArticle.entrySet()) {
      List<Part> ps = new ArrayList<>(e.getValue());
      ps.sort(Comparator.comparing(Part::passageId));
      out.add(new Candidate(e.getKey(), ps, 0, 0));
    }
    return out;
  }

  /**
   * The candidates with their whole-article BM25 for the analysed query words {@code terms} and
   * their share of the query's {@code entities} (canonical ids).
   *
   * @throws IOException on a read error
   */
  public static List<Candidate> withEvidence(
      IndexSearcher searcher, List<String> terms, Set<String> entities, List<Candidate> candidates)
      throws IOException {
    String[] ids = candidates.stream().map(Candidate::articleId).toArray(String[]::new);
    double[] article = articleScores(searcher, terms, ids);
    double[] shared = entityShares(searcher, entities, ids);
    List<Candidate> out = new ArrayList<>(candidates.size());
    for (int i = 0; i < ids.length; i++) {
      Candidate c = candidates.get(i);
      out.add(new Candidate(c.articleId(), c.passages(), article[i], shared[i]));
    }
    return out;
  }

  /**
   * The raw evidence of one article under a model, before min-max normalisation.
   *
   * @param bestPart its best passage under the model (ties by passage id)
   * @param best that passage's score
   * @param passages the sum of its {@value ArticleModel#TOP_PASSAGES} best passages' scores
   */
  public record Evidence(Part bestPart, double best, double passages) {}

  /** The raw best-passage evidence of {@code c} under {@code model}. */
  public static Evidence evidence(Candidate c, ArticleModel model) {
    List<Part> ps = new ArrayList<>(c.passages());
    ps.sort(Comparator.comparingDouble((Part p) -> -p.score(model)).thenComparing(Part::passageId));
    double passages = 0;
    for (int j = 0; j < Math.min(ArticleModel.TOP_PASSAGES, ps.size()); j++) {
      passages += ps.get(j).score(model);
    }
    return new Evidence(ps.get(0), ps.get(0).score(model), passages);
  }

  /**
   * The {min, max} each part of an article score was normalised by, over the candidates scored
   * together: what an explanation shows so the arithmetic can be redone.
   */
  public record Bounds(double[] best, double[] passages, double[] article, double[] entities) {}

  /** The bounds of the articles of {@code scored} (all the candidates ranked together). */
  public static Bounds bounds(List<Scored> scored, ArticleModel model) {
    int n = scored.size();
    double[] best = new double[n];
    double[] passages = new double[n];
    double[] article = new double[n];
    double[] entities = new double[n];
    for (int i = 0; i < n; i++) {
      Evidence e = evidence(scored.get(i).candidate(), model);
      best[i] = e.best();
      passages[i] = e.passages();
      article[i] = scored.get(i).candidate().article();
      entities[i] = scored.get(i).candidate().entities();
    }
    return new Bounds(range(best), range(passages), range(article), range(entities));
  }

  private static double[] range(double[] values) {
    return new double[] {
      Arrays.stream(values).min().orElse(0), Arrays.stream(values).max().orElse(0)
    };
  }

  /** Scores and orders the candidates (high first, ties by best passage id). */
  public static List<Scored> rank(List<Candidate> candidates, ArticleModel model) {
    int n = candidates.size();
    Part[] bestPart = new Part[n];
    double[] best = new double[n];
    double[] passages = new double[n];
    for (int i = 0; i < n; i++) {
      Evidence e = evidence(candidates.get(i), model);
      bestPart[i] = e.bestPart();
      best[i] = e.best();
      passages[i] = e.passages();
    }
    double[] b = minMax(best);
    double[] p = minMax(passages);
    double[] a = minMax(candidates.stream().mapToDouble(Candidate::article).toArray());
    double[] e = minMax(candidates.stream().mapToDouble(Candidate::entities).toArray());
    List<Scored> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double score =
          b[i]
              + model.articleShare() * a[i]
              + model.passagesShare() * p[i]
              + model.entityShare() * e[i];
      out.add(new Scored(candidates.get(i), bestPart[i], score));
    }
    out.sort(
        Comparator.comparingDouble((Scored s) -> -s.score())
            .thenComparing(s -> s.best().passageId()));
    return out;
  }

  /**
   * The candidates ordered by their best passage's own score, not normalised (high first, ties by
   * passage id), each scored with it: a topic browse, whose passage scores are weighted topic
   * scores and whose articles have no query words to weigh.
   */
  public static List<Scored> byBestPassage(List<Candidate> candidates) {
    List<Scored> out = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      Part best = c.passages().get(0);
      for (Part p : c.passages()) {
        if (p.lexical() > best.lexical()
            || (p.lexical() == best.lexical() && p.passageId().compareTo(best.passageId()) < 0)) {
          best = p;
        }
      }
      out.add(new Scored(c, best, best.lexical()));
    }
    out.sort(
        Comparator.comparingDouble((Scored s) -> -s.score())
            .thenComparing(s -> s.best().passageId()));
    return out;
  }

  /**
   * BM25 ({@link ArticleModel#ARTICLE_K1}, {@link ArticleModel#ARTICLE_B}) of the query words over
   * each article's record document; 0 for an article that holds none of them.
   */
  static double[] articleScores(IndexSearcher searcher, List<String> terms, String[] articles)
      throws IOException {
    // Same reader, own similarity: the searcher's BM25 is tuned for paragraphs, and whole
    // articles are an order of magnitude longer (docs/quality.md has both settings measured).
    IndexSearcher whole = new IndexSearcher(searcher.getIndexReader());
    whole.setSimilarity(new BM25Similarity(ArticleModel.ARTICLE_K1, ArticleModel.ARTICLE_B));
    return Reranker.articleScores(whole, terms, articles);
  }

  static double[] entityShares(IndexSearcher searcher, Set<String> entities, String[] articles)
      throws IOException {
    double[] out = new double[articles.length];
    if (entities.isEmpty() || articles.length == 0) {
      return out;
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < articles.length; i++) {
      index.put(articles[i], i);
    }
    List<BytesRef> ids = Arrays.stream(articles).map(BytesRef::new).toList();
    for (String entity : entities.stream().sorted().toList()) {
      BooleanQuery.Builder q = new BooleanQuery.Builder();
      q.add(new TermQuery(new Term(Fields.ENTITY, entity)), Occur.FILTER);
      q.add(new TermInSetQuery(Fields.ARTICLE_ID, ids), Occur.FILTER);
      q.add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), Occur.FILTER);
      Set<Integer> mentioning = new HashSet<>();
      searcher.search(q.build(), new ArticleCollector(index, mentioning));
      for (int i : mentioning) {
        out[i] += 1.0 / entities.size();
      }
    }
    return out;
  }

  /** Collects the positions (in {@code index}) of the articles of matching passages. */
  private static final class ArticleCollector extends SimpleCollector {
    private final Map<String, Integer> index;
    private final Set<Integer> found;
    private SortedDocValues ids;

    ArticleCollector(Map<String, Integer> index, Set<Integer> found) {
      this.index = index;
      this.found = found;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      ids = context.reader().getSortedDocValues(Fields.ARTICLE_ID);
    }

    @Override
    public void collect(int doc) throws IOException {
      if (ids != null && ids.advanceExact(doc)) {
        Integer i = index.get(ids.lookupOrd(ids.ordValue()).utf8ToString());
        if (i != null) {
          found.add(i);
        }
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  private static double[] minMax(double[] values) {
    double min = Arrays.stream(values).min().orElse(0);
    double max = Arrays.stream(values).max().orElse(0);
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = normalised(values[i], min, max);
    }
    return out;
  }

  /**
   * {@code value} min-max normalised: {@code (value - min) / (max - min)}; when every value is the
   * same, 1 if it is above 0, else 0.
   */
  public static double normalised(double value, double min, double max) {
    return max > min ? (value - min) / (max - min) : (max > 0 ? 1 : 0);
  }
}
