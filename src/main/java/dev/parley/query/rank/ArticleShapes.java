package dev.parley.query.rank;

import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The shape of whole articles for folding wire copies in article search: each article's passage
 * SimHashes in passage id order. Two articles are near-identical when they have as many passages
 * and each passage is within {@value PassageRanker#NEAR_DUPLICATE_BITS} bits of the other's at the
 * same place (the passage folding threshold, per passage).
 *
 * <p>Thread safety: stateless.
 */
final class ArticleShapes {
  private ArticleShapes() {}

  /**
   * Each of {@code articles}' passage SimHashes in passage id order; an article with a passage of
   * unknown SimHash (0) is left out (never folded), as passage folding leaves such passages alone.
   */
  static Map<String, long[]> simhashes(IndexSearcher searcher, List<String> articles)
      throws IOException {
    Map<String, TreeMap<String, Long>> byArticle = new HashMap<>();
    if (articles.isEmpty()) {
      return Map.of();
    }
    BooleanQuery query =
        new BooleanQuery.Builder()
            .add(
                new TermInSetQuery(
                    Fields.ARTICLE_ID, articles.stream().map(BytesRef::new).toList()),
                Occur.FILTER)
            .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), Occur.FILTER)
            .build();
    searcher.search(
        query,
        new SimpleCollector() {
          private SortedDocValues articleIds;
          private SortedDocValues passageIds;
          private NumericDocValues simhashes;

          @Override
          protected void doSetNextReader(LeafReaderContext context) throws IOException {
            articleIds = context.reader().getSortedDocValues(Fields.ARTICLE_ID);
            passageIds = context.reader().getSortedDocValues(Fields.PASSAGE_ID);
            simhashes = context.reader().getNumericDocValues(Fields.SIMHASH);
          }

          @Override
          public void collect(int doc) throws IOException {
            if (articleIds == null || passageIds == null || !articleIds.advanceExact(doc)) {
              return;
            }
            String article = articleIds.lookupOrd(articleIds.ordValue()).utf8ToString();
            String passage =
                passageIds.advanceExact(doc)
                    ? passageIds.lookupOrd(passageIds.ordValue()).utf8ToString()
                    : "";
            long simhash =
                simhashes != null && simhashes.advanceExact(doc) ? simhashes.longValue() : 0;
            byArticle.computeIfAbsent(article, a -> new TreeMap<>()).put(passage, simhash);
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
          }
        });
    Map<String, long[]> out = new HashMap<>();
    for (var e : byArticle.entrySet()) {
      long[] shape = e.getValue().values().stream().mapToLong(Long::longValue).toArray();
      if (java.util.Arrays.stream(shape).noneMatch(h -> h == 0)) {
        out.put(e.getKey(), shape);
      }
    }
    return out;
  }

  /** Whether two article shapes are near-identical, passage by passage. */
  static boolean nearIdentical(long[] a, long[] b) {
    if (a == null || b == null || a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (Long.bitCount(a[i] ^ b[i]) > PassageRanker.NEAR_DUPLICATE_BITS) {
        return false;
      }
    }
    return true;
  }
}
