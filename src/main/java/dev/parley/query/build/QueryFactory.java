package dev.parley.query.build;

import dev.parley.analysis.EntityTokenFilter;
import dev.parley.query.MatchMode;
import dev.parley.schema.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the relevance query for a {@link SimpleQuery}.
 *
 * <p>Runs of plain words are analyzed together with Lucene's {@link QueryBuilder}, so a multi-word
 * entity typed without quotes ({@code North Korea}) is recognised as one alias in the analyzer's
 * synonym graph, which adds the entity's indexed token ({@code entity#north-korea}): the clause is
 * the typed words or that one term, whichever scores best (a passage naming the entity by any alias
 * holds the token). Quoted phrases get the other aliases as phrase alternatives. Each resulting
 * clause is searched in the passage text and, boosted by {@code contextWeight}, in the article
 * context. The alternatives of one synonym group are joined by a {@link DisjunctionMaxQuery}, so a
 * passage that says {@code United States of America} is not counted three times for {@code united
 * states}, {@code america} and the whole name. Exclusions apply to the passage text only: a passage
 * is excluded for what it says, not for what its article's lead says.
 *
 * <p>Thread safety: immutable, safe to share.
 */
public final class QueryFactory {
  private final QueryBuilder builder;
  private final QueryBuilder phrases;
  private final float contextWeight;

  /**
   * Creates a factory.
   *
   * @param analyzer the query analyzer
   * @param contextWeight weight of the article-context field relative to the passage text, in [0,
   *     1]; 0 searches the text alone
   */
  public QueryFactory(Analyzer analyzer, float contextWeight) {
    this(analyzer, analyzer, contextWeight);
  }

  /**
   * Creates a factory with a separate analyzer for quoted phrases.
   *
   * @param words the analyzer of loose query words (drops stop words)
   * @param phrases the analyzer of quoted phrases, and of a query whose loose words are all stop
   *     words (keeps the stop words the index keeps)
   * @param contextWeight as in {@link #QueryFactory(Analyzer, float)}
   */
  public QueryFactory(Analyzer words, Analyzer phrases, float contextWeight) {
    if (!(contextWeight >= 0 && contextWeight <= 1)) {
      throw new IllegalArgumentException("contextWeight must be in [0, 1], got: " + contextWeight);
    }
    this.builder = builder(Objects.requireNonNull(words, "words"));
    this.phrases = builder(Objects.requireNonNull(phrases, "phrases"));
    this.contextWeight = contextWeight;
  }

  private static QueryBuilder builder(Analyzer analyzer) {
    QueryBuilder b = new QueryBuilder(analyzer);
    // A multi-word synonym (North Korea for DPRK) must match as a phrase, not as loose words.
    b.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    return b;
  }

  /**
   * The relevance query: {@link MatchAllDocsQuery} for an empty query (browse). Loose words lose
   * their stop words; when nothing else is left (a query of stop words only, {@code to be or not to
   * be}), the words are searched with the phrase analyzer, which keeps the stop words the index
   * keeps. {@link MatchNoDocsQuery} only when the index dropped them too (its reason says so).
   */
  public Query build(SimpleQuery query, MatchMode mode) {
    return combine(query, mode, clauses(query), exclusionClauses(query), contextWeight);
  }

  /**
   * The relevance query ({@link #build}) and the same words on the passage text alone, as a factory
   * with context weight 0 builds them, from one analysis of the query: a search that counts the
   * hits holding a query word in their own text needs both, and analysing the query twice was a
   * tenth of the query preparation (docs/performance.md, sixth session).
   */
  public Built buildWithOwnText(SimpleQuery query, MatchMode mode) {
    List<Query> clauses = clauses(query);
    List<Query> exclusions = exclusionClauses(query);
    Query relevance = combine(query, mode, clauses, exclusions, contextWeight);
    return new Built(
        relevance, contextWeight == 0 ? relevance : combine(query, mode, clauses, exclusions, 0f));
  }

  /**
   * A relevance query and its passage-text-only twin ({@link #buildWithOwnText}).
   *
   * @param query the relevance query, text and context clauses
   * @param ownText the same words on the passage text alone
   */
  public record Built(Query query, Query ownText) {}

  private List<Query> clauses(SimpleQuery query) {
    List<Query> clauses = clauses(query, builder);
    if (clauses.isEmpty() && !query.groups().isEmpty()) {
      clauses = clauses(query, phrases);
    }
    return clauses;
  }

