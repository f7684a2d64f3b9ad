package dev.parley.analysis;

import java.util.Arrays;

/**
 * What {@link RememberedTermFilter} remembers: for each word seen (its characters), the term the
 * remembered filters made of it.
 *
 * <p>Laid out for few cache misses, since a look-up runs for every token and news text has tens of
 * thousands of distinct words: an open-addressing table kept at most half full, each slot two ints
 * side by side (the word's 32-bit hash, never 0, and where its entry starts), and the entries in
 * one {@code char[]} pool, each the word's length, the word, the term's length and the term. A
 * probe compares hashes within the slot array and reads the pool only when they match, so a look-up
 * touches one slot and one entry. Lucene's {@code CharArrayMap}, used before, kept keys and values
 * as separate arrays of separate {@code char[]} objects, filled to 80%, and compared characters on
 * every probe: its look-ups were a quarter of the analysis time on news text. Which table holds the
 * terms does not change them ({@code RememberedTermFilterTest} compares with the filters run on
 * every token).
 *
 * <p>Not thread-safe: one per filter.
 */
final class TermMemory {
  /** The longest word or term remembered: lengths are kept in one {@code char}. */
  static final int MAX_LENGTH = Character.MAX_VALUE;

  /** Two ints per slot: the hash (0: empty) and the entry's offset in {@link #pool}. */
  private int[] slots;

  private char[] pool;
  private int poolSize;
  private int size;

  /** A memory with room for {@code expected} words before it grows. */
  TermMemory(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    slots = new int[2 * capacity];
    pool = new char[expected * 16];
  }

  /** The number of words remembered. */
  int size() {
    return size;
  }

  /** Forgets every word. */
  void clear() {
    Arrays.fill(slots, 0);
    poolSize = 0;
    size = 0;
  }

  /**
   * Where the entry of the word {@code chars[0..length)} starts in {@link #pool()}, or -1 when it
   * is not remembered; its term is {@link #termLength} characters from {@link #termStart}.
   *
   * @param hash the word's {@link #hash}
   */
  int find(char[] chars, int length, int hash) {
    int[] s = slots;
    int mask = (s.length >> 1) - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      int h = s[2 * i];
      if (h == 0) {
        return -1;
      }
      if (h == hash) {
        int at = s[2 * i + 1];
        if (pool[at] == length && Arrays.equals(pool, at + 1, at + 1 + length, chars, 0, length)) {
          return at;
        }
      }
    }
  }

  /** The pool the entries are in (valid until the next {@link #put}). */
  char[] pool() {
    return pool;
  }

  /** Where the term of the entry at {@code at} starts in the pool. */
  int termStart(int at) {
    return at + 2 + pool[at];
  }

  /** The length of the term of the entry at {@code at}. */
  int termLength(int at) {
    return pool[at + 1 + pool[at]];
  }

  /**
   * Remembers that the word {@code chars[0..length)} (not yet remembered), whose {@link #hash} is
   * {@code hash}, makes the term {@code term}; both at most {@link #MAX_LENGTH} long.
   */
  void put(char[] chars, int length, int hash, char[] term) {
    if ((size + 1) * 4 > slots.length) { // more than half of the slots (two ints each) full
      grow();
    }
    int need = 2 + length + term.length;
    if (poolSize + need > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + need));
    }
    int at = poolSize;
    pool[at] = (char) length;
    System.arraycopy(chars, 0, pool, at + 1, length);
    pool[at + 1 + length] = (char) term.length;
    System.arraycopy(term, 0, pool, at + 2 + length, term.length);
    poolSize += need;
    insert(slots, hash, at);
    size++;
  }

  private static void insert(int[] s, int hash, int at) {
    int mask = (s.length >> 1) - 1;
    int i = hash & mask;
    while (s[2 * i] != 0) {
      i = (i + 1) & mask;
    }
    s[2 * i] = hash;
    s[2 * i + 1] = at;
  }

  private void grow() {
    int[] old = slots;
    int[] s = new int[old.length * 2];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        insert(s, old[i], old[i + 1]);
      }
    }
    slots = s;
  }

  /**
   * The hash of a word: its characters' polynomial hash, spread by MurmurHash3's finaliser; never
   * 0, which marks an empty slot.
   */
  static int hash(char[] chars, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + chars[i];
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h == 0 ? 1 : h;
  }
}
