package dev.parley.query.build;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;

/**
 * Evens out the alternatives of a synonym group before search. BM25 gives a rare form a high IDF,
 * so without this a passage saying {@code Democratic People's Republic of Korea} would outrank one
 * saying {@code North Korea} for the query {@code North Korea}, only because the long name is rare.
 * Each alternative is boosted by {@code idf(most common alternative) / idf(alternative)}, so every
 * form of an entity weighs like its most common form (a phrase's IDF is the sum of its terms', as
 * Lucene computes it).
 *
 * <p>Only {@link DisjunctionMaxQuery} nodes are touched: {@link QueryFactory} uses them for synonym
 * groups alone.
 *
 * <p>Thread safety: stateless.
 */
public final class SynonymBalance {
  private SynonymBalance() {}

  /** The largest boost given to an alternative more common than the typed form. */
  public static final double MAX_BOOST = 3;

  /**
   * {@code query} with every synonym group's alternatives balanced by IDF in {@code searcher}.
   *
   * @param typed the query's words as the index analyzes them (no synonyms), in order
   */
  public static Query balance(Query query, IndexSearcher searcher, List<String> typed)
      throws IOException {
    return balance(query, searcher, typed, ForeignNames.NONE);
  }

  /**
   * As {@link #balance(Query, IndexSearcher, List)}, and every alternative that was not typed is
   * kept from matching inside other entities' names ({@link ForeignNames}).
   */
  public static Query balance(
      Query query, IndexSearcher searcher, List<String> typed, ForeignNames foreign)
      throws IOException {
    if (query instanceof DisjunctionMaxQuery d) {
      List<Query> alternatives = new ArrayList<>(d.getDisjuncts());
      double[] idf = new double[alternatives.size()];
      double reference = 0;
      double min = Double.MAX_VALUE;
      for (int i = 0; i < idf.length; i++) {
        Query alternative = alternatives.get(i);
        if (alternative instanceof TermQuery t && !(searcher instanceof CollectionWide)) {
          // The term is looked up once: its IDF here, and the same TermStates serve the weight
          // Lucene creates for the search (createWeight would look it up again otherwise).
          TermStates states = TermStates.build(searcher, t.getTerm(), true);
          idf[i] = idf(t.getTerm(), states, searcher);
          alternatives.set(i, new TermQuery(t.getTerm(), states));
        } else {
          idf[i] = idf(alternative, searcher);
        }
        if (idf[i] > 0) {
          min = Math.min(min, idf[i]);
          if (wasTyped(alternatives.get(i), typed)) {
            reference = Math.max(reference, idf[i]);
          }
        }
      }
      if (reference == 0) {
        reference = min;
      }
      // The typed form of a synonym group is its longest typed alternative: for "Republic of
      // Sudan" that is the whole name, and "sudan" (also among the typed words) was added.
      int typedForm = -1;
      for (int i = 0; i < idf.length; i++) {
        if (wasTyped(alternatives.get(i), typed)
            && (typedForm < 0
                || length(alternatives.get(i)) > length(alternatives.get(typedForm)))) {
          typedForm = i;
        }
      }
      List<Query> balanced = new ArrayList<>(alternatives.size());
      for (int i = 0; i < idf.length; i++) {
        Query alt = balance(alternatives.get(i), searcher, typed, foreign);
        // An added alias that also occurs inside other names (America, Sudan, UN) is ambiguous:
        // it keeps its own weight and is never raised to the typed form's (measured, DESIGN.md).
        boolean restricted = false;
        if (i != typedForm) {
          Query r = foreign.restrict(alt);
          restricted = r != alt;
          alt = r;
        }
        double boost = idf[i] > 0 ? Math.min(restricted ? 1 : MAX_BOOST, reference / idf[i]) : 1;
        balanced.add(Math.abs(boost - 1) < 1e-9 ? alt : new BoostQuery(alt, (float) boost));
      }
      return new DisjunctionMaxQuery(balanced, d.getTieBreakerMultiplier());
    } else if (query instanceof BooleanQuery b) {
      BooleanQuery.Builder out = new BooleanQuery.Builder();
      out.setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
      for (var c : b.clauses()) {
        out.add(balance(c.getQuery(), searcher, typed, foreign), c.getOccur());
      }
      return out.build();
    } else if (query instanceof BoostQuery bq) {
      return new BoostQuery(balance(bq.getQuery(), searcher, typed, foreign), bq.getBoost());
    }
    return query;
  }

  private static int length(Query q) {
    return q instanceof PhraseQuery p ? p.getTerms().length : 1;
  }

  /** True if the words of {@code q} occur consecutively in {@code typed}. */
  static boolean wasTyped(Query q, List<String> typed) {
    List<String> words = new ArrayList<>();
    if (q instanceof TermQuery t) {
      words.add(t.getTerm().text());
    } else if (q instanceof PhraseQuery p) {
      for (Term t : p.getTerms()) {
        words.add(t.text());
      }
    } else {
      return false;
    }
    return java.util.Collections.indexOfSubList(typed, words) >= 0;
  }

  /** Lucene's BM25 IDF of a term or phrase (sum over its terms); 0 when unknown or absent. */
  private static double idf(Query q, IndexSearcher searcher) throws IOException {
    if (q instanceof TermQuery t) {
      return idf(t.getTerm(), searcher);
    } else if (q instanceof PhraseQuery p) {
      double sum = 0;
      for (Term t : p.getTerms()) {
        double v = idf(t, searcher);
        if (v == 0) {
          return 0;
        }
        sum += v;
      }
      return sum;
    }
    return 0;
  }

  private static double idf(Term term, IndexSearcher searcher) throws IOException {
    if (!(searcher instanceof CollectionWide wide)) {
      return idf(term, TermStates.build(searcher, term, true), searcher);
    }
    // A shard of a distributed index: a term absent from this shard may still weigh elsewhere,
    // and the balance must be the one the whole collection gives.
    CollectionStatistics field = searcher.collectionStatistics(term.field());
    TermStatistics stats = field == null ? null : wide.collectionTermStatistics(term);
    return stats == null ? 0 : idf(field, stats);
  }

  /** The IDF of a term whose {@code states} were built over {@code searcher}'s reader. */
  private static double idf(Term term, TermStates states, IndexSearcher searcher)
      throws IOException {
    CollectionStatistics field = searcher.collectionStatistics(term.field());
    if (field == null || states.docFreq() == 0) {
      return 0;
    }
    return idf(field, searcher.termStatistics(term, states.docFreq(), states.totalTermFreq()));
  }

  private static double idf(CollectionStatistics field, TermStatistics stats) {
    long n = field.docCount();
    long df = stats.docFreq();
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Implemented by an {@link IndexSearcher} over one shard of a distributed index (a SolrCloud
   * collection): the statistics of the whole collection, so that every shard balances a synonym
   * group as one index holding every passage would. Its {@link IndexSearcher#collectionStatistics}
   * must be collection-wide too.
   */
  public interface CollectionWide {
    /**
     * The term's statistics over the whole collection, or null when no document has the term.
     *
     * @throws IOException on a read error
     */
    TermStatistics collectionTermStatistics(Term term) throws IOException;
  }
}
