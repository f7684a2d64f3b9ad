package dev.parley.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A leader named in full once and then by family name alone ("Kim Jong Un ... Kim said", "George W.
 * Bush ... Bush met"), as news writes after the first mention. A family name alone is too ambiguous
 * for the gazetteer ({@code Kim}, {@code Bush}, {@code Lee} name many people), so here it counts as
 * the leader only in a text whose own words or article context name that leader in full, and no
 * other leader with the same family name: one sense per discourse.
 *
 * <p>The family name is the last word of the leader's name, or the first for countries whose names
 * put it first ({@link #FAMILY_NAME_FIRST}: Xi Jinping, Kim Jong Un, Lee Hsien Loong, Hun Sen). A
 * family name that is a gazetteer name of its own is left to the gazetteer.
 *
 * <p>A word is read as the family name only when capitalised, in text not set all in capitals
 * (where case says nothing), and not inside a longer name: the next word is not capitalised ({@code
 * Kim Yo Jong} is another Kim) and the word before, in the same sentence, is not a capitalised word
 * other than a title ({@code President Kim} is the leader, {@code Chelsea Clinton} is not).
 *
 * <p>Thread safety: immutable, safe to share.
 */
final class FamilyNames {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

  /** Countries whose leaders' names are written family name first. */
  static final Set<String> FAMILY_NAME_FIRST =
      Set.of("china", "taiwan", "hong-kong", "north-korea", "south-korea", "singapore", "cambodia");

  /** Name suffixes that are not family names. */
  private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

  /** Titles (folded) that may stand before a family name ({@code President Kim}). */
  static final Set<String> TITLES =
      Set.of(
          "president",
          "premier",
          "chairman",
          "leader",
          "minister",
          "secretary",
          "chancellor",
          "king",
          "queen",
          "prince",
          "emperor",
          "sheikh",
          "general",
          "gen",
          "senator",
          "sen",
          "governor",
          "mr",
          "mrs",
          "ms",
          "dr",
          "marshal",
          "comrade");

  /** Folded family name of each leader that has one the gazetteer does not already know. */
  private final Map<String, String> familyOf = new HashMap<>();

  /**
   * @param gazetteer the entities
   * @param isName whether a single word is a gazetteer name already (then it is left to it)
   */
  FamilyNames(Gazetteer gazetteer, Predicate<String> isName) {
    for (Entity e : gazetteer.entities()) {
      if (e.type() != Entity.Type.LEADER) {
        continue;
      }
      List<String> words = new ArrayList<>();
      Matcher m = WORD.matcher(e.name());
      while (m.find()) {
        words.add(m.group());
      }
      while (words.size() > 1 && SUFFIXES.contains(TokenView.fold(words.get(words.size() - 1)))) {
        words.remove(words.size() - 1);
      }
      if (words.size() < 2) {
        continue;
      }
      String family =
          FAMILY_NAME_FIRST.contains(e.country()) ? words.get(0) : words.get(words.size() - 1);
      if (family.length() >= 2 && Character.isUpperCase(family.charAt(0)) && !isName.test(family)) {
        familyOf.put(e.id(), TokenView.fold(family));
      }
    }
  }

  /**
   * {@code own} (the mentions the gazetteer found in {@code view}, in text order) with the family
   * names of the leaders that {@code own} or {@code context} name in full added, in text order.
   */
  List<Mention> addTo(TokenView view, List<Mention> own, List<Mention> context) {
    if (view.allCaps()) {
      return own;
    }
    Map<String, String> leaderOf = null; // folded family name -> leader id, "" when two share it
    for (List<Mention> mentions : List.of(own, context)) {
      for (Mention m : mentions) {
        String family = m.kind() == Mention.Kind.NAME ? familyOf.get(m.entityId()) : null;
        if (family != null) {
          leaderOf = leaderOf == null ? new HashMap<>() : leaderOf;
          leaderOf.merge(family, m.entityId(), (a, b) -> a.equals(b) ? a : "");
        }
      }
    }
    if (leaderOf == null) {
      return own; // most passages: no leader named in full, nothing to resolve
    }
    List<Mention> out = new ArrayList<>(own.size() + 4);
    int next = 0; // the next own mention not yet copied
    for (int i = 0; i < view.size(); i++) {
      while (next < own.size() && own.get(next).end() <= view.start(i)) {
        out.add(own.get(next++));
      }
      if (next < own.size() && own.get(next).start() < view.end(i)) {
        continue; // inside a mention the gazetteer found
      }
      String leader = view.capitalised(i) ? leaderOf.get(view.folded(i)) : null;
      if (leader != null && !leader.isEmpty() && standsAlone(view, i)) {
        out.add(new Mention(leader, Mention.Kind.NAME, view.start(i), view.end(i)));
      }
    }
    while (next < own.size()) {
      out.add(own.get(next++));
    }
    return out;
  }

  /** Whether word {@code i} is not part of a longer capitalised name. */
  private static boolean standsAlone(TokenView view, int i) {
    boolean nextIsName =
        i + 1 < view.size() && view.capitalised(i + 1) && onlySpaceBetween(view, i, i + 1);
    boolean previousIsName =
        i > 0
            && view.capitalised(i - 1)
            && onlySpaceBetween(view, i - 1, i)
            && !TITLES.contains(view.folded(i - 1));
    return !nextIsName && !previousIsName;
  }

  /** Whether words {@code a} and {@code a + 1 == b} are separated by white space alone. */
  private static boolean onlySpaceBetween(TokenView view, int a, int b) {
    String text = view.text();
    for (int k = view.end(a); k < view.start(b); k++) {
      if (!Character.isWhitespace(text.charAt(k)) && text.charAt(k) != '\u00a0') {
        return false; // "The North, Kim said": a comma ends the name before
      }
    }
    return view.end(a) < view.start(b);
  }
}
