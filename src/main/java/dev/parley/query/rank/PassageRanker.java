package dev.parley.query.rank;

import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;

/**
 * Ranks passages: by score (or, when browsing without query words or topics, by date, newest
 * first), ties broken by passage id so equal inputs always give equal lists. Then, in order:
 *
 * <ol>
 *   <li>near-identical passages (SimHash within {@value #NEAR_DUPLICATE_BITS} bits) fold into the
 *       first, which lists the other articles;
 *   <li>at most {@code perArticle} passages of one article are kept;
 *   <li>with date diversity, each pick's score is multiplied by {@value #SAME_DATE_PENALTY} for
 *       every passage of the same date already picked, so a browse list spreads over dates;
 *   <li>the page {@code [offset, offset + k)} is cut.
 * </ol>
 *
 * <p>These steps work on a window of the top passages that grows until the page is full or every
 * match has been seen. When at most {@value #TOTAL_HITS_THRESHOLD} passages match, the window takes
 * them all, so the count of hits in the list (what {@code offset} pages through) is exact; beyond,
 * it is a lower bound, as Lucene's own count is.
 *
 * <p>Thread safety: stateless.
 */
public final class PassageRanker {
  private PassageRanker() {}

  /**
   * Matches are counted exactly up to this many; beyond it {@link Page#totalHits()} is a lower
   * bound and Lucene may skip blocks of documents that cannot reach the top (block-max WAND), which
   * is what keeps a common-word query fast on a large index.
   */
  public static final int TOTAL_HITS_THRESHOLD = 1000;

  /** Hamming distance up to which two passages' SimHashes count as near-identical. */
  public static final int NEAR_DUPLICATE_BITS = 3;

  /** Score factor per already picked passage of the same date, with date diversity. */
  public static final double SAME_DATE_PENALTY = 0.7;

  /** The order of a ranked list. */
  public enum Order {
    /** Score, high first. */
    RELEVANCE,
    /** Article date, newest first (for browsing). */
    NEWEST
  }

  /**
   * How to cut the ranked list.
   *
   * @param order the primary order
   * @param offset hits to skip
   * @param k hits to return
   * @param perArticle most passages per article, 0 for no limit
   * @param collapse fold near-identical passages
   * @param diversifyDates spread picks over dates
   * @param rescorer re-scores the head of the first-stage list, or null
   * @param ownText matches the passages whose own text (not only their article's context) holds the
   *     query words, to count them; null when every match counts (browsing)
   * @param counts whether the page carries its counts: false for ranking alone, which then never
   *     searches again to count the list exactly nor counts own-text hits (the page's hits are the
   *     same either way); its counts are then Lucene's, lower bounds
   */
  public record Options(
      Order order,
      int offset,
      int k,
      int perArticle,
      boolean collapse,
      boolean diversifyDates,
      Rescorer rescorer,
      Query ownText,
      boolean counts) {

    /** Options of a page with its counts. */
    public Options(
        Order order,
        int offset,
        int k,
        int perArticle,
        boolean collapse,
        boolean diversifyDates,
        Rescorer rescorer,
        Query ownText) {
      this(order, offset, k, perArticle, collapse, diversifyDates, rescorer, ownText, true);
    }

    /** The same options without counts (ranking alone). */
    public Options withoutCounts() {
      return new Options(
          order, offset, k, perArticle, collapse, diversifyDates, rescorer, null, false);
    }
  }

  /**
   * A second stage: new scores for the top {@link #depth()} first-stage passages. Passages below
   * that depth keep their first-stage order after them.
   */
  public interface Rescorer {
    /** How many first-stage passages to re-score. */
    int depth();

    /** New scores for {@code docs}, given in first-stage order with first-stage {@code scores}. */
    double[] rescore(int[] docs, double[] scores) throws IOException;
  }

  /**
   * One ranked passage before its stored fields are read.
   *
   * @param doc the index doc id
   * @param score the score; 0 when ordered by date (a browse has no relevance to score, and JSON
   *     has no NaN)
   * @param passageId the passage id
   * @param duplicates article ids of near-identical passages folded into this one
   */
  public record Ranked(int doc, float score, String passageId, List<String> duplicates) {}

