package dev.parley.query;

import dev.parley.schema.Fields;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** The oldest and newest article dates of an index. Stateless; safe from any thread. */
final class ArticleDates {
  private ArticleDates() {}

  /** The newest article date in epoch days, or 0 for an empty index. */
  static long newestDay(IndexSearcher searcher) throws IOException {
    LocalDate newest = articleDate(searcher, true);
    return newest == null ? 0 : newest.toEpochDay();
  }

  /** The oldest or newest article date, or null for an empty index. */
  static LocalDate articleDate(IndexSearcher searcher, boolean newest) throws IOException {
    Sort byDate = new Sort(new SortField(Fields.DATE, SortField.Type.LONG, newest));
    TopDocs top =
        searcher.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)), 1, byDate);
    if (top.scoreDocs.length == 0) {
      return null;
    }
    Document d = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.DATE));
    return LocalDate.ofEpochDay(d.getField(Fields.DATE).numericValue().longValue());
  }
}
