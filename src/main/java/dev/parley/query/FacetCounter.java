package dev.parley.query;

import dev.parley.query.result.FacetCount;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
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

  /**
   * Facet counts of an article search: how many distinct articles among {@code query}'s matching
   * passages have each topic, entity and month (an article counts once per label, however many of
   * its passages carry it), so the facets count the same unit as its {@code totalHits}. Reads the
   * passages' facet doc values directly: an article's passages are one block, so one segment.
   */
  Map<String, List<FacetCount>> countArticles(IndexSearcher searcher, Query query)
      throws IOException {
    String field = Fields.facetsConfig().getDimConfig(Fields.TOPIC).indexFieldName;
    Map<String, Map<String, Long>> byDim = new HashMap<>();
    searcher.search(
        query,
        new SimpleCollector() {
          private SortedDocValues articles;
          private SortedSetDocValues labels;
          private final Set<Long> seen = new HashSet<>(); // label ord << 32 | article ord
          private final Map<Long, String> names = new HashMap<>();

          @Override
          protected void doSetNextReader(LeafReaderContext context) throws IOException {
            articles = context.reader().getSortedDocValues(Fields.ARTICLE_ID);
            labels = context.reader().getSortedSetDocValues(field);
            seen.clear();
            names.clear();
          }

          @Override
          public void collect(int doc) throws IOException {
            if (articles == null
                || labels == null
                || !articles.advanceExact(doc)
                || !labels.advanceExact(doc)) {
              return;
            }
            long article = articles.ordValue();
            for (int i = 0; i < labels.docValueCount(); i++) {
              long ord = labels.nextOrd();
              if (seen.add(ord << 32 | article)) {
                String[] path =
                    FacetsConfig.stringToPath(names.computeIfAbsent(ord, o -> lookup(o)));
                byDim.computeIfAbsent(path[0], d -> new HashMap<>()).merge(path[1], 1L, Long::sum);
              }
            }
          }

          private String lookup(long ord) {
            try {
              return labels.lookupOrd(ord).utf8ToString();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
          }
        });
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    out.put(Fields.TOPIC, byCount(labelled(byDim.get(Fields.TOPIC))));
    List<FacetCount> entities = byCount(labelled(byDim.get(Fields.ENTITY)));
    out.put(Fields.ENTITY, entities.subList(0, Math.min(TOP_ENTITIES, entities.size())));
    List<FacetCount> months = new ArrayList<>(labelled(byDim.get(Fields.MONTH)));
    months.sort(Comparator.comparing(FacetCount::label));
    out.put(Fields.MONTH, months);
    return out;
  }

  private static List<FacetCount> labelled(Map<String, Long> counts) {
    List<FacetCount> out = new ArrayList<>();
    if (counts != null) {
      counts.forEach((label, n) -> out.add(new FacetCount(label, n)));
    }
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
