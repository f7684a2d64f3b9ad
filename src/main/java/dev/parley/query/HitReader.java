package dev.parley.query;

import dev.parley.query.highlight.SnippetHighlighter;
import dev.parley.query.rank.PassageRanker;
import dev.parley.query.result.ExplanationText;
import dev.parley.query.result.Hit;
import dev.parley.schema.Fields;
import dev.parley.schema.PassageIds;
import dev.parley.schema.PassageSpan;
import dev.parley.schema.StoredTopics;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Builds the {@link Hit}s of a ranked page: stored fields, snippets and, on request, explanations.
 *
 * <p>Thread safety: immutable; safe for concurrent searches.
 */
final class HitReader {
  private final SnippetHighlighter highlighter;

  HitReader(SnippetHighlighter highlighter) {
    this.highlighter = highlighter;
  }

  List<Hit> hits(
      IndexSearcher searcher,
      PassageRanker.Page page,
      Query text,
      Query query,
      SearchRequest request)
      throws IOException {
    return hits(searcher, page, text, query, request, Map.of());
  }

  /**
   * The hits of {@code page}; {@code notes} holds, per doc, the fusion or article arithmetic that
   * its explanation shows before the lexical query's.
   */
  List<Hit> hits(
      IndexSearcher searcher,
      PassageRanker.Page page,
      Query text,
      Query query,
      SearchRequest request,
      Map<Integer, String> notes)
      throws IOException {
    int[] docs = page.hits().stream().mapToInt(PassageRanker.Ranked::doc).toArray();
    StoredFields stored = searcher.storedFields();
    Document[] documents = new Document[docs.length];
    String[] texts = new String[docs.length];
    for (int i = 0; i < docs.length; i++) {
      documents[i] = stored.document(docs[i]);
      texts[i] = documents[i].get(Fields.TEXT);
    }
    // No text query: the searcher makes no snippets (Searcher.Builder.withSnippets(false)). The
    // highlighter gets the texts just read, so each hit's stored fields are decompressed once.
    String[] snippets =
        text == null
            ? emptySnippets(docs.length)
            : highlighter.highlight(searcher, text, docs, texts);
    List<Hit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      PassageRanker.Ranked r = page.hits().get(i);
      Document doc = documents[i];
      PassageSpan span = PassageSpan.decode(doc.getBinaryValue(Fields.SPAN));
      String explanation =
          request.explain()
              ? notes.getOrDefault(r.doc(), "")
                  + (notes.isEmpty() ? "" : "lexical part: ")
                  + ExplanationText.of(searcher.explain(query, r.doc()))
              : null;
      hits.add(
          new Hit(
              request.offset() + i + 1,
              r.score(),
              PassageIds.articleId(r.passageId()),
              r.passageId(),
              span.paraFrom(),
              span.paraTo(),
              span.charStart(),
              span.charEnd(),
              LocalDate.ofEpochDay(span.epochDay()),
              doc.get(Fields.HEADING),
              doc.get(Fields.TEXT),
              snippets[i],
              explanation,
              StoredTopics.floats(doc.getBinaryValue(Fields.TOPICS)),
              Arrays.stream(doc.getFields(Fields.ENTITY)).map(IndexableField::stringValue).toList(),
              r.duplicates(),
              span.cpStart(),
              span.cpEnd(),
              request.unit()));
    }
    return hits;
  }

  private static String[] emptySnippets(int n) {
    String[] out = new String[n];
    java.util.Arrays.fill(out, "");
    return out;
  }
}
