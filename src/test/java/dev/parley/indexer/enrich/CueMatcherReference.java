package dev.parley.indexer.enrich;

import dev.parley.analysis.TokenView;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link CueMatcher} as it was before its pair-keyed look-ups, reused scratch arrays and hash-first
 * word checks (main at {@code 56da1f5}): one candidate list per first word, each word compared as a
 * folded String. Kept as the straightforward version the fast one is compared with ({@code
 * CueMatcherSpeedupTest}); not used by the library.
 */
final class CueMatcherReference {
  /** Role of a term list within its cue. */
  private static final int TERMS = 0;

  private static final int NOT_BEFORE = 1;
  private static final int NOT_AFTER = 2;
  private static final int NEAR = 3;
  private static final int NOT_NEAR = 4;
  private static final int NOT_BEFORE_UNLESS = 5;
  private static final int UNLESS = 6;
  private static final int ROLES = 7;

  /** A phrase to find; {@code set} is {@code cue * ROLES + role}. */
  private record Term(int set, String[] words, boolean[] prefix, byte[] caseRule) {}

  private static final byte ANY_CASE = 0;
  private static final byte CAPITALISED = 1;
  private static final byte EXACT = 2;

  private final List<Cue> cues;

  /** For each cue with {@code countOf}, the indices of the cues it sums; null otherwise. */
  private final int[][] countOf;

  private final LongTable<List<Term>> byWord = new LongTable<>(256);
  private final LongTable<List<Term>> byPrefix = new LongTable<>(64);

  CueMatcherReference(List<Cue> cues) {
    this.cues = List.copyOf(cues);
    for (int c = 0; c < cues.size(); c++) {
      Cue cue = cues.get(c);
      add(c * ROLES + TERMS, SharedTerms.expand(cue.terms()), cue.caseSensitive());
      add(c * ROLES + NOT_BEFORE, SharedTerms.expand(cue.notBefore()), cue.caseSensitive());
      add(c * ROLES + NOT_AFTER, SharedTerms.expand(cue.notAfter()), cue.caseSensitive());
      add(c * ROLES + NEAR, SharedTerms.expand(cue.near()), cue.caseSensitive());
      add(c * ROLES + NOT_NEAR, SharedTerms.expand(cue.notNear()), cue.caseSensitive());
      add(
          c * ROLES + NOT_BEFORE_UNLESS,
          SharedTerms.expand(cue.notBeforeUnless()),
          cue.caseSensitive());
      add(c * ROLES + UNLESS, SharedTerms.expand(cue.unless()), cue.caseSensitive());
    }
    this.countOf = new int[cues.size()][];
    for (int c = 0; c < cues.size(); c++) {
      List<String> names = cues.get(c).countOf();
      if (names.isEmpty()) {
        continue;
      }
      countOf[c] = new int[names.size()];
      for (int k = 0; k < names.size(); k++) {
        int index = -1;
        for (int d = 0; d < cues.size(); d++) {
          if (cues.get(d).name().equals(names.get(k)) && cues.get(d).countOf().isEmpty()) {
            index = d;
          }
        }
        if (index < 0) {
          throw new IllegalArgumentException(
              "cue "
                  + cues.get(c).name()
                  + " counts "
                  + names.get(k)
                  + ", which is no cue with terms");
        }
        countOf[c][k] = index;
      }
    }
  }

  List<Cue> cues() {
    return cues;
  }

  private void add(int set, List<String> terms, boolean caseSensitive) {
    for (String term : terms) {
      String[] raw = term.trim().split(" +");
      String[] words = new String[raw.length];
      boolean[] prefix = new boolean[raw.length];
      byte[] rule = new byte[raw.length];
      for (int k = 0; k < raw.length; k++) {
        String w = raw[k];
        prefix[k] = w.endsWith("*");
        if (prefix[k]) {
          w = w.substring(0, w.length() - 1);
        }
        words[k] = TokenView.fold(w);
        if (caseSensitive && Character.isUpperCase(w.codePointAt(0))) {
          boolean upper = w.length() >= 2 && w.equals(w.toUpperCase(java.util.Locale.ROOT));
          rule[k] = upper && !prefix[k] ? EXACT : CAPITALISED;
        }
      }
      Term t = new Term(set, words, prefix, rule);
      LongTable<List<Term>> table = prefix[0] ? byPrefix : byWord;
      long key = prefix[0] ? prefixKey(words[0]) : TokenView.hash(words[0]);
      List<Term> list = table.get(key);
      if (list == null) {
        list = new ArrayList<>(1);
        table.put(key, list);
      }
      list.add(t);
    }
  }

  /** The first three characters of a folded word packed in a long; -1 for shorter words. */
  private static long prefixKey(String folded) {
    if (folded.length() < 3) {
      return -1;
    }
    return ((long) folded.charAt(0) << 32) | ((long) folded.charAt(1) << 16) | folded.charAt(2);
  }

