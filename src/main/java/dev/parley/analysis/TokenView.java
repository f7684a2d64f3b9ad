package dev.parley.analysis;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A text cut into words once, for everything that reads words rather than characters: the {@link
 * EntityTagger} and the topic features read this view instead of running their own expressions over
 * the raw text.
 *
 * <p>The words are those of the text's {@link NormalizedText} form (format characters removed,
 * NFKC), as the analyzer matches it, with offsets into the text as given. A word is a run of
 * letters, marks and digits ({@code [\p{L}\p{M}\p{N}]+}); punctuation separates words, so {@code
 * U.S.} is the words {@code U S}. Each word has its offsets in the text, a folded form (lower case,
 * accents removed; ASCII words are lower-cased in place, only words with other characters go
 * through Unicode decomposition), a 64-bit hash of the folded form (FNV-1a, the same as {@link
 * #hash(CharSequence)}), and flags for its original case. A sentence-break flag marks words that
 * follow {@code . ! ? ;} or a line break (a full stop after one letter or a common abbreviation
 * such as {@code Mr} or {@code U.S} does not break), so word-window rules can stop at sentence
 * ends.
 *
 * <p>Text written in ASCII (nearly all wire copy) is cut in one table-driven pass: it needs no
 * normalisation, and each word's hash and case flags are made in the same scan; its folded forms
 * are made only when {@link #folded} asks for one, since most readers compare hashes first ({@link
 * #foldedEquals}, {@link #foldedStartsWith}) and a String per word was a large part of the cost.
 * The view is the same as the general path's in every accessor ({@code TokenViewSpeedupTest}).
 *
 * <p>Thread safety: safe to share. Its only mutable state is the cache of folded forms of ASCII
 * words; two threads asking at once make equal strings, and a {@link String} is safely published
 * through its final fields, so the race is harmless.
 */
public final class TokenView {
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

  /**
   * Each word's folded form; for a word of the ASCII path, null until {@link #folded} first asks
   * (it is then the word lower-cased).
   */
  private final String[] folded;

  private final long[] hashes;
  private final byte[] flags;
  private final boolean allCaps;

  private TokenView(String original) {
    this.text = original;
    if (isAscii(original)) {
      // ASCII has no format character and is already NFKC: the text is its own normal form.
      this.norm = original;
      int len = original.length();
      int capacity = Math.max(4, len / 5);
      int[] st = new int[capacity];
      int[] en = new int[capacity];
      long[] ha = new long[capacity];
      byte[] fl = new byte[capacity];
      int n = 0;
      int letters = 0;
      int upper = 0;
      int i = 0;
      while (i < len) {
        if (ASCII_CLASS[original.charAt(i)] == 0) {
          i++;
          continue;
        }
        int start = i;
        long h = FNV_OFFSET;
        boolean anyLower = false;
        while (i < len) {
          char c = original.charAt(i);
          byte cls = ASCII_CLASS[c];
          if (cls == 0) {
            break;
          }
          if (cls == UPPER_LETTER) {
            letters++;
            upper++;
            c += 'a' - 'A'; // the hash is of the folded (lower-case) form
          } else if (cls == LOWER_LETTER) {
            letters++;
            anyLower = true;
          }
          h ^= c;
          h *= FNV_PRIME;
          i++;
        }
        if (n == st.length) {
          st = java.util.Arrays.copyOf(st, n * 2);
          en = java.util.Arrays.copyOf(en, n * 2);
          ha = java.util.Arrays.copyOf(ha, n * 2);
          fl = java.util.Arrays.copyOf(fl, n * 2);
        }
        st[n] = start;
        en[n] = i;
        ha[n] = h;
        byte flag = 0;
        if (ASCII_CLASS[original.charAt(start)] == UPPER_LETTER) {
          flag = anyLower ? CAPITALISED : (byte) (CAPITALISED | UPPER);
        }
        fl[n] = flag;
        n++;
      }
      this.size = n;
      this.starts = st;
      this.ends = en;
      this.originalStarts = st;
      this.originalEnds = en;
      this.allCaps = letters > 20 && upper * 10 >= letters * 9;
      this.folded = new String[n];
      this.hashes = ha;
      this.flags = fl;
      for (int k = 1; k < n; k++) {
        if (breakBetween(k)) {
          fl[k] |= BREAK_BEFORE;
        }
      }
      return;
    }
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

  private static final byte UPPER_LETTER = 1;
  private static final byte LOWER_LETTER = 2;
  private static final byte DIGIT = 3;

  /** For each ASCII character: 0 for a non-word character, else its kind of word character. */
  private static final byte[] ASCII_CLASS = new byte[128];

  static {
    for (char c = 'A'; c <= 'Z'; c++) {
      ASCII_CLASS[c] = UPPER_LETTER;
      ASCII_CLASS[c + ('a' - 'A')] = LOWER_LETTER;
    }
    for (char c = '0'; c <= '9'; c++) {
      ASCII_CLASS[c] = DIGIT;
    }
  }

  private static boolean isAscii(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  /** Cuts {@code text} into words. */
  public static TokenView of(String text) {
    return new TokenView(java.util.Objects.requireNonNull(text, "text"));
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
    String f = folded[i];
    if (f == null) {
      f = fold(norm, starts[i], ends[i]); // an ASCII word: lower-cased
      folded[i] = f;
    }
    return f;
  }

  /**
   * Whether {@link #folded(int) folded(i)} equals {@code s}, without making the folded form of an
   * ASCII word.
   */
  public boolean foldedEquals(int i, String s) {
    check(i);
    String f = folded[i];
    if (f != null) {
      return f.equals(s);
    }
    return ends[i] - starts[i] == s.length() && asciiFoldedStartsWith(i, s);
  }

  /**
   * Whether {@link #folded(int) folded(i)} starts with {@code prefix}, without making the folded
   * form of an ASCII word.
   */
  public boolean foldedStartsWith(int i, String prefix) {
    check(i);
    String f = folded[i];
    if (f != null) {
      return f.startsWith(prefix);
    }
    return ends[i] - starts[i] >= prefix.length() && asciiFoldedStartsWith(i, prefix);
  }

  /** The length of {@link #folded(int) folded(i)}. */
  public int foldedLength(int i) {
    check(i);
    String f = folded[i];
    return f != null ? f.length() : ends[i] - starts[i];
  }

  /** Character {@code k} of {@link #folded(int) folded(i)}. */
  public char foldedCharAt(int i, int k) {
    check(i);
    String f = folded[i];
    if (f != null) {
      return f.charAt(k);
    }
    if (k < 0 || k >= ends[i] - starts[i]) {
      throw new IndexOutOfBoundsException("character " + k + " of word " + i);
    }
    return lowerAscii(norm.charAt(starts[i] + k));
  }

  /** For an ASCII word not yet folded: whether its lower-cased characters start with {@code s}. */
  private boolean asciiFoldedStartsWith(int i, String s) {
    int from = starts[i];
    for (int k = 0; k < s.length(); k++) {
      if (lowerAscii(norm.charAt(from + k)) != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
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
    if (prevLength == 1 || isAbbreviation(k - 1)) {
      return false;
    }
    int next = norm.codePointAt(starts[k]);
    return Character.isUpperCase(next) || Character.isDigit(next);
  }

  /** {@link #hash} of each of {@link #ABBREVIATIONS}, sorted: most words need no folded form. */
  private static final long[] ABBREVIATION_HASHES =
      ABBREVIATIONS.stream().mapToLong(TokenView::hash).sorted().toArray();

  private boolean isAbbreviation(int i) {
    return java.util.Arrays.binarySearch(ABBREVIATION_HASHES, hashes[i]) >= 0
        && ABBREVIATIONS.contains(folded(i));
  }

  private void check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("word " + i + " of " + size);
    }
  }
}