  private List<Query> exclusionClauses(SimpleQuery query) {
    List<Query> out = new ArrayList<>();
    for (SimpleQuery.Term term : query.exclusions()) {
      out.addAll(term.phrase() ? phrase(term.text()) : textClauses(builder, term.text()));
    }
    return out;
  }

  private List<Query> clauses(SimpleQuery query, QueryBuilder builder) {
    List<Query> clauses = new ArrayList<>();
    StringBuilder words = new StringBuilder();
    for (List<SimpleQuery.Term> group : query.groups()) {
      if (group.size() == 1 && !group.get(0).phrase()) {
        words.append(group.get(0).text()).append(' ');
        continue;
      }
      clauses.addAll(textClauses(builder, words.toString()));
      words.setLength(0);
      List<Query> alternatives = new ArrayList<>();
      for (SimpleQuery.Term term : group) {
        alternatives.addAll(
            term.phrase() ? phrase(term.text()) : textClauses(builder, term.text()));
      }
      if (!alternatives.isEmpty()) {
        clauses.add(alternatives.size() == 1 ? alternatives.get(0) : or(alternatives));
      }
    }
    clauses.addAll(textClauses(builder, words.toString()));
    return clauses;
  }

  private static Query combine(
      SimpleQuery query,
      MatchMode mode,
      List<Query> clauses,
      List<Query> exclusions,
      float contextWeight) {
    Occur occur = mode == MatchMode.ALL ? Occur.MUST : Occur.SHOULD;
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    for (Query clause : clauses) {
      if (occur == Occur.SHOULD && contextWeight > 0) {
        // Flat: each word's text and context clauses side by side. The sum is the same as with
        // one nested clause per word, but Lucene's MaxScore can then skip the low-weight context
        // clauses on their own (measured, docs/performance.md).
        for (BooleanClause c : ((BooleanQuery) withContext(clause, contextWeight)).clauses()) {
          top.add(c.getQuery(), Occur.SHOULD);
        }
      } else {
        top.add(withContext(clause, contextWeight), occur);
      }
    }
    for (Query q : exclusions) {
      top.add(q, Occur.MUST_NOT);
    }
    int negatives = exclusions.size();
    if (clauses.isEmpty()) {
      if (!query.groups().isEmpty()) {
        return new MatchNoDocsQuery(
            "every query word is a stop word, and this index was built without stop words");
      }
      if (negatives == 0) {
        return new MatchAllDocsQuery();
      }
      top.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    if (clauses.size() == 1 && negatives == 0) {
      return withContext(clauses.get(0), contextWeight);
    }
    return top.build();
  }

  /**
   * What the query's exclusions match (any of them), or null when it has none: the dense side of a
   * hybrid search drops these passages as the lexical side does.
   */
  public Query exclusions(SimpleQuery query) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int n = 0;
    for (SimpleQuery.Term term : query.exclusions()) {
      for (Query q : term.phrase() ? phrase(term.text()) : textClauses(builder, term.text())) {
        any.add(q, Occur.SHOULD);
        n++;
      }
    }
    return n == 0 ? null : any.build();
  }

