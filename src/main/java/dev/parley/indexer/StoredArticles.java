package dev.parley.indexer;

import dev.parley.schema.ArticleParagraphs;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The articles an index holds, read back from their article records (id, date, title, paragraphs
 * with their kinds, source) as the {@link Article} that was indexed, so they can be enriched again
 * without their input files: a model or gazetteer change must rewrite every article the index
 * holds, not only those a run reads (docs/reliability.md).
 */
final class StoredArticles {
  private static final Set<String> RECORD_FIELDS =
      Set.of(
          Fields.ARTICLE_ID,
          Fields.DATE,
          Fields.TITLE,
          Fields.PARAGRAPH,
          Fields.PARAGRAPH_LAYOUT,
          Fields.HEADING_PARAGRAPH,
          Fields.SOURCE);

  private StoredArticles() {}

  /** What to do with each article read back. */
  interface Visitor {
    void visit(Article article) throws IOException;
  }

  /**
   * Reads every live article record of {@code searcher}'s reader, in index order, skipping ids in
   * {@code skip}.
   */
  static void forEach(IndexSearcher searcher, Set<String> skip, Visitor visitor)
      throws IOException {
    Weight records =
        searcher.createWeight(
            searcher.rewrite(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE))),
            ScoreMode.COMPLETE_NO_SCORES,
            1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      var scorer = records.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        Document record = stored.document(doc, RECORD_FIELDS);
        if (!skip.contains(record.get(Fields.ARTICLE_ID))) {
          visitor.visit(article(searcher, record));
        }
      }
    }
  }

  /**
   * The article an article record describes; its paragraphs partly from its passages (schema 9,
   * {@link ArticleParagraphs}).
   */
  static Article article(IndexSearcher searcher, Document record) throws IOException {
    String id = record.get(Fields.ARTICLE_ID);
    Set<Integer> headings = new HashSet<>();
    for (IndexableField f : record.getFields(Fields.HEADING_PARAGRAPH)) {
      headings.add(f.numericValue().intValue());
    }
    List<Paragraph> paragraphs = new ArrayList<>();
    for (String text : ArticleParagraphs.of(record, ArticleParagraphs.passages(searcher, id))) {
      int number = paragraphs.size();
      paragraphs.add(
          new Paragraph(
              number,
              text,
              headings.contains(number) ? Paragraph.Kind.HEADING : Paragraph.Kind.BODY));
    }
    return new Article(
        id,
        LocalDate.ofEpochDay(record.getField(Fields.DATE).numericValue().longValue()),
        record.get(Fields.TITLE),
        paragraphs,
        record.get(Fields.SOURCE));
  }
}
