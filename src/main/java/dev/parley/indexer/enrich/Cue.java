package dev.parley.indexer.enrich;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One piece of curated evidence for a topic, written as word rules over a {@link
 * dev.parley.analysis.TokenView}: the words or phrases that count, and the words around them that
 * cancel a match. A cue is a named feature of the topic's linear model; its weight is learned.
 *
 * <p>A term is a word or a phrase of words separated by spaces; a word ending in {@code *} matches
 * any word that starts with the rest (at least three letters: {@code negotiat*}). Terms are matched
 * on folded words (lower case, no accents) unless {@code caseSensitive}: then a term word written
 * in capitals ({@code SEC}) must be written so, and a capitalised term word ({@code Summit}) must
 * be capitalised, except in text written all in capitals.
 *
 * <p>A match of {@code terms} counts unless a {@code notBefore} term ends at most {@code window}
 * words before it, or a {@code notAfter} term starts at most {@code window} words after it, and,
 * when {@code near} is given, only if a {@code near} term lies at most {@code nearWindow} words
 * away; none of these look across a sentence end. This is how the traps are written: {@code Summit
 * Petroleum} (a company word after), {@code budget summit} (a domestic word before), {@code the SEC
 * imposed sanctions} (a regulator before).
 *
 * <p>Three further context rules (topic model 2.3): a {@code notNear} term at most {@code
 * notNearWindow} words away on either side cancels a match (a regulator earlier in a long clause,
 * protesters around a blockade); a {@code notBeforeUnless} term cancels like {@code notBefore}
 * unless an {@code unless} term follows the match within {@code unlessWindow} words ("after the
 * summit" is only a date, but "After the summit, the leaders signed ..." is about it: the clause
 * goes on to say what the summit produced).
 *
 * <p>Any term list may name a shared word list as {@code @name} ({@link SharedTerms}): the
 * exceptions of one kind written once for every cue that needs them.
 *
 * <p>With {@code notInName}, a match written capitalised that begins a proper name does not count:
 * one followed directly by a capitalised word of its sentence and not preceded directly by one (a
 * sentence's first word does not count as capitalised), in text not written all in capitals. This
 * is the company kind: "Summit Materials agreed ...", "Summit Petroleum Corp", while "the G7
 * Summit", "Summit of the Americas" and "Summit talks" count.
 *
 * <p>A cue with {@code countOf} has no terms of its own: its count is the sum of the counted
 * matches of the named cues of the same topic, so it carries their context rules (a density cue
 * over the noun cues). Why: a density cue with its own term list drifted from the nouns' exceptions
 * and counted "news embargo" and "the Federal Reserve imposed sanctions".
 *
 * <p>The value is {@code min(count, cap) / cap} in [0, 1], and 0 when the count is below {@code
 * minCount}; with {@code perWords} above 0 the count is first turned into a rate per that many
 * words of the passage (counting a passage shorter than that as that long). A density cue has
 * {@code minCount} 2: a lone word in a short passage is no density.
 *
 * @param name the feature name, lower-case letters, digits and {@code -}
 * @param terms what counts
 * @param caseSensitive whether capitals in terms must be matched
 * @param notBefore terms that cancel a match just before it
 * @param notAfter terms that cancel a match just after it
 * @param window how many words before or after a match {@code notBefore}/{@code notAfter} reach
 * @param near terms one of which must be near a match; empty for none
 * @param nearWindow how many words away a {@code near} term may be
 * @param cap the count at which the value reaches 1
 * @param perWords when above 0, the count is a rate per this many words
 * @param notNear terms that cancel a match within {@code notNearWindow} words on either side
 * @param notNearWindow how many words away a {@code notNear} term cancels
 * @param notBeforeUnless terms that cancel a match just before it unless an {@code unless} term
 *     follows
 * @param unless terms after a match that undo a {@code notBeforeUnless} cancellation
 * @param unlessWindow how many words after a match an {@code unless} term may start
 * @param countOf names of cues of the same topic whose counts this cue sums; empty for none
 * @param minCount the count below which the value is 0
 * @param notInName whether a capitalised match that begins a proper name is cancelled
 */
public record Cue(
    String name,
    List<String> terms,
    boolean caseSensitive,
    List<String> notBefore,
    List<String> notAfter,
    int window,
    List<String> near,
    int nearWindow,
    int cap,
    int perWords,
    List<String> notNear,
    int notNearWindow,
    List<String> notBeforeUnless,
    List<String> unless,
    int unlessWindow,
    List<String> countOf,
    int minCount,
    boolean notInName) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** Validates the values and copies the lists; absent lists are empty. */
  public Cue {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "cue name must be lower-case letters, digits and '-', got: '" + name + "'");
    }
    terms = List.copyOf(terms == null ? List.of() : terms);
    notBefore = List.copyOf(notBefore == null ? List.of() : notBefore);
    notAfter = List.copyOf(notAfter == null ? List.of() : notAfter);
    near = List.copyOf(near == null ? List.of() : near);
    notNear = List.copyOf(notNear == null ? List.of() : notNear);
    notBeforeUnless = List.copyOf(notBeforeUnless == null ? List.of() : notBeforeUnless);
    unless = List.copyOf(unless == null ? List.of() : unless);
    countOf = List.copyOf(countOf == null ? List.of() : countOf);
    if (countOf.isEmpty() && terms.isEmpty()) {
      throw new IllegalArgumentException("cue " + name + " has no terms");
    }
    if (!countOf.isEmpty()
        && !(terms.isEmpty()
            && notBefore.isEmpty()
            && notAfter.isEmpty()
            && near.isEmpty()
            && notNear.isEmpty()
            && notBeforeUnless.isEmpty()
            && !notInName)) {
      throw new IllegalArgumentException(
          "cue "
              + name
              + ": a cue with countOf takes the matches of the cues it names; give it no terms"
              + " or context rules of its own");
    }
    if (!unless.isEmpty() && notBeforeUnless.isEmpty()) {
      throw new IllegalArgumentException(
          "cue " + name + ": unless needs notBeforeUnless (the cancellations it undoes)");
    }
    for (List<String> list :
        List.of(terms, notBefore, notAfter, near, notNear, notBeforeUnless, unless)) {
      for (String t : SharedTerms.expand(list)) {
        checkTerm(name, t);
      }
    }
    checkRange(name, "window", window, 1, 20);
    checkRange(name, "nearWindow", nearWindow, 1, 60);
    if (cap < 1) {
      throw new IllegalArgumentException("cue " + name + ": cap must be >= 1, got: " + cap);
    }
    checkRange(name, "notNearWindow", notNearWindow, 1, 60);
    checkRange(name, "unlessWindow", unlessWindow, 1, 60);
    if (minCount < 1) {
      throw new IllegalArgumentException(
          "cue " + name + ": minCount must be >= 1, got: " + minCount);
    }
    if (perWords < 0) {
      throw new IllegalArgumentException(
          "cue " + name + ": perWords must be >= 0, got: " + perWords);
    }
  }

  /**
   * A cue with the rules of topic model 2.2 only (no {@code notNear}, {@code notBeforeUnless},
   * {@code countOf}; {@code minCount} 1).
   */
  public Cue(
      String name,
      List<String> terms,
      boolean caseSensitive,
      List<String> notBefore,
      List<String> notAfter,
      int window,
      List<String> near,
      int nearWindow,
      int cap,
      int perWords) {
    this(
        name,
        terms,
        caseSensitive,
        notBefore,
        notAfter,
        window,
        near,
        nearWindow,
        cap,
        perWords,
        List.of(),
        10,
        List.of(),
        List.of(),
        10,
        List.of(),
        1,
        false);
  }

  /** A cue with the default window (1), near window (10), cap (1) and no rate. */
  public static Cue of(String name, List<String> terms) {
    return new Cue(name, terms, false, List.of(), List.of(), 1, List.of(), 10, 1, 0);
  }

  private static void checkTerm(String cue, String term) {
    if (term == null || term.isBlank()) {
      throw new IllegalArgumentException("cue " + cue + " has an empty term");
    }
    for (String w : term.trim().split(" +")) {
      String word = w.endsWith("*") ? w.substring(0, w.length() - 1) : w;
      if (word.isEmpty() || !word.codePoints().allMatch(Character::isLetterOrDigit)) {
        throw new IllegalArgumentException(
            "cue "
                + cue
                + ": term '"
                + term
                + "' must be words of letters and digits (a trailing * for a prefix)");
      }
      if (w.endsWith("*") && word.length() < 3) {
        throw new IllegalArgumentException(
            "cue " + cue + ": prefix '" + w + "' needs at least three letters");
      }
    }
  }

  /** One message for every window bound: {@code cue NAME: FIELD must be in LO..HI, got: V}. */
  private static void checkRange(String name, String field, int value, int lo, int hi) {
    if (value < lo || value > hi) {
      throw new IllegalArgumentException(
          "cue " + name + ": " + field + " must be in " + lo + ".." + hi + ", got: " + value);
    }
  }
}
