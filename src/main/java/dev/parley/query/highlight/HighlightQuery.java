package dev.parley.query.highlight;

import dev.parley.schema.Fields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The part of a relevance query that can mark words in the passage text: every clause on another
 * field (the article context) removed, so the highlighter neither builds weights for those clauses
 * nor looks their terms up for every hit it highlights (half of the snippet stage's work before,
 * docs/performance.md).
 *
 * <p>Snippets stay exactly as the full query makes them, for every passage that matches the full
 * query. The highlighter (in weight-matches mode) marks the passage-text matches of every clause
 * that matches the passage; a context clause has none. A required clause that lost a context
 * alternative becomes optional here: the passage met it through its text or through its context,
 * and its text matches, if any, are still marked; a required clause left whole stays required.
 *
 * <p>Thread safety: stateless.
 */
public final class HighlightQuery {
  private HighlightQuery() {}

  /**
   * {@code query} without its clauses on fields other than {@link Fields#TEXT}, or null when
   * nothing of it is left (a query on the context alone).
   */
  public static Query textOnly(Query query) {
    return strip(query);
  }

  /** The stripped query; the same instance when nothing was removed; null when all was. */
  private static Query strip(Query q) {
    if (q instanceof BoostQuery b) {
      Query inner = strip(b.getQuery());
      return inner == null ? null : inner == b.getQuery() ? q : new BoostQuery(inner, b.getBoost());
    }
    if (q instanceof DisjunctionMaxQuery d) {
      List<Query> kept = new ArrayList<>();
      boolean changed = false;
      for (Query x : d.getDisjuncts()) {
        Query s = strip(x);
        changed |= s != x;
        if (s != null) {
          kept.add(s);
        }
      }
      if (!changed) {
        return q;
      }
      return kept.isEmpty() ? null : new DisjunctionMaxQuery(kept, d.getTieBreakerMultiplier());
    }
    if (q instanceof BooleanQuery b) {
      BooleanQuery.Builder out = new BooleanQuery.Builder();
      boolean changed = false;
      int positive = 0;
      for (BooleanClause c : b.clauses()) {
        Query s = strip(c.getQuery());
        if (s == c.getQuery()) {
          out.add(c);
          positive += c.isProhibited() ? 0 : 1;
          continue;
        }
        changed = true;
        if (s == null || c.isProhibited()) {
          // A context clause: gone. (Exclusions are on the passage text; one that touched the
          // context is dropped rather than kept half, since it cannot mark words anyway.)
          continue;
        }
        out.add(s, Occur.SHOULD);
        positive++;
      }
      if (!changed) {
        return q;
      }
      if (positive == 0) {
        return null;
      }
      // Required clauses that lost context alternatives are optional now: a minimum of optional
      // matches would no longer mean what it meant.
      out.setMinimumNumberShouldMatch(0);
      return out.build();
    }
    Set<String> fields = fields(q);
    return fields.isEmpty() || fields.contains(Fields.TEXT) ? q : null;
  }

  /** The fields a leaf query reads. */
  private static Set<String> fields(Query q) {
    Set<String> fields = new HashSet<>();
    q.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            fields.add(field);
            return true;
          }
        });
    return fields;
  }
}
