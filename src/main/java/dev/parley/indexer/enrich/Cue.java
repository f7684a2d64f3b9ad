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
 * <p>The value is {@code min(count, cap) / cap} in [0, 1]; with {@code perWords} above 0 the count
 * is first turned into a rate per that many words of the passage.
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
    int perWords) {

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
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("cue " + name + " has no terms");
    }
    for (List<String> list : List.of(terms, notBefore, notAfter, near)) {
      for (String t : list) {
        checkTerm(name, t);
      }
    }
    if (window < 1 || window > 20) {
      throw new IllegalArgumentException(
          "cue " + name + ": window must be in 1..20, got: " + window);
    }
    if (nearWindow < 1 || nearWindow > 60) {
      throw new IllegalArgumentException(
          "cue " + name + ": nearWindow must be in 1..60, got: " + nearWindow);
    }
    if (cap < 1) {
      throw new IllegalArgumentException("cue " + name + ": cap must be >= 1, got: " + cap);
    }
    if (perWords < 0) {
      throw new IllegalArgumentException(
          "cue " + name + ": perWords must be >= 0, got: " + perWords);
    }
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
}
