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
 * other person of that family name: one sense per discourse.
 *
 * <p>The family name is the last word of the leader's name, or the first for countries whose names
 * put it first ({@link #FAMILY_NAME_FIRST}: Xi Jinping, Kim Jong Un, Lee Hsien Loong, Hun Sen) or
 * when the last word is written in lower case (Ban Ki-moon, the UN's). A family name that is a
 * gazetteer name of its own is left to the gazetteer.
 *
 * <p>Another person of the family name: a second gazetteer leader named in the text or context, or
 * the family name written beside another capitalised name word there ({@code Kim Dae-jung}, {@code
 * Chelsea Clinton}): then the family name alone is nobody.
 *
 * <p>A word is read as the family name only when capitalised, in text not set all in capitals
 * (where case says nothing), not inside a longer name (the next word, or a word before that is no
 * title and no sentence-opening word such as {@code But} or {@code When}, is a capitalised word
 * with only white space between), not after an article ({@code the Moon}) and not before a number
 * ({@code May 5}). A family name that is also a common word ({@code May}, {@code Rice}, {@code
 * Moon}, {@code Home}, {@code Win}: the list {@code family-names-that-are-words.txt}, counted by
 * {@code scripts/family-name-words}) counts only after a title ({@code Mrs May}) or before a
 * reporting verb or a possessive ({@code May said}, {@code May's}).
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

  /**
   * Words that open a sentence or clause before a name without being part of it ({@code But Kim}).
   */
  static final Set<String> OPENERS =
      Set.of(
          "but",
          "and",
          "or",
          "so",
          "then",
          "when",
          "while",
          "as",
          "after",
          "before",
          "since",
          "because",
          "if",
          "although",
          "though",
          "once",
          "until",
          "unless",
          "yet",
          "still",
          "now",
          "later",
          "earlier",
          "today",
          "yesterday",
          "meanwhile",
          "however",
          "here",
          "there",
          "where",
          "why",
          "how",
          "what",
          "that",
          "this",
          "also",
          "even",
          "instead",
          "only",
          "at",
          "in",
          "on",
          "for",
          "with",
          "by",
          "from",
          "to",
          "of",
          "under",
          "over",
          "during",
          "like",
          "unlike",
          "according",
          "asked",
          "said");

  /** Words after which a capitalised word is a thing, not a person ({@code the Moon}). */
  static final Set<String> NOT_BEFORE_A_PERSON =
      Set.of("the", "a", "an", "this", "that", "every", "each");

  /** Words after a family name that make it a person even when it is also a common word. */
  static final Set<String> REPORTING =
      Set.of(
          "said",
          "says",
          "told",
          "tells",
          "added",
          "warned",
          "wrote",
          "asked",
          "replied",
          "announced",
          "declared",
          "insisted",
          "argued",
          "stressed",
          "urged",
          "called",
          "met",
          "meets",
          "visited",
          "visits",
          "spoke",
          "speaks",
          "arrived",
          "arrives",
          "flew",
          "left",
          "has",
          "had",
          "is",
          "was",
          "will",
          "would",
          "who",
          "and");

  /** Leaders' family names that are also common words (scripts/family-name-words). */
  static final Set<String> WORDS = words();

  private static Set<String> words() {
    String name = "/dev/parley/enrich/entities/family-names-that-are-words.txt";
    try (java.io.InputStream in = FamilyNames.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      Set<String> out = new java.util.HashSet<>();
      for (String line :
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          out.add(w);
        }
      }
      return Set.copyOf(out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

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
      String last = words.get(words.size() - 1);
      String family =
          FAMILY_NAME_FIRST.contains(e.country()) || Character.isLowerCase(last.charAt(0))
              ? words.get(0)
              : last;
      if (family.length() >= 2 && Character.isUpperCase(family.charAt(0)) && !isName.test(family)) {
        familyOf.put(e.id(), TokenView.fold(family));
      }
    }
  }

  /**
   * {@code own} (the mentions the gazetteer found in {@code view}, in text order) with the family
   * names of the leaders that {@code own} or the context name in full added, in text order.
   *
   * @param context the context's words, or null
   * @param contextMentions the gazetteer's mentions in {@code context}
   */
  List<Mention> addTo(
      TokenView view, List<Mention> own, TokenView context, List<Mention> contextMentions) {
    if (view.allCaps()) {
      return own;
    }
    Map<String, String> leaderOf = null; // folded family name -> leader id, "" when two share it
    for (List<Mention> mentions : List.of(own, contextMentions)) {
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
    // Another person of the family name, named beside another name word: "Kim Dae-jung".
    markOtherPeople(view, own, leaderOf);
    if (context != null && !context.allCaps()) {
      markOtherPeople(context, contextMentions, leaderOf);
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
      if (leader != null && !leader.isEmpty() && isThePerson(view, i)) {
        out.add(new Mention(leader, Mention.Kind.NAME, view.start(i), view.end(i)));
      }
    }
    while (next < own.size()) {
      out.add(own.get(next++));
    }
    return out;
  }

  /**
   * Marks a family name ambiguous ("") where {@code text} writes it, outside the gazetteer's
   * mentions, as part of a longer name: someone else of that family.
   */
  private static void markOtherPeople(
      TokenView text, List<Mention> mentions, Map<String, String> leaderOf) {
    int next = 0;
    for (int i = 0; i < text.size(); i++) {
      while (next < mentions.size() && mentions.get(next).end() <= text.start(i)) {
        next++;
      }
      if (next < mentions.size() && mentions.get(next).start() < text.end(i)) {
        continue;
      }
      String family = text.folded(i);
      if (text.capitalised(i) && leaderOf.containsKey(family) && partOfLongerName(text, i)) {
        leaderOf.put(family, "");
      }
    }
  }

  /**
   * Whether word {@code i} reads as the person: alone, in a person's place, a word only if said.
   */
  private static boolean isThePerson(TokenView view, int i) {
    if (partOfLongerName(view, i)) {
      return false;
    }
    boolean sameSentence = i > 0 && !view.breakBefore(i);
    if (sameSentence && NOT_BEFORE_A_PERSON.contains(view.folded(i - 1))) {
      return false; // "the Moon", "a Park"
    }
    boolean hasNext = i + 1 < view.size() && !view.breakBefore(i + 1);
    if (hasNext && Character.isDigit(view.word(i + 1).charAt(0))) {
      return false; // "May 5", "May 2019"
    }
    if (!WORDS.contains(view.folded(i))) {
      return true;
    }
    boolean titled =
        sameSentence && TITLES.contains(view.folded(i - 1)) && onlySpaceBetween(view, i - 1, i);
    boolean possessive =
        hasNext && view.folded(i + 1).equals("s") && view.start(i + 1) == view.end(i) + 1;
    boolean reporting = hasNext && REPORTING.contains(view.folded(i + 1));
    return titled || possessive || reporting;
  }

  /**
   * Whether word {@code i} is part of a longer capitalised name: the next word, or the word before
   * (unless a title or a sentence-opening word), is capitalised with only white space between.
   */
  private static boolean partOfLongerName(TokenView view, int i) {
    boolean nextIsName =
        i + 1 < view.size() && view.capitalised(i + 1) && onlySpaceBetween(view, i, i + 1);
    boolean previousIsName =
        i > 0
            && view.capitalised(i - 1)
            && onlySpaceBetween(view, i - 1, i)
            && !TITLES.contains(view.folded(i - 1))
            && !OPENERS.contains(view.folded(i - 1));
    return nextIsName || previousIsName;
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
