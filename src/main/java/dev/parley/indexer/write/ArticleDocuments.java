package dev.parley.indexer.write;

import dev.parley.indexer.Article;
import dev.parley.indexer.Passage;
import dev.parley.schema.Fields;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/**
 * Builds the Lucene documents of one article: a document per passage, then the article record.
 * Written together with {@code IndexWriter.updateDocuments}, they replace any earlier version of
 * the article atomically.
 *
 * <p>Thread safety: stateless.
 */
public final class ArticleDocuments {
  private ArticleDocuments() {}

  /** The documents for {@code article} cut into {@code passages}, article record last. */
  public static List<Document> of(Article article, List<Passage> passages) {
    List<Document> docs = new ArrayList<>(passages.size() + 1);
    String context = context(article);
    for (Passage passage : passages) {
      docs.add(passage(passage, context));
    }
    docs.add(record(article, passages.size()));
    return docs;
  }

  /** Title and lead paragraph: what every passage of the article is about. */
  private static String context(Article article) {
    String lead = article.lead().text();
    return article.title() == null ? lead : article.title() + "\n" + lead;
  }

  private static Document passage(Passage p, String articleContext) {
    Document doc = new Document();
    doc.add(new StringField(Fields.KIND, Fields.KIND_PASSAGE, Field.Store.NO));
    keyword(doc, Fields.PASSAGE_ID, p.id());
    keyword(doc, Fields.ARTICLE_ID, p.articleId());
    doc.add(new Field(Fields.TEXT, p.text(), Fields.TEXT_TYPE));
    String context = p.heading() == null ? articleContext : p.heading() + "\n" + articleContext;
    doc.add(new Field(Fields.CONTEXT, context, Fields.CONTEXT_TYPE));
    if (p.heading() != null) {
      doc.add(new StoredField(Fields.HEADING, p.heading()));
    }
    date(doc, p.date().toEpochDay());
    doc.add(new StoredField(Fields.PARA_FROM, p.from()));
    doc.add(new StoredField(Fields.PARA_TO, p.to()));
    doc.add(new StoredField(Fields.CHAR_START, p.start()));
    doc.add(new StoredField(Fields.CHAR_END, p.end()));
    doc.add(new StoredField(Fields.ORDINAL, p.ordinal()));
    doc.add(new NumericDocValuesField(Fields.ORDINAL, p.ordinal()));
    return doc;
  }

  private static Document record(Article article, int passageCount) {
    Document doc = new Document();
    doc.add(new StringField(Fields.KIND, Fields.KIND_ARTICLE, Field.Store.NO));
    keyword(doc, Fields.ARTICLE_ID, article.id());
    date(doc, article.date().toEpochDay());
    if (article.title() != null) {
      doc.add(new StoredField(Fields.TITLE, article.title()));
    }
    doc.add(new StoredField(Fields.SOURCE, article.source()));
    doc.add(new StringField(Fields.CONTENT_HASH, article.contentHash(), Field.Store.YES));
    doc.add(new StoredField(Fields.PASSAGE_COUNT, passageCount));
    return doc;
  }

  private static void keyword(Document doc, String field, String value) {
    doc.add(new StringField(field, value, Field.Store.YES));
    doc.add(new SortedDocValuesField(field, new BytesRef(value)));
  }

  private static void date(Document doc, long epochDay) {
    doc.add(new LongPoint(Fields.DATE, epochDay));
    doc.add(new NumericDocValuesField(Fields.DATE, epochDay));
    doc.add(new StoredField(Fields.DATE, epochDay));
  }
}
