package dev.parley.analysis;

import java.text.Normalizer;
import java.util.Locale;

/**
 * {@link TokenView} as it was before its ASCII path and lazily made folded forms (main at {@code
 * 56da1f5}): every word folded into a String and hashed from it. Kept as the straightforward
 * version the fast one is compared with ({@code TokenViewSpeedupTest}); not used by the library.
 */
final class TokenViewReference {
  private static final byte CAPITALISED = 1;
  private static final byte UPPER = 2;
  private static final byte BREAK_BEFORE = 4;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** Abbreviations whose full stop does not end a sentence (folded). */
  private static final java.util.Set<String> ABBREVIATIONS =
      java.util.Set.of(
          "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sen", "rep", "gov", "st", "jr", "sr", "no",
          "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct",
          "nov", "dec", "vs", "prof", "rev", "capt", "maj", "adm", "sgt", "fig", "vol", "pct");

  private final String text;

  /** The normalized text the words are read from; {@code text} itself when already normal. */
  private final String norm;

  private final int size;

  /** Word offsets in {@code norm}. */
  private final int[] starts;

  private final int[] ends;

  /** Word offsets in {@code text}; the same arrays when the text was already normal. */
  private final int[] originalStarts;

  private final int[] originalEnds;
  private final String[] folded;
  private final long[] hashes;
  private final byte[] flags;
  private final boolean allCaps;

  private TokenViewReference(String original) {
    this.text = original;
    NormalizedText normalized = NormalizedText.of(original);
    String text = normalized.text();
    this.norm = text;
    int capacity = Math.max(4, text.length() / 5);
    int[] st = new int[capacity];
    int[] en = new int[capacity];
    int n = 0;
    int letters = 0;
    int upper = 0;
    int i = 0;
    int len = text.length();
    while (i < len) {
      int c = text.codePointAt(i);
      if (!isWordChar(c)) {
        i += Character.charCount(c);
        continue;
      }
      int start = i;
      while (i < len) {
        c = text.codePointAt(i);
        if (!isWordChar(c)) {
          break;
        }
        if (c < 128 ? (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') : Character.isLetter(c)) {
          letters++;
          if (c < 128 ? c <= 'Z' : Character.isUpperCase(c)) {
            upper++;
          }
        }
        i += Character.charCount(c);
      }
      if (n == st.length) {
        st = java.util.Arrays.copyOf(st, n * 2);
        en = java.util.Arrays.copyOf(en, n * 2);
      }
      st[n] = start;
      en[n] = i;
      n++;
    }
    this.size = n;
    this.starts = st;
    this.ends = en;
    if (text == original) {
      this.originalStarts = st;
      this.originalEnds = en;
    } else {
      this.originalStarts = new int[n];
      this.originalEnds = new int[n];
      for (int k = 0; k < n; k++) {
        originalStarts[k] = normalized.originalOffset(st[k]);
        originalEnds[k] = normalized.originalOffset(en[k]);
      }
    }
    this.allCaps = letters > 20 && upper * 10 >= letters * 9;
    this.folded = new String[n];
    this.hashes = new long[n];
    this.flags = new byte[n];
    for (int k = 0; k < n; k++) {
      String f = fold(text, st[k], en[k]);
      folded[k] = f;
      hashes[k] = hash(f);
      byte fl = 0;
      int first = text.codePointAt(st[k]);
      if (Character.isUpperCase(first)) {
        fl |= CAPITALISED;
        if (allUpper(text, st[k], en[k])) {
          fl |= UPPER;
        }
      }
      if (k > 0 && breakBetween(k)) {
        fl |= BREAK_BEFORE;
      }
      flags[k] = fl;
    }
  }

  /** Cuts {@code text} into words. */
  static TokenViewReference of(String text) {
    return new TokenViewReference(java.util.Objects.requireNonNull(text, "text"));
  }

  /** The text the view was made from. */
  public String text() {
    return text;
  }

  /** The number of words. */
  public int size() {
    return size;
  }

  /** Offset of word {@code i}'s first character in the text as given. */
  public int start(int i) {
    check(i);
    return originalStarts[i];
  }

  /** Offset just past word {@code i}'s last character in the text as given. */
  public int end(int i) {
    check(i);
    return originalEnds[i];
  }

  /** Word {@code i} as written (after normalisation). */
  public String word(int i) {
    check(i);
    return norm.substring(starts[i], ends[i]);
  }

  /** Word {@code i} lower-cased with accents removed. */
  public String folded(int i) {
    check(i);
    return folded[i];
  }

  /** The 64-bit hash of {@link #folded(int)}: {@code hash(folded(i))}. */
  public long hash(int i) {
    check(i);
    return hashes[i];
  }

  /** Whether word {@code i} starts with an upper-case letter. */
  public boolean capitalised(int i) {
    check(i);
    return (flags[i] & CAPITALISED) != 0;
  }

  /** Whether every letter of word {@code i} is upper case (and its first character is a letter). */
  public boolean upperCase(int i) {
    check(i);
    return (flags[i] & UPPER) != 0;
  }

  /** Whether a sentence ends between word {@code i - 1} and word {@code i}. */
  public boolean breakBefore(int i) {
    check(i);
    return (flags[i] & BREAK_BEFORE) != 0;
  }

  /** Whether word {@code i} is written exactly as {@code s} (after normalisation). */
  public boolean writtenAs(int i, String s) {
    check(i);
    return ends[i] - starts[i] == s.length() && norm.startsWith(s, starts[i]);
  }

  /**
   * Whether the text is written all in capitals (more than 20 letters, at least 90% upper case), as
   * some wire copy and the TIME collection are: case then says nothing about names.
   */
  public boolean allCaps() {
    return allCaps;
  }

  /** The index of the word that starts at character {@code offset} of the text as given, or -1. */
  public int wordAt(int offset) {
    int i = java.util.Arrays.binarySearch(originalStarts, 0, size, offset);
    return i >= 0 ? i : -1;
  }

  /** The 64-bit FNV-1a hash of the characters of {@code s} (the hash of folded words). */
  public static long hash(CharSequence s) {
    long h = FNV_OFFSET;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= FNV_PRIME;
    }
    return h;
  }

