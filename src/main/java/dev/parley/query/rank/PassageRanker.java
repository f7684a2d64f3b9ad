package dev.parley.query.rank;

import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Ranks passages: by score (or, when browsing without query words, by date, newest first), ties
 * broken by passage id so equal inputs always give equal lists; then keeps at most {@code
 * perArticle} passages of each article and cuts the page {@code [offset, offset + k)}.
 *
 * <p>The per-article limit is applied to a window of the top passages that grows until the page is
 * full or every match has been seen.
 *
 * <p>Thread safety: stateless.
 */
public final class PassageRanker {
  private PassageRanker() {}

  /** The order of a ranked list. */
  public enum Order {
    /** Score, high first. */
    RELEVANCE,
    /** Article date, newest first (for browsing). */
    NEWEST
  }

  /**
   * One ranked passage before its stored fields are read.
   *
   * @param doc the index doc id
   * @param score the score (NaN when ordered by date)
   * @param passageId the passage id
   */
  public record Ranked(int doc, float score, String passageId) {}

  /**
   * A ranked page.
   *
   * @param totalHits every passage that matched
   * @param hits the page, best first
   */
  public record Page(long totalHits, List<Ranked> hits) {}

  private static final SortField BY_ID = new SortField(Fields.PASSAGE_ID, SortField.Type.STRING);
  private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE, BY_ID);
  private static final Sort NEWEST =
      new Sort(new SortField(Fields.DATE, SortField.Type.LONG, true), BY_ID);

  /**
   * Runs {@code query} and returns the requested page.
   *
   * @throws IOException on a read error
   */
  public static Page rank(
      IndexSearcher searcher, Query query, Order order, int offset, int k, int perArticle)
      throws IOException {
    int wanted = offset + k;
    int window = perArticle == 0 ? wanted : Math.max(100, wanted * 4);
    Sort sort = order == Order.RELEVANCE ? RELEVANCE : NEWEST;
    while (true) {
      TopFieldDocs top =
          searcher.search(
              query, new TopFieldCollectorManager(sort, window, null, Integer.MAX_VALUE, false));
      if (order == Order.RELEVANCE) {
        // Sorting by score does not fill in scores by itself in every path; the first sort value
        // is.
        for (ScoreDoc sd : top.scoreDocs) {
          sd.score = (Float) ((FieldDoc) sd).fields[0];
        }
      }
      List<Ranked> kept = limit(top.scoreDocs, order, perArticle, wanted);
      boolean exhausted = top.scoreDocs.length < window;
      if (kept.size() >= wanted || exhausted) {
        List<Ranked> page =
            offset >= kept.size() ? List.of() : kept.subList(offset, Math.min(kept.size(), wanted));
        return new Page(top.totalHits.value, page);
      }
      window *= 4;
    }
  }

  private static List<Ranked> limit(ScoreDoc[] docs, Order order, int perArticle, int wanted) {
    Map<String, Integer> perArticleCount = new HashMap<>();
    List<Ranked> kept = new ArrayList<>();
    for (ScoreDoc sd : docs) {
      String passageId = ((BytesRef) ((FieldDoc) sd).fields[1]).utf8ToString();
      String articleId = passageId.substring(0, passageId.lastIndexOf('#'));
      if (perArticle > 0 && perArticleCount.merge(articleId, 1, Integer::sum) > perArticle) {
        continue;
      }
      kept.add(new Ranked(sd.doc, order == Order.RELEVANCE ? sd.score : Float.NaN, passageId));
      if (kept.size() >= wanted) {
        break;
      }
    }
    return kept;
  }
}