  /**
   * Each cue's count of counted matches in {@code view}, in cue order.
   *
   * @param sentence the sentence number of each word (words of one sentence share it)
   */
  int[] counts(TokenView view, int[] sentence) {
    int sets = cues.size() * ROLES;
    // Occurrences per term set as (start, end exclusive) pairs; most sets never occur.
    int[][] occ = new int[sets][];
    int[] occSize = new int[sets];
    int n = view.size();
    for (int i = 0; i < n; i++) {
      List<Term> candidates = byWord.get(view.hash(i));
      if (candidates != null) {
        for (Term t : candidates) {
          record(t, view, i, occ, occSize, sentence);
        }
      }
      if (byPrefix.size() > 0) {
        candidates = byPrefix.get(prefixKey(view.folded(i)));
        if (candidates != null) {
          for (Term t : candidates) {
            record(t, view, i, occ, occSize, sentence);
          }
        }
      }
    }
    int[] counts = new int[cues.size()];
    for (int c = 0; c < cues.size(); c++) {
      int set = c * ROLES + TERMS;
      if (occSize[set] == 0) {
        continue;
      }
      Cue cue = cues.get(c);
      int count = 0;
      int[] o = occ[set];
      int lastEnd = -1;
      for (int k = 0; k < occSize[set]; k += 2) {
        int s = o[k];
        int e = o[k + 1];
        if (s < lastEnd) {
          continue; // overlapping matches of one cue count once
        }
        if (cancelled(occ, occSize, c, s, e, cue, sentence)
            || (cue.notInName() && beginsName(view, s, e, sentence))) {
          continue;
        }
        lastEnd = e;
        count++;
      }
      counts[c] = count;
    }
    for (int c = 0; c < cues.size(); c++) {
      if (countOf[c] != null) {
        for (int d : countOf[c]) {
          counts[c] += counts[d];
        }
      }
    }
    for (int c = 0; c < cues.size(); c++) {
      if (counts[c] < cues.get(c).minCount()) {
        counts[c] = 0;
      }
    }
    return counts;
  }

  private static boolean cancelled(
      int[][] occ, int[] occSize, int c, int s, int e, Cue cue, int[] sentence) {
    int before = c * ROLES + NOT_BEFORE;
    for (int k = 0; k < occSize[before]; k += 2) {
      int e2 = occ[before][k + 1];
      if (e2 <= s && s - e2 < cue.window() && sentence[e2 - 1] == sentence[s]) {
        return true;
      }
    }
    int after = c * ROLES + NOT_AFTER;
    for (int k = 0; k < occSize[after]; k += 2) {
      int s2 = occ[after][k];
      if (s2 >= e && s2 - e < cue.window() && sentence[s2] == sentence[e - 1]) {
        return true;
      }
    }
    int notNear = c * ROLES + NOT_NEAR;
    for (int k = 0; k < occSize[notNear]; k += 2) {
      int s2 = occ[notNear][k];
      int e2 = occ[notNear][k + 1];
      boolean close =
          (s2 >= e && s2 - e < cue.notNearWindow()) || (e2 <= s && s - e2 < cue.notNearWindow());
      if (close && sentence[s2] == sentence[s]) {
        return true;
      }
    }
    int soft = c * ROLES + NOT_BEFORE_UNLESS;
    for (int k = 0; k < occSize[soft]; k += 2) {
      int e2 = occ[soft][k + 1];
      if (e2 <= s
          && s - e2 < cue.window()
          && sentence[e2 - 1] == sentence[s]
          && !followedBy(occ, occSize, c * ROLES + UNLESS, e, cue.unlessWindow(), sentence)) {
        return true;
      }
    }
    int near = c * ROLES + NEAR;
    if (cue.near().isEmpty()) {
      return false;
    }
    for (int k = 0; k < occSize[near]; k += 2) {
      int s2 = occ[near][k];
      int e2 = occ[near][k + 1];
      boolean close =
          (s2 >= e && s2 - e < cue.nearWindow()) || (e2 <= s && s - e2 < cue.nearWindow());
      if (close && sentence[s2] == sentence[s]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the match {@code [s, e)} is written capitalised and begins a proper name: a capitalised
   * word follows it directly in its sentence and none precedes it ("The Summit Group": a sentence's
   * first word is capitalised anyway, so it does not count). Text all in capitals has no such
   * names.
   */
  private static boolean beginsName(TokenView view, int s, int e, int[] sentence) {
    if (view.allCaps() || !view.capitalised(s)) {
      return false;
    }
    if (e >= view.size() || sentence[e] != sentence[s] || !view.capitalised(e)) {
      return false;
    }
    if (s == 0 || sentence[s - 1] != sentence[s]) {
      return true;
    }
    boolean previousFirst = s - 1 == 0 || sentence[s - 2] != sentence[s - 1];
    return previousFirst || !view.capitalised(s - 1);
  }

  /** Whether a term of {@code set} starts at most {@code window} words after {@code e}. */
  private static boolean followedBy(
      int[][] occ, int[] occSize, int set, int e, int window, int[] sentence) {
    for (int k = 0; k < occSize[set]; k += 2) {
      int s2 = occ[set][k];
      if (s2 >= e && s2 - e < window && sentence[s2] == sentence[e - 1]) {
        return true;
      }
    }
    return false;
  }

  private void record(Term t, TokenView view, int i, int[][] occ, int[] occSize, int[] sentence) {
    int len = t.words().length;
    if (i + len > view.size() || sentence[i + len - 1] != sentence[i]) {
      return;
    }
    for (int k = 0; k < len; k++) {
      String f = view.folded(i + k);
      String w = t.words()[k];
      if (t.prefix()[k] ? !f.startsWith(w) : !f.equals(w)) {
        return;
      }
      byte rule = t.caseRule()[k];
      if (rule != ANY_CASE && !view.allCaps()) {
        if (!view.capitalised(i + k)) {
          return;
        }
        if (rule == EXACT && !view.upperCase(i + k)) {
          return;
        }
      }
    }
    int set = t.set();
    int[] o = occ[set];
    if (o == null) {
      o = new int[8];
      occ[set] = o;
    } else if (occSize[set] + 2 > o.length) {
      o = java.util.Arrays.copyOf(o, o.length * 2);
      occ[set] = o;
    }
    // Occurrences arrive in order of their start word, so each list stays sorted.
    o[occSize[set]++] = i;
    o[occSize[set]++] = i + len;
  }
}