  /** {@code word} folded the way the view folds words: lower case, accents removed. */
  public static String fold(String word) {
    return fold(word, 0, word.length());
  }

  private static String fold(String text, int from, int to) {
    boolean ascii = true;
    boolean lower = true;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c > 127) {
        ascii = false;
        break;
      }
      if (c >= 'A' && c <= 'Z') {
        lower = false;
      }
    }
    if (ascii) {
      if (lower) {
        return text.substring(from, to);
      }
      char[] chars = new char[to - from];
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        chars[i - from] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      }
      return new String(chars);
    }
    String s = Normalizer.normalize(text.substring(from, to), Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int type = Character.getType(c);
      if (type != Character.NON_SPACING_MARK
          && type != Character.ENCLOSING_MARK
          && type != Character.COMBINING_SPACING_MARK) {
        b.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isWordChar(int c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  private static boolean allUpper(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c) && !Character.isUpperCase(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the gap before word {@code k} ends a sentence (see the class comment). */
  private boolean breakBetween(int k) {
    boolean stop = false;
    for (int i = ends[k - 1]; i < starts[k]; i++) {
      char c = norm.charAt(i);
      if (c == '!' || c == '?' || c == ';' || c == '\n' || c == '\r') {
        return true;
      }
      if (c == '.') {
        stop = true;
      }
    }
    if (!stop) {
      return false;
    }
    int prevLength = ends[k - 1] - starts[k - 1];
    if (prevLength == 1 || ABBREVIATIONS.contains(folded[k - 1])) {
      return false;
    }
    int next = norm.codePointAt(starts[k]);
    return Character.isUpperCase(next) || Character.isDigit(next);
  }

  private void check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("word " + i + " of " + size);
    }
  }
}
