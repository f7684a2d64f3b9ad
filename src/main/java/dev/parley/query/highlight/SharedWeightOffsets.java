package dev.parley.query.highlight;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;

/**
 * The UnifiedHighlighter's offsets from the postings in weight-matches mode, with <b>one</b> weight
 * for all the hits of a search instead of one per hit. Lucene's strategy builds a new searcher,
 * rewrites the query and creates its weight for every document it highlights, so every term of the
 * query is looked up in the term dictionary again for every hit (most of the snippet stage in the
 * profile, docs/performance.md); here the weight's term states are found once per segment and
 * reused. The matches of a document, and so its snippet, are the same: the same query and weight
 * type, asked for the same document. The weight reads the segments through {@link
 * RecyclingLeafReader}, so the postings enumerators of one hit are reset for the next instead of
 * built anew.
 *
 * <p>Used only where Lucene's strategy maps no other field onto the highlighted one (the field
 * matcher accepts the highlighted field alone), which is what Parley's highlighter asks for; for a
 * reader it does not know (not a leaf of {@code reader}) it falls back to Lucene's own way.
 *
 * <p>Thread safety: not thread-safe; one instance per highlighting call.
 */
final class SharedWeightOffsets extends PostingsOffsetStrategy {
  private final IndexReader reader;
  // The same segments, recycling postings enumerators from one hit to the next.
  private final RecyclingLeafReader[] recycling;
  private IndexSearcher matcher; // made at the first hit, with the weight
  private Weight weight;

  SharedWeightOffsets(UHComponents components, IndexReader reader) {
    super(components);
    this.reader = reader;
    List<LeafReaderContext> leaves = reader.leaves();
    this.recycling = new RecyclingLeafReader[leaves.size()];
    for (int i = 0; i < recycling.length; i++) {
      recycling[i] = new RecyclingLeafReader(leaves.get(i).reader());
    }
  }

  @Override
  protected void createOffsetsEnumsWeightMatcher(
      LeafReader leafReader, int docId, List<OffsetsEnum> results) throws IOException {
    int leaf = leafOf(leafReader);
    if (leaf < 0) {
      super.createOffsetsEnumsWeightMatcher(leafReader, docId, results);
      return;
    }
    if (weight == null) {
      // Not closed: the view owns nothing (the wrapped segments stay the caller's).
      matcher = new IndexSearcher(new MultiReader(recycling, false));
      // As Lucene's strategy does: matching a handful of documents gains nothing from a cache.
      matcher.setQueryCache(null);
      weight =
          matcher.createWeight(
              matcher.rewrite(components.getQuery()), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }
    // The highlighter has finished the previous document (it closes its offsets first).
    for (RecyclingLeafReader r : recycling) {
      r.nextDocument();
    }
    Matches matches = weight.matches(matcher.getIndexReader().leaves().get(leaf), docId);
    if (matches == null) {
      return; // the document does not match
    }
    for (String field : matches) {
      if (components.getFieldMatcher().test(field)) {
        MatchesIterator iterator = matches.getMatches(field);
        if (iterator != null) {
          results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
        }
      }
    }
  }

  private int leafOf(LeafReader leafReader) {
    List<LeafReaderContext> leaves = reader.leaves();
    for (int i = 0; i < leaves.size(); i++) {
      if (leaves.get(i).reader() == leafReader) {
        return i;
      }
    }
    return -1;
  }
}
