package dev.parley.indexer.enrich;

import dev.parley.analysis.TokenView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the terms of a set of {@link Cue}s in a {@link TokenView} in one pass over its words: each
 * word is looked up by its folded hash (terms of one word, and phrases whose second word is a
 * prefix), with the next word's hash (phrases, by their first two words, so a common first word
 * such as "on" or "of" brings only the phrases that go on as the text does) and, when its first two
 * letters begin a prefix term, by its first three letters (prefix terms); then each candidate is
 * checked word by word, by hash before characters, without making the words' folded strings.
 * Candidates are tried in the order the terms were added, as one list per first word would have
 * them (the first of overlapping matches counts).
 *
 * <p>Thread safety: immutable after construction, safe to share (each thread keeps its own scratch
 * arrays for {@link #counts}).
 */
final class CueMatcher {
  /** Role of a term list within its cue. */
  private static final int TERMS = 0;

  private static final int NOT_BEFORE = 1;
  private static final int NOT_AFTER = 2;
  private static final int NEAR = 3;
  private static final int NOT_NEAR = 4;
  private static final int NOT_BEFORE_UNLESS = 5;
  private static final int UNLESS = 6;
  private static final int ROLES = 7;

  /**
   * A phrase to find; {@code set} is {@code cue * ROLES + role}; {@code hashes} holds each whole
   * word's {@link TokenView#hash} (unused for a prefix word).
   */
  private record Term(
      int set, int order, String[] words, long[] hashes, boolean[] prefix, byte[] caseRule) {}

  /**
   * The whole-word terms that start with word {@code first} (and go on with {@code second}, for
   * {@link #byPair}; null for {@link #byWord}), in the order they were added; {@code next} is
   * another group whose words have the same hash key (never seen; kept exact all the same).
   */
  private record Group(String first, String second, Term[] terms, Group next) {}

  private static final byte ANY_CASE = 0;
  private static final byte CAPITALISED = 1;
  private static final byte EXACT = 2;

  private final List<Cue> cues;

  /** For each cue with {@code countOf}, the indices of the cues it sums; null otherwise. */
  private final int[][] countOf;

  /** Terms of one word and phrases whose second word is a prefix, by their first word's hash. */
  private final LongTable<Group> byWord = new LongTable<>(256);

  /** Phrases whose first two words are whole, by {@link #pairKey} of the two words' hashes. */
  private final LongTable<Group> byPair = new LongTable<>(256);

  /**
   * A filter on first words, one bit per {@link #FILTER_BITS} low bits of a word's hash: set for
   * the first word of every group of {@link #byWord} (bit 0 of the pair of bits) and of {@link
   * #byPair} (bit 1). A word whose bit is clear starts no whole-word term, so most words (few begin
   * a cue) need neither table probe; the filter is 4 KB and stays in the fastest cache, the tables
   * are larger and the indexer's other work evicts them between passages.
   */
  private final long[] firstWords = new long[(2 << FILTER_BITS) / 64];

  private static final int FILTER_BITS = 14;

  /** Terms whose first word is a prefix, by {@link #prefixKey}. */
  private final LongTable<Term[]> byPrefix = new LongTable<>(64);

  /**
   * For each pair of ASCII characters {@code c0 * 128 + c1}: whether a prefix term's first word
   * starts with them; a word that starts otherwise needs no prefix look-up (most words).
   */
  private final boolean[] prefixStarts = new boolean[128 * 128];

  /** Whether a prefix term's first word starts with a character beyond ASCII. */
  private boolean nonAsciiPrefix;

  /** Whether a prefix term's folded first word is shorter than three characters (key -1). */
  private boolean shortPrefix;

  /** Per thread: the occurrences of the last {@link #counts} call, reused. */
  private final ThreadLocal<Scratch> scratch;

  /** Terms added so far (each term's {@code order}). */
  private int termCount;

  CueMatcher(List<Cue> cues) {
    this.cues = List.copyOf(cues);
    Map<List<String>, List<Term>> wordLists = new LinkedHashMap<>();
    LongTable<List<Term>> prefixLists = new LongTable<>(64);
    for (int c = 0; c < cues.size(); c++) {
      Cue cue = cues.get(c);
      add(
          wordLists,
          prefixLists,
          c * ROLES + TERMS,
          SharedTerms.expand(cue.terms()),
          cue.caseSensitive());
      add(
          wordLists,
          prefixLists,
          c * ROLES + NOT_BEFORE,
          SharedTerms.expand(cue.notBefore()),
          cue.caseSensitive());
      add(
          wordLists,
          prefixLists,
          c * ROLES + NOT_AFTER,
          SharedTerms.expand(cue.notAfter()),
          cue.caseSensitive());
      add(
          wordLists,
          prefixLists,
          c * ROLES + NEAR,
          SharedTerms.expand(cue.near()),
          cue.caseSensitive());
      add(
          wordLists,
          prefixLists,
          c * ROLES + NOT_NEAR,
          SharedTerms.expand(cue.notNear()),
          cue.caseSensitive());
      add(
          wordLists,
          prefixLists,
          c * ROLES + NOT_BEFORE_UNLESS,
          SharedTerms.expand(cue.notBeforeUnless()),
          cue.caseSensitive());
      add(
          wordLists,
          prefixLists,
          c * ROLES + UNLESS,
          SharedTerms.expand(cue.unless()),
          cue.caseSensitive());
    }
    // Candidate lists keep the order terms were added in (cue order, then role order).
    wordLists.forEach(
        (words, list) -> {
          String first = words.get(0);
          String second = words.size() > 1 ? words.get(1) : null;
          long h = TokenView.hash(first);
          LongTable<Group> table = second == null ? byWord : byPair;
          long key = second == null ? h : pairKey(h, TokenView.hash(second));
          table.put(key, new Group(first, second, list.toArray(Term[]::new), table.get(key)));
          int bit = filterBit(h) + (second == null ? 0 : 1);
          firstWords[bit >>> 6] |= 1L << bit;
        });
    prefixLists.forEach((key, list) -> byPrefix.put(key, list.toArray(Term[]::new)));
    int sets = cues.size() * ROLES;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(sets));
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

  private void add(
      Map<List<String>, List<Term>> wordLists,
      LongTable<List<Term>> prefixLists,
      int set,
      List<String> terms,
      boolean caseSensitive) {
    for (String term : terms) {
      String[] raw = term.trim().split(" +");
      String[] words = new String[raw.length];
      long[] hashes = new long[raw.length];
      boolean[] prefix = new boolean[raw.length];
      byte[] rule = new byte[raw.length];
      for (int k = 0; k < raw.length; k++) {
        String w = raw[k];
        prefix[k] = w.endsWith("*");
        if (prefix[k]) {
          w = w.substring(0, w.length() - 1);
        }
        words[k] = TokenView.fold(w);
        hashes[k] = TokenView.hash(words[k]);
        if (caseSensitive && Character.isUpperCase(w.codePointAt(0))) {
          boolean upper = w.length() >= 2 && w.equals(w.toUpperCase(java.util.Locale.ROOT));
          rule[k] = upper && !prefix[k] ? EXACT : CAPITALISED;
        }
      }
      Term t = new Term(set, termCount++, words, hashes, prefix, rule);
      if (!prefix[0]) {
        List<String> group =
            words.length > 1 && !prefix[1] ? List.of(words[0], words[1]) : List.of(words[0]);
        wordLists.computeIfAbsent(group, g -> new ArrayList<>(1)).add(t);
        continue;
      }
      long key = prefixKey(words[0]);
      if (words[0].length() < 3) {
        shortPrefix = true; // (cannot happen for valid terms; kept exact all the same)
      } else {
        char c0 = words[0].charAt(0);
        char c1 = words[0].charAt(1);
        if (c0 < 128 && c1 < 128) {
          prefixStarts[c0 * 128 + c1] = true;
        } else {
          nonAsciiPrefix = true;
        }
      }
      List<Term> list = prefixLists.get(key);
      if (list == null) {
        list = new ArrayList<>(1);
        prefixLists.put(key, list);
      }
      list.add(t);
    }
  }

  /** Where word hash {@code h}'s pair of bits starts in {@link #firstWords}. */
  private static int filterBit(long h) {
    return ((int) h & ((1 << FILTER_BITS) - 1)) << 1;
  }

  /** The key of a phrase's first two words in {@link #byPair}, from their hashes. */
  private static long pairKey(long first, long second) {
    return (first ^ Long.rotateLeft(second, 31)) * 0x9E3779B97F4A7C15L;
  }

  /**
   * The terms of the group in chain {@code g} whose words are those of the view at {@code i} (and
   * {@code i + 1} for a pair group), or null.
   */
  private static Term[] terms(Group g, TokenView view, int i) {
    for (; g != null; g = g.next()) {
      if (view.foldedEquals(i, g.first())
          && (g.second() == null || view.foldedEquals(i + 1, g.second()))) {
        return g.terms();
      }
    }
    return null;
  }

  /** The first three characters of a folded word packed in a long; -1 for shorter words. */
  private static long prefixKey(String folded) {
    if (folded.length() < 3) {
      return -1;
    }
    return ((long) folded.charAt(0) << 32) | ((long) folded.charAt(1) << 16) | folded.charAt(2);
  }

  /**
   * The prefix terms that may start at word {@code i} (those whose first three letters are the
   * word's), or null; the same as {@code byPrefix.get(prefixKey(view.folded(i)))}.
   */
  private Term[] prefixCandidates(TokenView view, int i) {
    if (view.foldedLength(i) < 3) {
      return shortPrefix ? byPrefix.get(-1) : null;
    }
    char c0 = view.foldedCharAt(i, 0);
    char c1 = view.foldedCharAt(i, 1);
    if (c0 < 128 && c1 < 128 ? !prefixStarts[c0 * 128 + c1] : !nonAsciiPrefix) {
      return null;
    }
    long key = ((long) c0 << 32) | ((long) c1 << 16) | view.foldedCharAt(i, 2);
    return byPrefix.get(key);
  }

  /**
   * The occurrences of each term set in one passage as (start, end exclusive) pairs, reused from
   * call to call by one thread: most sets never occur, so only those touched are cleared.
   */
  private static final class Scratch {
    final int[][] occ;
    final int[] occSize;
    final int[] touched;
    int touchedCount;

    Scratch(int sets) {
      occ = new int[sets][];
      occSize = new int[sets];
      touched = new int[sets];
    }

    void clear() {
      for (int k = 0; k < touchedCount; k++) {
        occSize[touched[k]] = 0;
      }
      touchedCount = 0;
    }
  }

  /**
   * Each cue's count of counted matches in {@code view}, in cue order.
   *
   * @param sentence the sentence number of each word (words of one sentence share it)
   */
  int[] counts(TokenView view, int[] sentence) {
    Scratch sc = scratch.get();
    sc.clear();
    int[][] occ = sc.occ;
    int[] occSize = sc.occSize;
    int n = view.size();
    boolean prefixes = byPrefix.size() > 0;
    for (int i = 0; i < n; i++) {
      long h = view.hash(i);
      int bit = filterBit(h);
      long filter = firstWords[bit >>> 6] >>> bit; // bit 0: byWord may hold h; bit 1: byPair
      Term[] one = null;
      if ((filter & 1) != 0) {
        Group g = byWord.get(h);
        one = g == null ? null : terms(g, view, i);
      }
      Term[] two = null;
      if ((filter & 2) != 0 && i + 1 < n) {
        Group g = byPair.get(pairKey(h, view.hash(i + 1)));
        two = g == null ? null : terms(g, view, i);
      }
      // In the order the terms were added: the first of overlapping matches counts.
      int a = 0;
      int b = 0;
      int aEnd = one == null ? 0 : one.length;
      int bEnd = two == null ? 0 : two.length;
      while (a < aEnd || b < bEnd) {
        if (b == bEnd || (a < aEnd && one[a].order() < two[b].order())) {
          record(one[a++], view, i, sc, sentence, 1);
        } else {
          record(two[b++], view, i, sc, sentence, 2);
        }
      }
      if (prefixes) {
        Term[] candidates = prefixCandidates(view, i);
        if (candidates != null) {
          for (Term t : candidates) {
            record(t, view, i, sc, sentence, 0);
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

  /**
   * Records an occurrence of {@code t} at word {@code i} if its words are there (the first {@code
   * known} of them already found equal) with their case, in one sentence.
   */
  private static void record(Term t, TokenView view, int i, Scratch sc, int[] sentence, int known) {
    int len = t.words().length;
    if (i + len > view.size() || sentence[i + len - 1] != sentence[i]) {
      return;
    }
    for (int k = 0; k < len; k++) {
      String w = t.words()[k];
      if (k >= known
          && (t.prefix()[k]
              ? !view.foldedStartsWith(i + k, w)
              : view.hash(i + k) != t.hashes()[k] || !view.foldedEquals(i + k, w))) {
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
    int[][] occ = sc.occ;
    int[] occSize = sc.occSize;
    if (occSize[set] == 0) {
      sc.touched[sc.touchedCount++] = set;
    }
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
