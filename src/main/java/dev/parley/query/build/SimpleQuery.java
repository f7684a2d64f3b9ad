package dev.parley.query.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parsed form of Parley's query syntax, which no input can make fail:
 *
 * <ul>
 *   <li>words: {@code sanctions iran};
 *   <li>{@code "quoted phrases"} (an unclosed quote runs to the end);
 *   <li>{@code -word} or {@code -"a phrase"} excludes passages that contain it;
 *   <li>{@code a OR b} (upper case) makes {@code a} and {@code b} alternatives of one clause.
 * </ul>
 *
 * Anything else (operators of other syntaxes, wildcards, brackets) is just text that the analyzer
 * reduces to words.
 *
 * @param groups the positive clauses; each group is a list of alternatives joined by {@code OR}
 * @param exclusions the excluded words and phrases
 */
public record SimpleQuery(List<List<Term>> groups, List<Term> exclusions) {

  /**
   * A word or a phrase, as typed.
   *
   * @param text the text
   * @param phrase true if it was quoted
   */
  public record Term(String text, boolean phrase) {
    /** Validates the values. */
    public Term {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Copies the lists. */
  public SimpleQuery {
    groups = groups.stream().map(List::copyOf).toList();
    exclusions = List.copyOf(exclusions);
  }

  /** True if the text had no words at all. */
  public boolean isEmpty() {
    return groups.isEmpty() && exclusions.isEmpty();
  }

  /**
   * What the query means as plain text: its words and phrases in order, without quotes, {@code OR}
   * or exclusions. The dense side embeds this (an excluded word would pull the query's vector
   * towards what the user does not want).
   */
  public String plainText() {
    List<String> words = new ArrayList<>();
    for (List<Term> group : groups) {
      group.forEach(t -> words.add(t.text()));
    }
    return String.join(" ", words);
  }

  /** Parses {@code text}; never throws for any string. */
  public static SimpleQuery parse(String text) {
    List<List<Term>> groups = new ArrayList<>();
    List<Term> exclusions = new ArrayList<>();
    boolean joinNext = false;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean exclude = false;
      if (c == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
        exclude = true;
        i++;
        c = text.charAt(i);
      }
      Term term;
      if (c == '"') {
        int close = text.indexOf('"', i + 1);
        int end = close < 0 ? n : close;
        term = new Term(text.substring(i + 1, end).strip(), true);
        i = close < 0 ? n : close + 1;
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
          end++;
        }
        term = new Term(text.substring(i, end), false);
        i = end;
      }
      if (term.text().isEmpty()) {
        continue;
      }
      if (exclude) {
        exclusions.add(term);
      } else if (!term.phrase() && term.text().equals("OR")) {
        joinNext = !groups.isEmpty();
      } else if (joinNext) {
        groups.get(groups.size() - 1).add(term);
        joinNext = false;
      } else {
        List<Term> group = new ArrayList<>();
        group.add(term);
        groups.add(group);
      }
    }
    return new SimpleQuery(groups, exclusions);
  }
}
