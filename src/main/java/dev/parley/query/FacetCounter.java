package dev.parley.query;

import dev.parley.query.result.FacetCount;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Counts topic, entity and month facets over the passages a query matches, with Lucene's sorted-set
 * doc-values facets. The per-reader facet state is costly to build, so it is built once per index
 * reader and reused until the searcher reopens.
 *
 * <p>Thread safety: safe to share; the cached state is replaced atomically.
 */
final class FacetCounter {
  /** How many entities a facet list shows. */
  static final int TOP_ENTITIES = 20;

  private record Cached(IndexReader reader, SortedSetDocValuesReaderState state) {}

  private volatile Cached cached;

  /**
   * The query whose matches a search's facets describe: the lexical matches, plus the passages a
   * hybrid search added by meaning alone ({@code denseOnly}, passage ids), which are hits too; so
   * in hybrid mode the facets describe the same hits as {@code totalHits}.
   */
  static Query hitsOf(Query lexical, List<BytesRef> denseOnly) {
    if (denseOnly.isEmpty()) {
      return lexical;
    }
    return new BooleanQuery.Builder()
        .add(lexical, BooleanClause.Occur.SHOULD)
        .add(new TermInSetQuery(Fields.PASSAGE_ID, denseOnly), BooleanClause.Occur.SHOULD)
        .build();
  }

  /** Facet counts for {@code query}: topics, top entities, months in date order. */
  Map<String, List<FacetCount>> count(IndexSearcher searcher, Query query) throws IOException {
    SortedSetDocValuesReaderState state = state(searcher.getIndexReader());
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    if (state == null) {
      out.put(Fields.TOPIC, List.of());
      out.put(Fields.ENTITY, List.of());
      out.put(Fields.MONTH, List.of());
      return out;
    }
    FacetsCollector fc = searcher.search(query, new FacetsCollectorManager());
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, fc);
    out.put(Fields.TOPIC, byCount(dimension(counts, Fields.TOPIC, Integer.MAX_VALUE)));
    out.put(Fields.ENTITY, byCount(dimension(counts, Fields.ENTITY, TOP_ENTITIES)));
    List<FacetCount> months = new ArrayList<>(dimension(counts, Fields.MONTH, Integer.MAX_VALUE));
    months.sort(Comparator.comparing(FacetCount::label));
    out.put(Fields.MONTH, months);
    return out;
  }

  private static List<FacetCount> dimension(
      SortedSetDocValuesFacetCounts counts, String dim, int top) throws IOException {
    FacetResult result;
    try {
      result =
          top == Integer.MAX_VALUE ? counts.getAllChildren(dim) : counts.getTopChildren(top, dim);
    } catch (IllegalArgumentException e) {
      return List.of(); // the dimension has no values in this index
    }
    List<FacetCount> out = new ArrayList<>();
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        out.add(new FacetCount(lv.label, lv.value.longValue()));
      }
    }
    return out;
  }

  /** Most first, ties by label, so equal inputs give equal lists. */
  private static List<FacetCount> byCount(List<FacetCount> counts) {
    List<FacetCount> sorted = new ArrayList<>(counts);
    sorted.sort(
        Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::label));
    return sorted;
  }

  private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
    Cached c = cached;
    if (c != null && c.reader() == reader) {
      return c.state();
    }
    SortedSetDocValuesReaderState state;
    try {
      state = new DefaultSortedSetDocValuesReaderState(reader, Fields.facetsConfig());
    } catch (IllegalArgumentException e) {
      state = null; // no passage has facets yet (empty index)
    }
    cached = new Cached(reader, state);
    return state;
  }
}