  /**
   * A ranked page and the counts behind it.
   *
   * @param totalHits the hits in the whole ranked list, after the per-article limit and folding:
   *     what {@code offset} pages through
   * @param exact whether the counts are exact; false when more than {@value #TOTAL_HITS_THRESHOLD}
   *     passages matched and they are lower bounds
   * @param ownTextHits of {@code totalHits}, those whose own text matches {@link Options#ownText()}
   *     (all of them when it is null)
   * @param matchingPassages every passage that matched, before the per-article limit and folding
   * @param hits the page, best first
   */
  public record Page(
      long totalHits, boolean exact, long ownTextHits, long matchingPassages, List<Ranked> hits) {}

  private static final SortField BY_ID = new SortField(Fields.PASSAGE_ID, SortField.Type.STRING);
  private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE, BY_ID);
  private static final Sort NEWEST =
      new Sort(new SortField(Fields.DATE, SortField.Type.LONG, true), BY_ID);

  /**
   * Runs {@code query} and returns the requested page.
   *
   * @throws IOException on a read error
   */
  public static Page rank(IndexSearcher searcher, Query query, Options options) throws IOException {
    int wanted = options.offset() + options.k();
    boolean needsWindow =
        options.perArticle() > 0 || options.collapse() || options.diversifyDates();
    // A small first window: most pages fill from it; the loop below widens it when the
    // per-article limit or folding discards too much.
    int window = needsWindow ? Math.max(30, wanted * 3) : wanted;
    if (needsWindow && !options.counts() && !options.diversifyDates()) {
      // Ranking alone counts nothing over the window, and the page is the same from any window
      // that fills it (the kept list of a narrower window is a prefix of a wider one's), so start
      // narrower: a lower k lets MaxScore skip more. 1.5 pages was the fastest of 1.1, 1.5, 2 and
      // 3 on the Reuters bench queries (docs/performance.md); the loop widens it when needed.
      window = Math.max(wanted + 1, wanted * 3 / 2);
    }
    if (options.rescorer() != null) {
      window = Math.max(window, options.rescorer().depth());
    }
    Sort sort = options.order() == Order.RELEVANCE ? RELEVANCE : NEWEST;
    while (true) {
      TopFieldDocs top =
          options.order() == Order.RELEVANCE
              ? byScore(searcher, query, window)
              : searcher.search(
                  query,
                  new TopFieldCollectorManager(sort, window, null, TOTAL_HITS_THRESHOLD, false));
      boolean exhausted = top.scoreDocs.length < window;
      boolean fewMatches =
          top.totalHits.relation == TotalHits.Relation.EQUAL_TO
              && top.totalHits.value <= TOTAL_HITS_THRESHOLD;
      // Date diversity picks over every match it sees, so its page needs the wider window too.
      if ((options.counts() || options.diversifyDates())
          && fewMatches
          && !exhausted
          && (needsWindow || options.ownText() != null)) {
        // Few enough to see every match: one wider search makes every count exact.
        window = (int) top.totalHits.value + 1;
        continue;
      }
      ScoreDoc[] ranked =
          options.rescorer() == null ? top.scoreDocs : rescore(top.scoreDocs, options.rescorer());
      List<Candidate> kept =
          select(searcher, ranked, options, exhausted ? Integer.MAX_VALUE : wanted);
      if (options.diversifyDates()) {
        kept = diversify(searcher, kept);
      }
      if (kept.size() >= wanted || exhausted) {
        List<Ranked> page = new ArrayList<>();
        for (int i = options.offset(); i < Math.min(kept.size(), wanted); i++) {
          Candidate c = kept.get(i);
          page.add(new Ranked(c.doc, c.score, c.passageId, List.copyOf(c.duplicates)));
        }
        boolean exact = exhausted || (!needsWindow && fewMatches);
        if (!options.counts()) {
          long seen = Math.max(top.totalHits.value, options.offset() + page.size());
          return new Page(seen, false, seen, top.totalHits.value, page);
        }
        return counted(searcher, ranked, options, needsWindow, exact, top.totalHits.value, page);
      }
      window *= 4;
    }
  }

  /**
   * The top {@code window} passages by score, ties by passage id, as {@link FieldDoc}s {score,
   * passage id}. One search collects the top {@code window} by score and every passage that ties
   * with the last of them ({@link TopScoresWithTies}); sorting those by (score, passage id) and
   * cutting the window gives exactly what sorting every match would. Passage ids are read from the
   * doc values for these passages alone (reading one for every competitive hit, as a sort field
   * does, cost about a tenth of a search, and lets Lucene skip fewer blocks).
   */
  private static TopFieldDocs byScore(IndexSearcher searcher, Query query, int window)
      throws IOException {
    TopDocs top = searcher.search(query, new TopScoresWithTies(window, TOTAL_HITS_THRESHOLD));
    ScoreDoc[] docs = top.scoreDocs;
    int[] ids = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      ids[i] = docs[i].doc;
    }
    BytesRef[] passageIds = DocValueLookup.sorted(searcher, Fields.PASSAGE_ID, ids);
    FieldDoc[] out = new FieldDoc[docs.length];
    for (int i = 0; i < docs.length; i++) {
      out[i] =
          new FieldDoc(docs[i].doc, docs[i].score, new Object[] {docs[i].score, passageIds[i]});
    }
    java.util.Arrays.sort(
        out,
        (a, b) -> {
          int c = Float.compare(b.score, a.score);
          return c != 0 ? c : ((BytesRef) a.fields[1]).compareTo((BytesRef) b.fields[1]);
        });
    return new TopFieldDocs(
        top.totalHits,
        java.util.Arrays.copyOf(out, Math.min(window, out.length)),
        RELEVANCE.getSort());
  }

  /**
   * Cuts the requested page from a list already ranked elsewhere (a fused hybrid list, or
   * articles): {@code ranked} holds {@link FieldDoc}s with fields {score, passage id}, best first.
   * The per-article limit and folding apply as in {@link #rank}; there is no wider window to fetch.
   * {@code totalHits} is how many hits the list stands for, or -1 for the list's own length after
   * the per-article limit (exact when {@code exact}); {@code matching} every passage that matched.
   *
   * @throws IOException on a read error
   */
  public static Page rankList(
      IndexSearcher searcher,
      ScoreDoc[] ranked,
      long totalHits,
      boolean exact,
      long matching,
      Options options)
      throws IOException {
    List<Candidate> kept = select(searcher, ranked, options, Integer.MAX_VALUE, false);
    List<Ranked> page = new ArrayList<>();
    int wanted = options.offset() + options.k();
    for (int i = options.offset(); i < Math.min(kept.size(), wanted); i++) {
      Candidate c = kept.get(i);
      page.add(new Ranked(c.doc, c.score, c.passageId, List.copyOf(c.duplicates)));
    }
    // Never from the page: a count that moved with the offset became the offset past the end.
    long listed = totalHits < 0 ? kept.size() : totalHits;
    long ownText = listed;
    if (totalHits < 0 && options.ownText() != null) {
      // The list itself (hybrid passages): a passage the dense side found may hold no query word,
      // so count the listed passages whose own text does, as a lexical search counts them.
      ownText =
          OwnTextMatches.count(
              searcher, options.ownText(), kept.stream().mapToInt(c -> c.doc).toArray());
    }
    return new Page(listed, exact, ownText, matching, page);
  }

  /**
   * What the hits of an article search stand for, counted over every match (never over the page).
   *
   * @param articles the ids of the articles the hits stand for
   * @param ownText those of them with a passage whose own text holds a query word (all of them when
   *     browsing)
   * @param exact whether the sets are complete; false when they reached their limit
   */
  public record ArticleCounts(Set<String> articles, Set<String> ownText, boolean exact) {}

  /**
   * Cuts the requested page from a list of article hits ranked elsewhere ({@link FieldDoc}s {score,
   * best passage id}, best first, one per article). With {@link Options#collapse()} an article that
   * is a near-identical copy of a better one (a wire copy: the same number of passages, each within
   * {@value #NEAR_DUPLICATE_BITS} SimHash bits of the passage at the same place, as passage folding
   * compares passages) folds into it and is listed in its duplicates; articles that merely share a
   * passage do not fold. {@code totalHits} and {@code ownTextHits} are the articles of {@code
   * counts} less the folded ones: the same for every page.
   *
   * @throws IOException on a read error
   */
  public static Page rankArticleList(
      IndexSearcher searcher,
      ScoreDoc[] ranked,
      ArticleCounts counts,
      long matching,
      Options options)
      throws IOException {
    List<String> articles = new ArrayList<>(ranked.length);
    for (ScoreDoc sd : ranked) {
      articles.add(articleId(passageId(sd)));
    }
    Map<String, long[]> shapes =
        options.collapse() ? ArticleShapes.simhashes(searcher, articles) : Map.of();
    List<Integer> kept = new ArrayList<>();
    List<List<String>> duplicates = new ArrayList<>();
    Map<Integer, List<Integer>> keptByLength = new HashMap<>();
    Set<String> folded = new java.util.HashSet<>();
    for (int i = 0; i < ranked.length; i++) {
      long[] shape = shapes.get(articles.get(i));
      int into = -1;
      if (shape != null) {
        for (int j : keptByLength.getOrDefault(shape.length, List.of())) {
          if (ArticleShapes.nearIdentical(shapes.get(articles.get(kept.get(j))), shape)) {
            into = j;
            break;
          }
        }
      }
      if (into >= 0) {
        duplicates.get(into).add(articles.get(i));
        folded.add(articles.get(i));
        continue;
      }
      if (shape != null) {
        keptByLength.computeIfAbsent(shape.length, n -> new ArrayList<>()).add(kept.size());
      }
      kept.add(i);
      duplicates.add(new ArrayList<>());
    }
    List<Ranked> page = new ArrayList<>();
    int wanted = options.offset() + options.k();
    for (int i = options.offset(); i < Math.min(kept.size(), wanted); i++) {
      FieldDoc fd = (FieldDoc) ranked[kept.get(i)];
      float score = options.order() == Order.RELEVANCE ? (Float) fd.fields[0] : 0f;
      page.add(new Ranked(fd.doc, score, passageId(fd), List.copyOf(duplicates.get(i))));
    }
    long total = counts.articles().stream().filter(a -> !folded.contains(a)).count();
    long ownText = counts.ownText().stream().filter(a -> !folded.contains(a)).count();
    return new Page(total, counts.exact(), Math.min(ownText, total), matching, page);
  }

  /**
   * The page with its counts. Every hit that the window holds is counted (per-article limit and
   * folding applied, as the list does); when the window held every match the counts are exact.
   */
  private static Page counted(
      IndexSearcher searcher,
      ScoreDoc[] window,
      Options options,
      boolean needsWindow,
      boolean exact,
      long matching,
      List<Ranked> page)
      throws IOException {
    List<Candidate> all =
        needsWindow ? select(searcher, window, options, Integer.MAX_VALUE, false) : null;
    long listed = needsWindow ? all.size() : matching;
    long ownText = listed;
    if (options.ownText() != null) {
      int[] docs =
          needsWindow
              ? all.stream().mapToInt(c -> c.doc).toArray()
              : java.util.Arrays.stream(window).mapToInt(d -> d.doc).toArray();
      ownText = OwnTextMatches.count(searcher, options.ownText(), docs);
    }
    if (!exact && needsWindow) {
      // A lower bound: at least the hits seen so far.
      listed = Math.max(listed, options.offset() + page.size());
    }
    return new Page(listed, exact, ownText, matching, page);
  }

  /**
   * Re-scores the head of the list and re-sorts it (ties by passage id); the tail keeps its order
   * with scores just below the head's lowest.
   */
  private static ScoreDoc[] rescore(ScoreDoc[] docs, Rescorer rescorer) throws IOException {
    int head = Math.min(rescorer.depth(), docs.length);
    int[] ids = new int[head];
    double[] first = new double[head];
    for (int i = 0; i < head; i++) {
      ids[i] = docs[i].doc;
      first[i] = (Float) ((FieldDoc) docs[i]).fields[0];
    }
    double[] scores = rescorer.rescore(ids, first);
    Integer[] order = new Integer[head];
    for (int i = 0; i < head; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order,
        (a, b) -> {
          int c = Double.compare(scores[b], scores[a]);
          return c != 0 ? c : passageId(docs[a]).compareTo(passageId(docs[b]));
        });
    ScoreDoc[] out = new ScoreDoc[docs.length];
    double lowest = Double.MAX_VALUE;
    for (int i = 0; i < head; i++) {
      FieldDoc fd = (FieldDoc) docs[order[i]];
      out[i] =
          new FieldDoc(
              fd.doc,
              (float) scores[order[i]],
              new Object[] {(float) scores[order[i]], fd.fields[1]});
      lowest = Math.min(lowest, scores[order[i]]);
    }
    for (int i = head; i < docs.length; i++) {
      FieldDoc fd = (FieldDoc) docs[i];
      float s = (float) (lowest - 1e-3 * (i - head + 1));
      out[i] = new FieldDoc(fd.doc, s, new Object[] {s, fd.fields[1]});
    }
    return out;
  }

  private static String passageId(ScoreDoc sd) {
    return ((BytesRef) ((FieldDoc) sd).fields[1]).utf8ToString();
  }

  /** A passage being considered. */
  private static final class Candidate {
    final int doc;
    final float score;
    final String passageId;
    final List<String> duplicates;

    Candidate(int doc, float score, String passageId, List<String> duplicates) {
      this.doc = doc;
      this.score = score;
      this.passageId = passageId;
      this.duplicates = duplicates;
    }
  }

  private static List<Candidate> select(
      IndexSearcher searcher, ScoreDoc[] docs, Options options, int limit) throws IOException {
    return select(searcher, docs, options, limit, options.diversifyDates());
  }

  /**
   * The candidates that survive folding and the per-article limit, at most {@code limit} (times 3
   * with {@code margin}, for date diversity to choose from).
   */
  private static List<Candidate> select(
      IndexSearcher searcher, ScoreDoc[] docs, Options options, int limit, boolean margin)
      throws IOException {
    int[] ids = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      ids[i] = docs[i].doc;
    }
    long[] simhashes =
        options.collapse()
            ? DocValueLookup.longs(searcher, Fields.SIMHASH, ids)
            : new long[ids.length];
    List<Listed> listed = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      FieldDoc fd = (FieldDoc) docs[i];
      // Ordered by date there is no score: 0, never NaN (strict JSON has no NaN, and 0 sorts and
      // prints everywhere).
      float score = options.order() == Order.RELEVANCE ? (Float) fd.fields[0] : 0f;
      listed.add(new Listed(score, ((BytesRef) fd.fields[1]).utf8ToString(), simhashes[i]));
    }
    // With date diversity the final order is decided later, so keep a margin of extra candidates.
    int keep = margin ? (int) Math.min(Integer.MAX_VALUE, limit * 3L) : limit;
    List<Candidate> kept = new ArrayList<>();
    for (Kept k : keep(listed, options.perArticle(), options.collapse(), keep)) {
      Listed l = listed.get(k.index());
      kept.add(new Candidate(docs[k.index()].doc, l.score(), l.passageId(), k.duplicates()));
    }
    return kept;
  }

  /**
   * One passage of a list ranked elsewhere, for {@link #keep}: for example the global top of a
   * sharded index, merged by its client.
   *
   * @param score the passage's score
   * @param passageId its id ({@code articleId#...})
   * @param simhash its {@code simhash} value, 0 when unknown (never folded)
   */
  public record Listed(float score, String passageId, long simhash) {}

  /**
   * A passage kept by {@link #keep}.
   *
   * @param index its position in the list given
   * @param duplicates ids of other articles whose near-identical passages were folded into it
   */
  public record Kept(int index, List<String> duplicates) {}

  /**
   * Which passages of {@code listed} (best first) survive folding of near-identical passages (with
   * {@code collapse}) and the per-article limit ({@code perArticle}, 0 for none), in list order, at
   * most {@code limit}: the same selection as {@link #rank}, for a list ranked elsewhere.
   */
  public static List<Kept> keep(List<Listed> listed, int perArticle, boolean collapse, int limit) {
    Map<String, Integer> perArticleCount = new HashMap<>();
    List<Integer> kept = new ArrayList<>();
    List<Set<String>> duplicates = new ArrayList<>();
    for (int i = 0; i < listed.size() && kept.size() < limit; i++) {
      Listed c = listed.get(i);
      String articleId = articleId(c.passageId());
      if (collapse && fold(c, articleId, listed, kept, duplicates)) {
        continue;
      }
      if (perArticle > 0 && perArticleCount.merge(articleId, 1, Integer::sum) > perArticle) {
        continue;
      }
      kept.add(i);
      duplicates.add(new LinkedHashSet<>());
    }
    List<Kept> out = new ArrayList<>(kept.size());
    for (int i = 0; i < kept.size(); i++) {
      out.add(new Kept(kept.get(i), List.copyOf(duplicates.get(i))));
    }
    return out;
  }

  private static String articleId(String passageId) {
    return passageId.substring(0, passageId.indexOf('#'));
  }

  /** Folds {@code c} into a kept near-identical passage, if there is one. */
  private static boolean fold(
      Listed c,
      String articleId,
      List<Listed> listed,
      List<Integer> kept,
      List<Set<String>> duplicates) {
    if (c.simhash() == 0) {
      return false;
    }
    for (int j = 0; j < kept.size(); j++) {
      Listed k = listed.get(kept.get(j));
      if (Long.bitCount(k.simhash() ^ c.simhash()) <= NEAR_DUPLICATE_BITS) {
        if (!articleId(k.passageId()).equals(articleId)) {
          duplicates.get(j).add(articleId);
        }
        return true;
      }
    }
    return false;
  }

  /** Greedy re-ranking that penalises repeated dates; ties keep the original order. */
  private static List<Candidate> diversify(IndexSearcher searcher, List<Candidate> candidates)
      throws IOException {
    long[] dates =
        DocValueLookup.longs(
            searcher, Fields.DATE, candidates.stream().mapToInt(c -> c.doc).toArray());
    float[] scores = new float[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = candidates.get(i).score;
    }
    List<Candidate> out = new ArrayList<>(candidates.size());
    for (int i : diversifiedOrder(scores, dates)) {
      out.add(candidates.get(i));
    }
    return out;
  }

  /**
   * The order of date diversity (a topic browse) for passages with {@code scores} and {@code dates}
   * (any date unit), given best first: greedily the best score, each multiplied by {@value
   * #SAME_DATE_PENALTY} for every passage of the same date already picked; ties keep the given
   * order. Returns indexes into the arrays.
   */
  public static int[] diversifiedOrder(float[] scores, long[] dates) {
    List<Integer> remaining = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      remaining.add(i);
    }
    Map<Long, Integer> pickedPerDate = new HashMap<>();
    int[] out = new int[scores.length];
    int n = 0;
    while (!remaining.isEmpty()) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < remaining.size(); r++) {
        int i = remaining.get(r);
        double s = scores[i] * Math.pow(SAME_DATE_PENALTY, pickedPerDate.getOrDefault(dates[i], 0));
        if (s > bestScore) {
          bestScore = s;
          best = r;
        }
      }
      int i = remaining.remove(best);
      pickedPerDate.merge(dates[i], 1, Integer::sum);
      out[n++] = i;
    }
    return out;
  }
}
