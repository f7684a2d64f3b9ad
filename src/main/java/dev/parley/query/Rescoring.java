package dev.parley.query;

import dev.parley.analysis.ParleyAnalyzer;
import dev.parley.query.rank.PassageRanker;
import dev.parley.query.rank.QuerySignals;
import dev.parley.query.rank.RerankCandidate;
import dev.parley.query.rank.RerankModel;
import dev.parley.query.rank.Reranker;
import dev.parley.schema.Fields;
import dev.parley.schema.PassageIds;
import dev.parley.schema.PassageSpan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;

/**
 * The second stage of a {@link Searcher}: re-scores the top first-stage passages with a {@link
 * RerankModel}, and lists their features for {@code parley tune}.
 *
 * <p>Thread safety: immutable; safe for concurrent searches.
 */
final class Rescoring {
  private final ParleyAnalyzer wordAnalyzer;

  Rescoring(ParleyAnalyzer wordAnalyzer) {
    this.wordAnalyzer = wordAnalyzer;
  }

  /** The second stage over {@code searcher} for a query with these signals. */
  PassageRanker.Rescorer rescorer(IndexSearcher searcher, QuerySignals signals, RerankModel model) {
    return new PassageRanker.Rescorer() {
      @Override
      public int depth() {
        return model.depth();
      }

      @Override
      public double[] rescore(int[] docs, double[] scores) throws IOException {
        double[][] f =
            Reranker.features(searcher, signals, wordAnalyzer, docs, scores, model, false);
        return Reranker.combine(f, model.vector());
      }
    };
  }

  /** The features of the first-stage {@code top} passages, in first-stage order. */
  List<RerankCandidate> candidates(
      IndexSearcher searcher, TopDocs top, QuerySignals signals, RerankModel model)
      throws IOException {
    int[] docs = new int[top.scoreDocs.length];
    double[] scores = new double[docs.length];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = top.scoreDocs[i].doc;
      scores[i] = top.scoreDocs[i].score;
    }
    double[][] f = Reranker.features(searcher, signals, wordAnalyzer, docs, scores, model, true);
    StoredFields stored = searcher.storedFields();
    List<RerankCandidate> out = new ArrayList<>(docs.length);
    Set<String> fields = Set.of(Fields.SPAN);
    String[] passageIds = PassageIds.of(searcher.getIndexReader(), docs);
    for (int i = 0; i < docs.length; i++) {
      Document d = stored.document(docs[i], fields);
      String articleId = PassageIds.articleId(passageIds[i]);
      PassageSpan span = PassageSpan.decode(d.getBinaryValue(Fields.SPAN));
      out.add(
          new RerankCandidate(
              passageIds[i],
              articleId + "#" + span.paraFrom() + "-" + span.paraTo(),
              articleId,
              f[i]));
    }
    return out;
  }
}
