package dev.parley.solr.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SortField;
import org.apache.solr.common.SolrException;
import org.apache.solr.response.TextResponseWriter;
import org.apache.solr.schema.FieldType;
import org.apache.solr.schema.SchemaField;
import org.apache.solr.search.QParser;

/**
 * A Solr field type that indexes topic scores as Lucene {@link FeatureField}s, exactly as the
 * embedded index does ({@code dev.parley.schema.Fields#TOPIC_SCORES}): one feature per topic in the
 * field itself, so the library's {@code FeatureField.newLinearQuery(field, topic, weight)} works
 * unchanged inside Solr. (Solr's own {@code RankField} keeps features under one internal field name
 * instead.) Each value is {@code topic=score}, for example {@code diplomacy=0.93}; the score must
 * be a positive finite number.
 *
 * <p>Thread safety: stateless after Solr initialises it.
 */
public final class TopicScoresField extends FieldType {
  /** Separates a topic from its score in one value. */
  public static final char SEPARATOR = '=';

  @Override
  public List<IndexableField> createFields(SchemaField field, Object value) {
    String s = value.toString();
    int at = s.lastIndexOf(SEPARATOR);
    if (at <= 0) {
      throw new SolrException(
          SolrException.ErrorCode.BAD_REQUEST, field.getName() + " needs topic=score, got: " + s);
    }
    float score;
    try {
      score = Float.parseFloat(s.substring(at + 1));
    } catch (NumberFormatException e) {
      throw new SolrException(
          SolrException.ErrorCode.BAD_REQUEST,
          field.getName() + " needs a number after '=', got: " + s);
    }
    if (!(score > 0) || !Float.isFinite(score)) {
      throw new SolrException(
          SolrException.ErrorCode.BAD_REQUEST,
          field.getName() + " needs a positive finite score, got: " + s);
    }
    List<IndexableField> out = new ArrayList<>(1);
    out.add(new FeatureField(field.getName(), s.substring(0, at), score));
    return out;
  }

  @Override
  public IndexableField createField(SchemaField field, Object value) {
    return createFields(field, value).get(0);
  }

  @Override
  public boolean isPolyField() {
    return false;
  }

  @Override
  public void write(TextResponseWriter writer, String name, IndexableField f) {
    throw new UnsupportedOperationException("topic scores are not stored; read the topics field");
  }

  @Override
  public SortField getSortField(SchemaField field, boolean top) {
    throw new SolrException(
        SolrException.ErrorCode.BAD_REQUEST, "cannot sort on topic scores: " + field.getName());
  }

  @Override
  public org.apache.solr.uninverting.UninvertingReader.Type getUninversionType(SchemaField sf) {
    return null;
  }

  @Override
  public Query getFieldQuery(QParser parser, SchemaField field, String externalVal) {
    throw new SolrException(
        SolrException.ErrorCode.BAD_REQUEST,
        "search topic scores with {!parley} and a topic, not field:value");
  }
}