  /** One clause per analyzed word (or synonym group) of {@code text}, on the text field. */
  private static List<Query> textClauses(QueryBuilder builder, String text) {
    if (text.isBlank()) {
      return List.of();
    }
    Query q = builder.createBooleanQuery(Fields.TEXT, text, Occur.SHOULD);
    if (q == null) {
      return List.of();
    }
    List<Query> out = new ArrayList<>();
    if (q instanceof BooleanQuery b
        && b.getMinimumNumberShouldMatch() == 0
        && b.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD)
        && !isSynonymGroup(b)) {
      b.clauses().forEach(c -> out.add(alternativesAsMax(c.getQuery())));
    } else {
      out.add(alternativesAsMax(q));
    }
    return out;
  }

  /** The phrase query of {@code text} on the text field, or none if nothing is left. */
  private List<Query> phrase(String text) {
    Query q = phrases.createPhraseQuery(Fields.TEXT, text);
    return q == null ? List.of() : List.of(alternativesAsMax(q));
  }

  /**
   * A graph segment from the synonym filter comes back as a nested all-SHOULD BooleanQuery of its
   * paths; those paths are alternatives, not separate evidence, so the best one scores.
   */
  private static Query alternativesAsMax(Query q) {
    if (q instanceof SynonymQuery s
        && s.getTerms().stream().anyMatch(t -> EntityTokenFilter.isToken(t.text()))) {
      // A one-word alias stacked with its entity token: at a tagged mention both are indexed, and a
      // SynonymQuery would add their frequencies (one mention counted twice). The best one scores.
      return new DisjunctionMaxQuery(
          s.getTerms().stream().map(t -> (Query) new TermQuery(t)).toList(), 0f);
    }
    if (q instanceof BooleanQuery b
        && b.getMinimumNumberShouldMatch() == 0
        && b.clauses().size() > 1
        && b.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD)) {
      return new DisjunctionMaxQuery(
          b.clauses().stream().map(BooleanClause::getQuery).toList(), 0f);
    }
    return q;
  }

  /**
   * True for a BooleanQuery whose clauses are all paths of one synonym group (phrases mixed with
   * terms).
   */
  private static boolean isSynonymGroup(BooleanQuery b) {
    return b.clauses().stream().anyMatch(c -> c.getQuery() instanceof PhraseQuery)
        && b.clauses().stream().noneMatch(c -> c.getQuery() instanceof BooleanQuery);
  }

  private static Query or(List<Query> alternatives) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    alternatives.forEach(a -> b.add(a, Occur.SHOULD));
    return b.build();
  }

  /**
   * The clause on the text field, or (context weight above 0) a new BooleanQuery of two SHOULD
   * clauses: it on text, and on the context boosted.
   */
  private static Query withContext(Query textClause, float contextWeight) {
    if (contextWeight == 0) {
      return textClause;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(textClause, Occur.SHOULD);
    b.add(new BoostQuery(retarget(textClause, Fields.CONTEXT), contextWeight), Occur.SHOULD);
    return b.build();
  }

  static Query retarget(Query q, String field) {
    if (q instanceof TermQuery t) {
      return new TermQuery(new Term(field, t.getTerm().bytes()));
    } else if (q instanceof PhraseQuery p) {
      PhraseQuery.Builder b = new PhraseQuery.Builder();
      b.setSlop(p.getSlop());
      Term[] terms = p.getTerms();
      int[] positions = p.getPositions();
      for (int i = 0; i < terms.length; i++) {
        b.add(new Term(field, terms[i].bytes()), positions[i]);
      }
      return b.build();
    } else if (q instanceof MultiPhraseQuery m) {
      // A quoted phrase with a word that has one-word synonyms ("japan dispute": nippon|japan).
      MultiPhraseQuery.Builder b = new MultiPhraseQuery.Builder();
      b.setSlop(m.getSlop());
      Term[][] terms = m.getTermArrays();
      int[] positions = m.getPositions();
      for (int i = 0; i < terms.length; i++) {
        Term[] moved = new Term[terms[i].length];
        for (int j = 0; j < moved.length; j++) {
          moved[j] = new Term(field, terms[i][j].bytes());
        }
        b.add(moved, positions[i]);
      }
      return b.build();
    } else if (q instanceof SpanQuery span) {
      return retargetSpan(span, field);
    } else if (q instanceof SynonymQuery s) {
      SynonymQuery.Builder b = new SynonymQuery.Builder(field);
      s.getTerms().forEach(t -> b.addTerm(new Term(field, t.bytes())));
      return b.build();
    } else if (q instanceof BooleanQuery bq) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      bq.clauses().forEach(c -> b.add(retarget(c.getQuery(), field), c.getOccur()));
      return b.build();
    } else if (q instanceof DisjunctionMaxQuery d) {
      return new DisjunctionMaxQuery(
          d.getDisjuncts().stream().map(x -> retarget(x, field)).toList(),
          d.getTieBreakerMultiplier());
    } else if (q instanceof BoostQuery bq) {
      return new BoostQuery(retarget(bq.getQuery(), field), bq.getBoost());
    }
    throw new IllegalArgumentException("cannot move query to field " + field + ": " + q);
  }

  /** A span query (a quoted phrase with a multi-word synonym inside) on another field. */
  private static SpanQuery retargetSpan(SpanQuery q, String field) {
    if (q instanceof SpanTermQuery t) {
      return new SpanTermQuery(new Term(field, t.getTerm().bytes()));
    } else if (q instanceof SpanNearQuery n) {
      SpanQuery[] clauses = n.getClauses();
      SpanQuery[] moved = new SpanQuery[clauses.length];
      for (int i = 0; i < clauses.length; i++) {
        moved[i] = retargetSpan(clauses[i], field);
      }
      return new SpanNearQuery(moved, n.getSlop(), n.isInOrder());
    } else if (q instanceof SpanOrQuery o) {
      return new SpanOrQuery(
          java.util.Arrays.stream(o.getClauses())
              .map(c -> retargetSpan(c, field))
              .toArray(SpanQuery[]::new));
    }
    throw new IllegalArgumentException("cannot move query to field " + field + ": " + q);
  }
}
