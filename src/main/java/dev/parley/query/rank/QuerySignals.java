package dev.parley.query.rank;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a query says, for the second stage: its words as the index analyzes them (in order), the
 * entities it names, and whether it names sanctions or summits (then the passages' scores for those
 * topics count).
 *
 * @param terms analyzed query words, in order
 * @param entities canonical ids of the entities the query names
 * @param sanctions whether the query is about sanctions
 * @param summits whether the query is about summits
 */
public record QuerySignals(
    List<String> terms, Set<String> entities, boolean sanctions, boolean summits) {

  private static final Pattern SANCTIONS =
      Pattern.compile(
          "\\b(sanction\\w*|embargo\\w*|blockade\\w*|boycott\\w*|retaliat\\w*|tariff\\w*|trade war)\\b");
  private static final Pattern SUMMITS =
      Pattern.compile("\\b(summit\\w*|g-?7|g-?8|g-?20|heads of state|leaders met|leaders meet)\\b");

  /** Copies the collections. */
  public QuerySignals {
    terms = List.copyOf(terms);
    entities = Set.copyOf(entities);
  }

  /** The signals of a query text, given its analyzed terms and tagged entities. */
  public static QuerySignals of(String query, List<String> terms, Set<String> entities) {
    String lower = query.toLowerCase(Locale.ROOT);
    return new QuerySignals(
        terms, entities, SANCTIONS.matcher(lower).find(), SUMMITS.matcher(lower).find());
  }
}
