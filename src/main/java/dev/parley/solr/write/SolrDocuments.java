package dev.parley.solr.write;

import dev.parley.schema.Fields;
import dev.parley.solr.schema.SolrSchema;
import dev.parley.solr.schema.TopicScoresField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.common.SolrInputDocument;

/**
 * Turns the Lucene documents of {@link dev.parley.indexer.write.ArticleDocuments} into Solr input
 * documents, so there is one definition of what a passage document holds. Each field of the
 * collection ({@link SolrSchema}) takes the document's stored values, else its indexed values, else
 * its numeric doc values; topic features keep their exact value; the month comes from the facet
 * field. Adds the unique key: the passage id, or {@link SolrSchema#articleRecordId} for the record.
 *
 * <p>Thread safety: stateless.
 */
public final class SolrDocuments {
  private SolrDocuments() {}

  /** The Solr document of one Lucene document of an article. */
  public static SolrInputDocument of(Document doc) {
    Map<String, List<Object>> stored = new LinkedHashMap<>();
    Map<String, List<Object>> indexed = new LinkedHashMap<>();
    Map<String, List<Object>> numeric = new LinkedHashMap<>();
    Set<String> months = new LinkedHashSet<>();
    List<String> features = new ArrayList<>();
    for (IndexableField f : doc.getFields()) {
      String name = f.name();
      if (f instanceof FeatureField) {
        features.add(feature(f));
      } else if (name.equals(FacetsConfig.DEFAULT_INDEX_FIELD_NAME)) {
        month(f, months);
      } else if (SolrSchema.field(name) == null) {
        continue; // not on Solr (SolrSchema.notOnSolr)
      } else if (f.fieldType().stored()) {
        stored.computeIfAbsent(name, k -> new ArrayList<>()).add(value(f));
      } else if (f.fieldType().indexOptions() != IndexOptions.NONE) {
        if (f.stringValue() == null) {
          // Pre-analysed tokens (ArticleDocuments with an analyzer): Solr analyses text itself,
          // and a missing value would silently drop the field.
          throw new IllegalArgumentException(
              "field "
                  + name
                  + " holds pre-analysed tokens, not text: build the documents without an"
                  + " analyzer for Solr");
        }
        if (f.stringValue().isEmpty()) {
          // The empty text and context of an article record: there for dense norms in Lucene
          // (schema 7); Solr documents need no such filler.
          continue;
        }
        indexed.computeIfAbsent(name, k -> new ArrayList<>()).add(f.stringValue());
      } else if (f.fieldType().docValuesType() == DocValuesType.NUMERIC) {
        numeric.computeIfAbsent(name, k -> new ArrayList<>()).add(f.numericValue());
      }
    }
    SolrInputDocument out = new SolrInputDocument();
    String kind = first(indexed, Fields.KIND);
    // Since schema 9 a passage stores neither id (both are keywords): take the indexed value.
    String articleId = (String) first(stored, indexed, Fields.ARTICLE_ID);
    out.addField(
        SolrSchema.ID,
        Fields.KIND_PASSAGE.equals(kind)
            ? first(stored, indexed, Fields.PASSAGE_ID)
            : SolrSchema.articleRecordId(articleId));
    Set<String> names = new LinkedHashSet<>(stored.keySet());
    names.addAll(indexed.keySet());
    names.addAll(numeric.keySet());
    for (String name : names) {
      List<Object> values =
          stored.containsKey(name)
              ? stored.get(name)
              : indexed.containsKey(name) ? indexed.get(name) : numeric.get(name);
      values.forEach(v -> out.addField(name, v));
    }
    features.forEach(v -> out.addField(Fields.TOPIC_SCORES, v));
    months.forEach(m -> out.addField(Fields.MONTH, m));
    return out;
  }

  /** The Solr documents of an article's Lucene documents, in the same order. */
  public static List<SolrInputDocument> of(List<Document> docs) {
    List<SolrInputDocument> out = new ArrayList<>(docs.size());
    docs.forEach(d -> out.add(of(d)));
    return out;
  }

  private static Object value(IndexableField f) {
    if (f.numericValue() != null) {
      return f.numericValue();
    }
    BytesRef bytes = f.binaryValue();
    // Packed stored values (span, topics, content hash; schema 9) go to Solr's binary fields.
    return bytes != null && f.stringValue() == null
        ? Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length)
        : f.stringValue();
  }

  private static Object first(
      Map<String, List<Object>> stored, Map<String, List<Object>> indexed, String name) {
    Object v = first(stored, name);
    return v != null ? v : first(indexed, name);
  }

  @SuppressWarnings("unchecked")
  private static <T> T first(Map<String, List<Object>> values, String name) {
    List<Object> v = values.get(name);
    return v == null || v.isEmpty() ? null : (T) v.get(0);
  }

  /**
   * {@code topic=score} of a feature field, with the score exactly as Lucene encoded it (the top
   * bits of the float), so Solr encodes the same value again.
   */
  private static String feature(IndexableField f) {
    try (TokenStream ts = f.tokenStream(null, null)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      TermFrequencyAttribute freq = ts.addAttribute(TermFrequencyAttribute.class);
      ts.reset();
      if (!ts.incrementToken()) {
        throw new IllegalStateException("feature field without a feature: " + f);
      }
      float value = Float.intBitsToFloat(freq.getTermFrequency() << 15);
      String out = term + String.valueOf(TopicScoresField.SEPARATOR) + value;
      ts.end();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds the month of a facet field ({@code month\u001fYYYY-MM}), if it is one. */
  private static void month(IndexableField f, Set<String> months) {
    String v =
        f.binaryValue() != null
            ? f.binaryValue().utf8ToString()
            : f.stringValue() != null ? f.stringValue() : "";
    String prefix = Fields.MONTH + FacetsConfig.DELIM_CHAR;
    if (v.startsWith(prefix)) {
      months.add(v.substring(prefix.length()));
    }
  }
}
