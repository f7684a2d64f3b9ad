package dev.parley.query.build;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.Entity;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.ParleyAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanNotQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Keeps an entity alias that a query <em>adds</em> as a synonym from matching inside another
 * entity's name: {@code United States} adds {@code America} but must not find {@code Latin
 * America}; {@code United Nations} adds {@code UN} but not inside {@code UN Security Council},
 * which is another entity; {@code Republic of Sudan} adds {@code Sudan} but not {@code South
 * Sudan}.
 *
 * <p>Such an alternative becomes a {@link SpanNotQuery}: the alias's span, unless the word right
 * before or right after it is one that makes it part of a foreign name ({@link
 * Gazetteer#foreignNamesContaining}: {@code latin}, {@code north} before {@code america}; {@code
 * security}, {@code general} after {@code UN}). Neighbouring words rather than whole names keep the
 * query small (a few terms per alias, within Lucene's clause limit for a 100-word query); the price
 * is that {@code UN security guards} is not counted for an added {@code UN}. What the user typed is
 * never restricted. Names are analyzed by the phrase analyzer (stop words kept, as the index keeps
 * them) so neighbours are the index's neighbours.
 *
 * <p>Thread safety: immutable after construction.
 */
public final class ForeignNames {
  private static final org.apache.lucene.analysis.CharArraySet STOP =
      org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  /** Nothing restricted (a searcher without entity synonyms). */
  public static final ForeignNames NONE = new ForeignNames(Map.of());

  /** Analyzed alias terms (as a query alternative shows them) to the words around it to refuse. */
  private final Map<List<String>, Neighbours> byTerms;

  /** An analyzed name: its terms and their positions. */
  private record Phrase(List<String> terms, int[] positions) {}

  /** The words that, right before or right after an alias, make it part of a foreign name. */
  private record Neighbours(java.util.SortedSet<String> before, java.util.SortedSet<String> after) {
    Neighbours() {
      this(new java.util.TreeSet<>(), new java.util.TreeSet<>());
    }
  }

  private ForeignNames(Map<List<String>, Neighbours> byTerms) {
    this.byTerms = byTerms;
  }

  private static final Map<Gazetteer, Map<AnalysisConfig, ForeignNames>> CACHE =
      new java.util.WeakHashMap<>();

  /**
   * The foreign names of every ambiguous alias of {@code gazetteer}, for an index analyzed with
   * {@code config}; built once per gazetteer and configuration (it scans every name).
   */
  public static ForeignNames of(Gazetteer gazetteer, AnalysisConfig config) {
    synchronized (CACHE) {
      return CACHE
          .computeIfAbsent(gazetteer, g -> new HashMap<>())
          .computeIfAbsent(
              config,
              c -> of(gazetteer, ParleyAnalyzer.forQueries(c), ParleyAnalyzer.forPhrases(c)));
    }
  }

  /**
   * Collects the foreign names of every ambiguous alias of {@code gazetteer}.
   *
   * @param words the analyzer of loose query words (how an added alias may appear)
   * @param phrases the phrase analyzer (the index's positions)
   */
  static ForeignNames of(Gazetteer gazetteer, Analyzer words, Analyzer phrases) {
    Map<List<String>, Neighbours> map = new HashMap<>();
    for (Entity entity : gazetteer.entities()) {
      for (String alias : entity.aliases()) {
        List<String> foreign = gazetteer.foreignNamesContaining(entity, alias);
        if (foreign.isEmpty()) {
          continue;
        }
        List<String> own = analyze(phrases, alias).terms();
        if (own.isEmpty()) {
          continue;
        }
        Neighbours around = new Neighbours();
        for (String name : foreign) {
          List<String> terms = analyze(phrases, name).terms();
          for (int i = 0; i + own.size() <= terms.size(); i++) {
            if (terms.subList(i, i + own.size()).equals(own)) {
              // A stop word (the UN in "Secretary-General of the UN") tells nothing apart.
              if (i > 0 && !STOP.contains(terms.get(i - 1))) {
                around.before().add(terms.get(i - 1));
              }
              if (i + own.size() < terms.size() && !STOP.contains(terms.get(i + own.size()))) {
                around.after().add(terms.get(i + own.size()));
              }
            }
          }
        }
        if (around.before().isEmpty() && around.after().isEmpty()) {
          continue;
        }
        for (Analyzer a : List.of(words, phrases)) {
          List<String> key = analyze(a, alias).terms();
          if (!key.isEmpty()) {
            Neighbours n = map.computeIfAbsent(key, k -> new Neighbours());
            n.before().addAll(around.before());
            n.after().addAll(around.after());
          }
        }
      }
    }
    return new ForeignNames(Map.copyOf(map));
  }

  /**
   * {@code alternative} restricted to occurrences outside foreign names, or {@code alternative}
   * itself when it is not an ambiguous alias.
   */
  Query restrict(Query alternative) {
    List<String> terms = new ArrayList<>();
    String field;
    if (alternative instanceof TermQuery t) {
      terms.add(t.getTerm().text());
      field = t.getTerm().field();
    } else if (alternative instanceof PhraseQuery p && p.getSlop() == 0) {
      for (Term t : p.getTerms()) {
        terms.add(t.text());
      }
      field = p.getField();
    } else {
      return alternative;
    }
    Neighbours foreign = byTerms.get(terms);
    if (foreign == null) {
      return alternative;
    }
    SpanQuery span;
    if (alternative instanceof TermQuery t) {
      span = new SpanTermQuery(t.getTerm());
    } else {
      span = span(field, terms, ((PhraseQuery) alternative).getPositions());
    }
    if (!foreign.after().isEmpty()) {
      span = new SpanNotQuery(span, any(field, foreign.after()), 0, 1);
    }
    if (!foreign.before().isEmpty()) {
      span = new SpanNotQuery(span, any(field, foreign.before()), 1, 0);
    }
    return span;
  }

  private static SpanQuery any(String field, java.util.Set<String> words) {
    SpanQuery[] terms =
        words.stream().map(w -> new SpanTermQuery(new Term(field, w))).toArray(SpanQuery[]::new);
    return terms.length == 1 ? terms[0] : new SpanOrQuery(terms);
  }

  private static SpanQuery span(String field, List<String> terms, int[] positions) {
    if (terms.size() == 1) {
      return new SpanTermQuery(new Term(field, terms.get(0)));
    }
    SpanNearQuery.Builder b = new SpanNearQuery.Builder(field, true);
    for (int i = 0; i < terms.size(); i++) {
      if (i > 0 && positions[i] - positions[i - 1] > 1) {
        b.addGap(positions[i] - positions[i - 1] - 1);
      }
      b.addClause(new SpanTermQuery(new Term(field, terms.get(i))));
    }
    return b.build();
  }

  private static Phrase analyze(Analyzer analyzer, String text) {
    List<String> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        if (inc.getPositionIncrement() == 0) {
          continue; // no stacked tokens in a name without synonyms; keep the first
        }
        terms.add(term.toString());
        positions.add(pos);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Phrase(terms, positions.stream().mapToInt(Integer::intValue).toArray());
  }
}
