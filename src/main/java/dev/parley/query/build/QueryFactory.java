package dev.parley.query.build;

import dev.parley.query.MatchMode;
import dev.parley.schema.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the relevance query for a {@link SimpleQuery}: each clause is analyzed with the index's
 * analyzer (Lucene's {@link QueryBuilder}, so multi-token words and, later, synonym graphs are
 * handled as Lucene intends) and searched in the passage text and, at {@code contextWeight}, in the
 * article context. Exclusions apply to the passage text only: a passage is excluded for what it
 * says, not for what its article's lead says.
 *
 * <p>Thread safety: immutable, safe to share.
 */
public final class QueryFactory {
  private final QueryBuilder builder;
  private final float contextWeight;

  /**
   * Creates a factory.
   *
   * @param analyzer the index's analyzer
   * @param contextWeight weight of the article-context field relative to the passage text, in [0,
   *     1]; 0 searches the text alone
   */
  public QueryFactory(Analyzer analyzer, float contextWeight) {
    if (!(contextWeight >= 0 && contextWeight <= 1)) {
      throw new IllegalArgumentException("contextWeight must be in [0, 1], got: " + contextWeight);
    }
    this.builder = new QueryBuilder(Objects.requireNonNull(analyzer, "analyzer"));
    // A multi-word synonym (North Korea for DPRK) must match as a phrase, not as loose words.
    this.builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    this.contextWeight = contextWeight;
  }

  /**
   * The relevance query: {@link MatchAllDocsQuery} for an empty query (browse), {@link
   * MatchNoDocsQuery} when every word analyzes away (stop words only).
   */
  public Query build(SimpleQuery query, MatchMode mode) {
    Occur occur = mode == MatchMode.ALL ? Occur.MUST : Occur.SHOULD;
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    int positives = 0;
    for (List<SimpleQuery.Term> group : query.groups()) {
      Query q = group(group);
      if (q != null) {
        top.add(q, occur);
        positives++;
      }
    }
    int negatives = 0;
    for (SimpleQuery.Term term : query.exclusions()) {
      Query q = field(Fields.TEXT, term);
      if (q != null) {
        top.add(q, Occur.MUST_NOT);
        negatives++;
      }
    }
    if (positives == 0) {
      if (!query.groups().isEmpty()) {
        return new MatchNoDocsQuery("every query word is a stop word");
      }
      if (negatives == 0) {
        return new MatchAllDocsQuery();
      }
      top.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    if (positives == 1 && negatives == 0) {
      return top.build().clauses().get(0).getQuery();
    }
    return top.build();
  }

  /** The query for one group of OR alternatives over both fields, or null if nothing is left. */
  private Query group(List<SimpleQuery.Term> alternatives) {
    List<Query> parts = new ArrayList<>();
    for (SimpleQuery.Term term : alternatives) {
      Query text = field(Fields.TEXT, term);
      if (text == null) {
        continue;
      }
      parts.add(text);
      if (contextWeight > 0) {
        parts.add(new BoostQuery(field(Fields.CONTEXT, term), contextWeight));
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    parts.forEach(p -> b.add(p, Occur.SHOULD));
    return b.build();
  }

  private Query field(String field, SimpleQuery.Term term) {
    return term.phrase()
        ? builder.createPhraseQuery(field, term.text())
        : builder.createBooleanQuery(field, term.text(), Occur.SHOULD);
  }
}
