package dev.parley.query;

import dev.parley.query.result.StoredArticle;
import dev.parley.schema.ArticleParagraphs;
import dev.parley.schema.Fields;
import dev.parley.schema.PassageIds;
import dev.parley.schema.PassageSpan;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Reads one article back from its article document (paragraphs, title, date) and its passage
 * documents (the spans). Stateless; safe from any thread.
 */
final class ArticleReader {
  private ArticleReader() {}

  /** The article {@code id}, or empty when the index has no such article. */
  static Optional<StoredArticle> read(IndexSearcher searcher, String id) throws IOException {
    TopDocs record = searcher.search(of(Fields.KIND_ARTICLE, id), 1);
    if (record.scoreDocs.length == 0) {
      return Optional.empty();
    }
    StoredFields stored = searcher.storedFields();
    Document doc = stored.document(record.scoreDocs[0].doc);
    Set<Integer> headings = new HashSet<>();
    for (IndexableField f : doc.getFields(Fields.HEADING_PARAGRAPH)) {
      headings.add(f.numericValue().intValue());
    }
    ArticleParagraphs.Passages passages = ArticleParagraphs.passages(searcher, id);
    List<StoredArticle.Paragraph> paragraphs = new ArrayList<>();
    int offset = 0;
    for (String text : ArticleParagraphs.of(doc, passages)) {
      int number = paragraphs.size();
      paragraphs.add(
          new StoredArticle.Paragraph(
              number, text, headings.contains(number), offset, offset + text.length()));
      // Paragraphs are joined by a blank line in the article text that offsets index.
      offset += text.length() + ArticleParagraphs.SEPARATOR_LENGTH;
    }
    String[] passageIds = PassageIds.of(searcher.getIndexReader(), passages.docs());
    List<StoredArticle.Span> spans = new ArrayList<>();
    for (int i = 0; i < passageIds.length; i++) {
      PassageSpan span = passages.spans().get(i);
      spans.add(
          new StoredArticle.Span(
              passageIds[i], span.paraFrom(), span.paraTo(), span.charStart(), span.charEnd()));
    }
    spans.sort(
        Comparator.comparingInt(StoredArticle.Span::start)
            .thenComparingInt(StoredArticle.Span::end)
            .thenComparing(StoredArticle.Span::passageId));
    return Optional.of(
        new StoredArticle(
            id,
            LocalDate.ofEpochDay(doc.getField(Fields.DATE).numericValue().longValue()),
            doc.get(Fields.TITLE),
            paragraphs,
            spans));
  }

  private static Query of(String kind, String articleId) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.KIND, kind)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.ARTICLE_ID, articleId)), BooleanClause.Occur.FILTER)
        .build();
  }
}
