package dev.parley.query;

import dev.parley.query.fuse.Fusion;
import dev.parley.query.fuse.HybridRanker;
import dev.parley.query.rank.ArticleModel;
import dev.parley.query.rank.ArticleRanker;
import dev.parley.query.rank.PassageRanker;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The two rankings beside plain passage ranking: hybrid (lexical fused with dense vectors) and
 * article search (one hit per article), each ending in a {@link PassageRanker.Page} so the searcher
 * builds hits the same way for all.
 *
 * <p>Thread safety: stateless.
 */
final class HybridSearch {
  private HybridSearch() {}

  /** Articles are counted exactly up to this many; {@code totalHits} is a lower bound beyond. */
  static final int ARTICLE_COUNT_LIMIT = PassageRanker.TOTAL_HITS_THRESHOLD;

  /** Passages read for article search: at least this many, or 20 per article asked for. */
  static final int ARTICLE_WINDOW = 1000;

  private static final SortField BY_ID = new SortField(Fields.PASSAGE_ID, SortField.Type.STRING);
  private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE, BY_ID);
  private static final Sort NEWEST =
      new Sort(new SortField(Fields.DATE, SortField.Type.LONG, true), BY_ID);

  /**
   * What the dense side of one search needs.
   *
   * @param vector the query's unit vector
   * @param filter the kNN filter
   * @param fusion how to fuse
   */
  record Dense(float[] vector, Query filter, Fusion fusion) {}

  /**
   * A ranked list before the page is cut.
   *
   * @param ranked FieldDocs {score, passage id}, best first
   * @param totalHits the hits the list stands for, or -1 for the list itself (after the per-article
   *     limit)
   * @param exact whether {@code totalHits} is exact
   * @param matching passages that matched (lexically, plus dense candidates that matched no word)
   * @param notes per doc, how its fused score came about (for explanations)
   * @param denseOnly the passage ids of the candidates that the dense side added without a lexical
   *     match: hits like the others, so facets count them too
   * @param articles for article search, which articles the hits stand for and which of them hold a
   *     query word in a passage's own text; null for a passage list
   */
  record Ranked(
      ScoreDoc[] ranked,
      long totalHits,
      boolean exact,
      long matching,
      Map<Integer, String> notes,
      List<BytesRef> denseOnly,
      PassageRanker.ArticleCounts articles) {}

  /**
   * The fused candidates, ranked, with at least {@code depth} from each side; with {@code explain},
   * each candidate's note says how its fused score came about (no notes otherwise: formatting them
   * for every candidate cost about as much as the kNN search itself).
   */
  static Ranked fused(
      IndexSearcher searcher, Query lexical, Dense dense, int depth, boolean explain)
      throws IOException {
    Fusion f = dense.fusion();
    // The lexical side reaches every match up to the count threshold whatever the page, so the
    // list, its order and totalHits are the same for every page a client asks for (with the page's
    // depth alone, a first page of 1 counted 141 hits and a page of 100 counted 174).
    int d = Math.max(Math.max(f.depth(), depth), PassageRanker.TOTAL_HITS_THRESHOLD);
    HybridRanker.Candidates c =
        HybridRanker.collect(searcher, lexical, dense.filter(), dense.vector(), d, denseDepth(f));
    if (HybridRanker.confidence(c.candidates(), f.floor(), f.depth()) == 0) {
      // No passage is nearer to the query than an unrelated one: the dense side adds nothing to
      // any score, so the passages it found match nothing and are not hits.
      c = lexicalOnly(c);
    }
    // Bounds from the head (the fusion's own depth per side), whatever the page: a deeper request
    // adds candidates below the head without moving the head's fused scores.
    double[] fused = HybridRanker.fuse(c.candidates(), f);
    double[] lex = HybridRanker.lexicalNormalised(c.candidates(), f.depth());
    double[] cos = HybridRanker.cosineNormalised(c.candidates(), f.depth());
    String confidence = explain ? confidenceNote(c.candidates(), f) : "";
    Map<Integer, String> notes = new HashMap<>();
    for (int i = 0; explain && i < fused.length; i++) {
      HybridRanker.Candidate x = c.candidates().get(i);
      notes.put(
          x.doc(),
          String.format(
              Locale.ROOT,
              "%.6f = hybrid: %.2f x lexical %.4f (first stage %.4f, rank %s) + %.2f x confidence"
                  + " %s x dense %.4f (cosine %.4f, rank %s), each min-max normalised over the top"
                  + " %d of each side%n",
              fused[i],
              f.weight(),
              lex[i],
              x.lexical(),
              x.lexicalRank() == 0 ? "-" : Integer.toString(x.lexicalRank()),
              1 - f.weight(),
              confidence,
              cos[i],
              x.cosine(),
              x.denseRank() == 0 ? "-" : Integer.toString(x.denseRank()),
              f.depth()));
    }
    // The list is every candidate; it holds every match when the lexical side had fewer matches
    // than its depth (the dense side's nearest passages are candidates, not matches to count).
    boolean exact = c.lexicalMatches() < d;
    return new Ranked(
        HybridRanker.ranked(c.candidates(), fused),
        -1,
        exact,
        c.totalHits(),
        notes,
        denseOnly(c.candidates()),
        null);
  }

  /** The candidates that match the lexical query (a lexical score above 0). */
  private static HybridRanker.Candidates lexicalOnly(HybridRanker.Candidates c) {
    List<HybridRanker.Candidate> kept = new ArrayList<>();
    for (HybridRanker.Candidate x : c.candidates()) {
      if (x.lexical() > 0) {
        kept.add(x);
      }
    }
    return new HybridRanker.Candidates(kept, c.lexicalMatches(), 0);
  }

  /** The dense side's confidence with its arithmetic, for explanations. */
  private static String confidenceNote(List<HybridRanker.Candidate> candidates, Fusion f) {
    double confidence = HybridRanker.confidence(candidates, f.floor(), f.depth());
    return f.floor() == Fusion.NO_FLOOR || candidates.isEmpty()
        ? String.format(Locale.ROOT, "%.4f (no floor)", confidence)
        : String.format(
            Locale.ROOT,
            "%.4f (= (best cosine %.4f - floor %.2f) / (1 - floor %.2f), clamped to [0, 1])",
            confidence,
            HybridRanker.bestCosine(candidates, f.depth()),
            f.floor(),
            f.floor());
  }

  /**
   * How many nearest passages the dense side adds: the fusion's own depth, whatever the page. The
   * lexical side reaches as deep as the page needs, but the dense side never ends (every passage
   * has a nearest neighbour), so letting it follow the page made the hit count grow with the offset
   * and a client paging to {@code totalHits} lost the hits beyond it.
   */
  private static int denseDepth(Fusion f) {
    return f.candidates() == Fusion.Candidates.UNION ? f.depth() : 0;
  }

  /**
   * The page of article hits: passages ranked (lexical and dense parts kept apart when {@code
   * dense} is given, by date when browsing without topics), grouped by article, scored by {@code
   * model} with the query's words {@code typed} and entities {@code entities} (by the best
   * passage's topic score alone on a {@code topicBrowse}, which has no words to weigh); each
   * article's note (its score's arithmetic) only with {@code explain}. The counts ({@link
   * Ranked#articles()}) are of every matching article, whatever the page: {@code ownText} (null
   * when browsing) picks the articles a passage of which holds a query word in its own text.
   */
  static Ranked articles(
      IndexSearcher searcher,
      Query lexical,
      Query ownText,
      List<String> typed,
      Set<String> entities,
      Dense dense,
      ArticleModel model,
      boolean byDate,
      boolean topicBrowse,
      int offset,
      int k,
      boolean explain)
      throws IOException {
    int wanted = offset + k;
    // Lexical: the same window for every page it fills, widened in fixed steps only when the page
    // needs more articles. Articles are min-max normalised over the window, so a window that
    // followed the page (20 per article asked for) reordered every page past the 50th article and
    // paging one at a time repeated and skipped articles. (The dense side has no end: one
    // generous window, its parts normalised over the fusion's head.)
    int window = dense == null ? ARTICLE_WINDOW : Math.max(ARTICLE_WINDOW, 20 * wanted);
    while (true) {
      Window w = window(searcher, lexical, dense, byDate, window);
      if (w.candidates().size() < wanted && !w.exhausted()) {
        window *= 4;
        continue;
      }
      List<ScoreDoc> out = new ArrayList<>();
      Map<Integer, String> articleNotes = new HashMap<>();
      if (byDate) {
        for (ArticleRanker.Candidate c : w.candidates()) {
          out.add(fieldDoc(c.passages().get(0).doc(), Float.NaN, c.passages().get(0).passageId()));
        }
        out.sort(java.util.Comparator.comparingInt(sd -> w.order().get(sd.doc)));
      } else if (topicBrowse) {
        // No words to weigh: the article's score is its best passage's (weighted topic score), as
        // a passage topic browse shows it; min-max normalising it gave every list 1 and 0.
        for (ArticleRanker.Scored s : ArticleRanker.byBestPassage(w.candidates())) {
          out.add(fieldDoc(s.best().doc(), (float) s.score(), s.best().passageId()));
          if (explain) {
            articleNotes.put(
                s.best().doc(),
                String.format(
                    Locale.ROOT,
                    "%.6f = article: the weighted topic score of its best passage %s (topic browse:"
                        + " no query words; %d passages of the article ranked)%n",
                    s.score(),
                    s.best().passageId(),
                    s.candidate().passages().size()));
          }
        }
      } else {
        List<ArticleRanker.Scored> scored =
            ArticleRanker.rank(
                ArticleRanker.withEvidence(searcher, typed, entities, w.candidates()), model);
        ArticleRanker.Bounds bounds = explain ? ArticleRanker.bounds(scored, model) : null;
        for (ArticleRanker.Scored s : scored) {
          out.add(fieldDoc(s.best().doc(), (float) s.score(), s.best().passageId()));
          if (explain) {
            articleNotes.put(s.best().doc(), note(s, model, dense, scored.size(), bounds));
          }
        }
      }
      // Counted over every match, not over the window: the window grows with the page, and a
      // count that moved with the offset (it became the offset past the end) misled every pager.
      PassageRanker.ArticleCounts counts = countArticles(searcher, lexical, ownText, w.denseOnly());
      return new Ranked(
          out.toArray(ScoreDoc[]::new),
          counts.articles().size(),
          counts.exact(),
          w.matching(),
          articleNotes,
          w.denseOnly(),
          counts);
    }
  }

  /**
   * The passages read for article search, grouped.
   *
   * @param candidates the articles
   * @param order rank of each passage doc in the passage list (for browsing by date)
   * @param matching passages that matched
   * @param exhausted whether the list holds every match (a larger window would add nothing)
   * @param denseOnly passage ids the dense side added without a lexical match
   */
  private record Window(
      List<ArticleRanker.Candidate> candidates,
      Map<Integer, Integer> order,
      long matching,
      boolean exhausted,
      List<BytesRef> denseOnly) {}

  private static Window window(
      IndexSearcher searcher, Query lexical, Dense dense, boolean byDate, int window)
      throws IOException {
    if (dense != null) {
      Fusion f = dense.fusion();
      int d = Math.max(f.depth(), window);
      HybridRanker.Candidates c =
          HybridRanker.collect(searcher, lexical, dense.filter(), dense.vector(), d, denseDepth(f));
      // Both parts normalised over the head of each side, as passage fusion does; the article
      // model weighs them with its own lexical share.
      double[] lex = HybridRanker.lexicalNormalised(c.candidates(), f.depth());
      double[] cos = HybridRanker.cosineNormalised(c.candidates(), f.depth());
      List<ArticleRanker.Part> parts = new ArrayList<>(lex.length);
      for (int i = 0; i < lex.length; i++) {
        HybridRanker.Candidate x = c.candidates().get(i);
        parts.add(new ArticleRanker.Part(x.doc(), x.passageId(), lex[i], cos[i]));
      }
      // The dense side has no end; one generous window is what we rank.
      return new Window(
          ArticleRanker.group(parts), Map.of(), c.totalHits(), true, denseOnly(c.candidates()));
    }
    TopFieldDocs top =
        searcher.search(
            lexical,
            new TopFieldCollectorManager(
                byDate ? NEWEST : RELEVANCE,
                window,
                null,
                PassageRanker.TOTAL_HITS_THRESHOLD,
                false));
    ScoreDoc[] passages = byDate ? zeroScores(top.scoreDocs) : top.scoreDocs;
    Map<Integer, Integer> order = new HashMap<>();
    List<ArticleRanker.Candidate> candidates;
    if (byDate) {
      // Each article once, through its newest passage; the list keeps that order.
      Set<String> seen = new HashSet<>();
      List<ScoreDoc> firsts = new ArrayList<>();
      for (ScoreDoc sd : passages) {
        String pid = ((BytesRef) ((FieldDoc) sd).fields[1]).utf8ToString();
        if (seen.add(pid.substring(0, pid.indexOf('#')))) {
          order.put(sd.doc, order.size());
          firsts.add(sd);
        }
      }
      candidates = ArticleRanker.group(firsts.toArray(ScoreDoc[]::new));
    } else {
      candidates = ArticleRanker.group(passages);
    }
    return new Window(candidates, order, top.totalHits.value, passages.length < window, List.of());
  }

  /** The passage ids of the candidates that match no query word (lexical score 0). */
  private static List<BytesRef> denseOnly(List<HybridRanker.Candidate> candidates) {
    List<BytesRef> out = new ArrayList<>();
    for (HybridRanker.Candidate c : candidates) {
      if (c.lexical() <= 0) {
        out.add(new BytesRef(c.passageId()));
      }
    }
    return out;
  }

  private static String note(
      ArticleRanker.Scored s,
      ArticleModel model,
      Dense dense,
      int articles,
      ArticleRanker.Bounds bounds) {
    ArticleRanker.Candidate c = s.candidate();
    ArticleRanker.Evidence e = ArticleRanker.evidence(c, model);
    String passage =
        dense == null
            ? String.format(Locale.ROOT, "lexical %.4f", s.best().lexical())
            : String.format(
                Locale.ROOT,
                "%.2f x lexical %.4f + %.2f x dense %.4f (each min-max normalised over the top %d"
                    + " of each side)",
                model.lexicalShare(),
                s.best().lexical(),
                1 - model.lexicalShare(),
                s.best().cosine(),
                dense.fusion().depth());
    return String.format(
        Locale.ROOT,
        "%.6f = article: best passage %s (%s) + %.2f x whole-article BM25 %s + %.2f x top %d"
            + " passages %s + %.2f x query entities mentioned %s; each part is x min-max"
            + " normalised over the %d candidate articles: (x - min) / (max - min), 1 when every"
            + " article has the same x above 0, 0 when it is 0 (%d passages of the article"
            + " ranked)%n",
        s.score(),
        part(e.best(), bounds.best()),
        passage,
        model.articleShare(),
        part(c.article(), bounds.article()),
        model.passagesShare(),
        ArticleModel.TOP_PASSAGES,
        part(e.passages(), bounds.passages()),
        model.entityShare(),
        part(c.entities(), bounds.entities()),
        articles,
        c.passages().size());
  }

  /** One part of an article score with what it was normalised by, so it can be recomputed. */
  private static String part(double raw, double[] minMax) {
    return String.format(
        Locale.ROOT,
        "%.4f [min %.4f, max %.4f -> %.4f]",
        raw,
        minMax[0],
        minMax[1],
        ArticleRanker.normalised(raw, minMax[0], minMax[1]));
  }

  /** The candidate articles of the top passages, with their whole-article evidence. */
  static List<ArticleRanker.Candidate> articleCandidates(
      IndexSearcher searcher,
      Query lexical,
      List<String> typed,
      Set<String> entities,
      Dense dense,
      int wanted)
      throws IOException {
    int window = Math.max(ARTICLE_WINDOW, 20 * wanted);
    return ArticleRanker.withEvidence(
        searcher, typed, entities, window(searcher, lexical, dense, false, window).candidates());
  }

  private static ScoreDoc[] zeroScores(ScoreDoc[] passages) {
    ScoreDoc[] out = new ScoreDoc[passages.length];
    for (int i = 0; i < passages.length; i++) {
      FieldDoc fd = (FieldDoc) passages[i];
      out[i] = new FieldDoc(fd.doc, 0f, new Object[] {0f, fd.fields[1]});
    }
    return out;
  }

  private static FieldDoc fieldDoc(int doc, float score, String passageId) {
    return new FieldDoc(doc, score, new Object[] {score, new BytesRef(passageId)});
  }

  /**
   * The articles the hits stand for: those of the lexical matches and of the passages the dense
   * side added by meaning ({@code denseOnly}); and those with a passage matching {@code lexical}
   * whose own text holds a query word ({@code ownText}; every article when it is null). Each set is
   * exact up to {@link #ARTICLE_COUNT_LIMIT}; neither depends on the page asked for.
   */
  static PassageRanker.ArticleCounts countArticles(
      IndexSearcher searcher, Query lexical, Query ownText, List<BytesRef> denseOnly)
      throws IOException {
    Set<String> all = new HashSet<>();
    boolean complete = collectArticles(searcher, lexical, all);
    for (BytesRef pid : denseOnly) {
      String s = pid.utf8ToString();
      all.add(s.substring(0, s.indexOf('#')));
    }
    Set<String> own = all;
    if (ownText != null) {
      own = new HashSet<>();
      collectArticles(
          searcher,
          new BooleanQuery.Builder()
              .add(lexical, BooleanClause.Occur.FILTER)
              .add(ownText, BooleanClause.Occur.FILTER)
              .build(),
          own);
      own.retainAll(all);
    }
    return new PassageRanker.ArticleCounts(all, own, complete && all.size() < ARTICLE_COUNT_LIMIT);
  }

  /**
   * Adds the article ids of {@code query}'s matches to {@code out}, up to {@link
   * #ARTICLE_COUNT_LIMIT}; false when it stopped there.
   */
  private static boolean collectArticles(IndexSearcher searcher, Query query, Set<String> out)
      throws IOException {
    try {
      searcher.search(
          query,
          new SimpleCollector() {
            private SortedDocValues ids;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
              ids = context.reader().getSortedDocValues(Fields.ARTICLE_ID);
            }

            @Override
            public void collect(int doc) throws IOException {
              if (ids != null && ids.advanceExact(doc)) {
                out.add(ids.lookupOrd(ids.ordValue()).utf8ToString());
                if (out.size() >= ARTICLE_COUNT_LIMIT) {
                  throw new CollectionTerminatedException();
                }
              }
            }

            @Override
            public ScoreMode scoreMode() {
              return ScoreMode.COMPLETE_NO_SCORES;
            }
          });
      return true;
    } catch (CollectionTerminatedException e) {
      // Reached the limit in the last segment: the count is a lower bound, as documented.
      return false;
    }
  }
}
