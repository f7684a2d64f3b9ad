package dev.parley.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Makes case matter where it must: the country {@code US} is not the pronoun {@code us}.
 *
 * <p>Runs before lower-casing. An upper-case acronym ({@code US}, {@code U.S}; the tokenizer has
 * already dropped a final dot) whose lower-case form is an ordinary word ({@link #AMBIGUOUS}:
 * {@code us}, {@code un}, {@code who}, {@code is}, ...) becomes a dotted token ({@code u.s}) that
 * no ordinary word produces; every other dotted acronym loses its dots ({@code E.U} and {@code EU}
 * both become {@code EU}). Sentence-case {@code Us} and {@code Un} (as in Kim Jong Un) are left
 * alone.
 *
 * <p>Acronyms are never stemmed: an upper-case word of two or more letters ({@code ISIS}, {@code
 * NATO}, {@code U.S}) is marked as a keyword, so the stemmer leaves it whole and {@code ISIS} does
 * not meet Pakistan's {@code ISI}. The exception is text set in capitals: a word inside a run of at
 * least {@link #CAPS_RUN_WORDS} upper-case words (a headline, a TIME article, a query typed in
 * capitals) is an ordinary word in capitals and is stemmed as usual. The analyzer finds the runs
 * before tokenizing ({@link #capsRuns}) and hands them over with {@link #setCapsRuns}.
 *
 * <p>Inside a run of text set in capitals, an undotted ambiguous acronym ({@code TOLD US THAT},
 * {@code THE PRESIDENT, WHO ARRIVED}, {@code HIS CAR WAS}) is read as the ordinary word: case no
 * longer tells them apart there and the word is far the commoner. A dotted one ({@code U.S.}) is
 * still the acronym. Limit: a headline in capitals naming the country as {@code US} reads it as the
 * pronoun ({@link EntityTagger} makes the same choice).
 */
public final class AcronymFilter extends TokenFilter {
  /**
   * Acronyms whose lower-case form is a common word or name part. Found by counting, for every
   * one-word acronym of the default gazetteer, how often it occurs in capitals and how often its
   * lower-case form occurs as a word in the Reuters, AG News and UN debate corpora ({@code
   * scripts/ambiguous-acronyms}): {@code us} 8,062 against {@code US} 414, {@code who} 5,894
   * against 99, {@code car} 442 against 1; {@code UN}, {@code IS} and {@code AU} are name parts
   * ({@code Kim Jong Un}) or common words in other languages' quotations.
   */
  public static final Set<String> AMBIGUOUS = Set.of("US", "UN", "WHO", "IS", "AU", "CAR");

  /** Fewest upper-case words in a row that read as text set in capitals, not acronyms. */
  public static final int CAPS_RUN_WORDS = 3;

  /**
   * Most letters in an acronym (as {@code UNESCO}, {@code UNICEF}); a longer upper-case word is a
   * word set in capitals and is stemmed.
   */
  public static final int MAX_ACRONYM_LETTERS = 6;

  /**
   * The shape of a word for finding runs in capitals (what {@link #capsRuns} scans for; kept as the
   * specification its tests compare against).
   */
  static final String WORD_SHAPE = "[\\p{L}\\p{M}\\p{N}]+(?:[.'’][\\p{L}\\p{M}\\p{N}]+)*";

  private static final int[] NO_RUNS = new int[0];

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private int[] capsRuns = NO_RUNS;

  /** Wraps {@code input}. */
  public AcronymFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (isUpperCaseWord(term) && !inCapsRun(offset.startOffset())) {
      keyword.setKeyword(true); // an acronym: the stemmer must leave it whole
    }
    String undotted = undottedAcronym(term);
    if (undotted != null) {
      boolean dotted = undotted.length() != term.length();
      if (AMBIGUOUS.contains(undotted) && !dotted && inCapsRun(offset.startOffset())) {
        // In text set in capitals ("TOLD US THAT", "PRESIDENT, WHO ARRIVED") case no longer tells
        // the acronym from the word, and the word is far the commoner: an ordinary word.
        return true;
      }
      if (AMBIGUOUS.contains(undotted)) {
        term.setEmpty();
        for (int i = 0; i < undotted.length(); i++) {
          if (i > 0) {
            term.append('.');
          }
          term.append(Character.toLowerCase(undotted.charAt(i)));
        }
      } else if (undotted.length() != term.length()) {
        term.setEmpty().append(undotted);
      }
    }
    return true;
  }

  /**
   * Sets the character ranges (start, end pairs, sorted, in the offsets the tokenizer reports) of
   * the runs of text set in capitals, for the next input.
   */
  public void setCapsRuns(int[] runs) {
    this.capsRuns = runs == null ? NO_RUNS : runs;
  }

  private boolean inCapsRun(int start) {
    int i = Arrays.binarySearch(capsRuns, start);
    if (i >= 0) {
      return i % 2 == 0;
    }
    int insertion = -i - 1;
    return insertion % 2 == 1;
  }

  /**
   * The ranges of {@code text} covered by runs of at least {@link #CAPS_RUN_WORDS} upper-case words
   * (words without letters, like {@code 2019}, neither count nor break a run), as sorted start/end
   * pairs mapped through {@code toOffset}.
   */
  public static int[] capsRuns(String text, IntUnaryOperator toOffset) {
    int[] ascii = asciiCapsRuns(text);
    if (ascii != null) {
      if (ascii.length == 0) {
        return NO_RUNS;
      }
      for (int r = 0; r < ascii.length; r += 2) {
        ascii[r] = toOffset.applyAsInt(ascii[r]);
        // an end offset maps to just past the run's last character
        ascii[r + 1] = toOffset.applyAsInt(ascii[r + 1] - 1) + 1;
      }
      return ascii;
    }
    List<int[]> runs = new ArrayList<>();
    int runStart = -1;
    int runEnd = -1;
    int words = 0;
    int len = text.length();
    int i = 0;
    // One scan over the words (the matches of WORD_SHAPE, found by hand: the regular expression
    // was a fifth of the analyzer's time on news text).
    while (i < len) {
      char ch = text.charAt(i);
      if (ch < 128) {
        if (!ASCII_WORD[ch]) {
          i++;
          continue;
        }
      } else {
        int c = text.codePointAt(i);
        if (!isWordChar(c)) {
          i += Character.charCount(c);
          continue;
        }
      }
      int start = i;
      i = wordRunEnd(text, i);
      while (i + 1 < len) {
        char sep = text.charAt(i);
        if ((sep == '.' || sep == '\'' || sep == '’') && isWordChar(text.codePointAt(i + 1))) {
          i = wordRunEnd(text, i + 1);
        } else {
          break;
        }
      }
      int kind = caseOf(text, start, i);
      if (kind == 0) {
        continue;
      }
      if (kind > 0) {
        if (words == 0) {
          runStart = start;
        }
        words++;
        runEnd = i;
      } else {
        if (words >= CAPS_RUN_WORDS) {
          runs.add(new int[] {runStart, runEnd});
        }
        words = 0;
      }
    }
    if (words >= CAPS_RUN_WORDS) {
      runs.add(new int[] {runStart, runEnd});
    }
    if (runs.isEmpty()) {
      return NO_RUNS;
    }
    int[] out = new int[runs.size() * 2];
    for (int r = 0; r < runs.size(); r++) {
      out[2 * r] = toOffset.applyAsInt(runs.get(r)[0]);
      // an end offset maps to just past the run's last character
      out[2 * r + 1] = toOffset.applyAsInt(runs.get(r)[1] - 1) + 1;
    }
    return out;
  }

  /**
   * {@link #capsRuns} of a text all in ASCII (start, end pairs, not mapped), or null as soon as a
   * character beyond ASCII is met. One pass with a table: in ASCII a word character is a letter or
   * digit, a lower-case letter is {@code a-z}, and the joining marks are {@code .} and {@code '}.
   * Every character is visited by the scan (between words or in one), so a text with any character
   * beyond ASCII always goes to the general scan. The analyzer finds the runs of every text it
   * reads, and a sliced article's analysis needs them again: the general scan decoded code points
   * and read each word three times, a tenth of analysis time on news text.
   */
  static int[] asciiCapsRuns(String text) {
    int[] runs = null;
    int count = 0;
    int runStart = -1;
    int runEnd = -1;
    int words = 0;
    int len = text.length();
    int i = 0;
    while (i < len) {
      char c = text.charAt(i);
      if (c >= 128) {
        return null;
      }
      if (!ASCII_WORD[c]) {
        i++;
        continue;
      }
      int start = i;
      boolean lower = false;
      boolean letter = false;
      while (true) {
        while (i < len) { // a run of word characters
          c = text.charAt(i);
          if (c >= 128) {
            return null;
          }
          if (!ASCII_WORD[c]) {
            break;
          }
          if (c >= 'a') {
            lower = true;
          } else if (c >= 'A') {
            letter = true;
          }
          i++;
        }
        // joined to the next run by a dot or apostrophe followed by a word character
        if (i + 1 < len && (c == '.' || c == '\'')) {
          char next = text.charAt(i + 1);
          if (next < 128 && ASCII_WORD[next]) {
            i++;
            continue;
          }
        }
        break;
      }
      if (lower) {
        if (words >= CAPS_RUN_WORDS) {
          if (runs == null) {
            runs = new int[4];
          } else if (count == runs.length) {
            runs = Arrays.copyOf(runs, count * 2);
          }
          runs[count++] = runStart;
          runs[count++] = runEnd;
        }
        words = 0;
      } else if (letter) {
        if (words == 0) {
          runStart = start;
        }
        words++;
        runEnd = i;
      }
    }
    if (words >= CAPS_RUN_WORDS) {
      if (runs == null) {
        runs = new int[2];
      } else if (count == runs.length) {
        runs = Arrays.copyOf(runs, count + 2);
      }
      runs[count++] = runStart;
      runs[count++] = runEnd;
    }
    return runs == null ? NO_RUNS : Arrays.copyOf(runs, count);
  }

  /** The end of the run of word characters ({@code [\p{L}\p{M}\p{N}]+}) starting at {@code i}. */
  private static int wordRunEnd(String text, int i) {
    int len = text.length();
    while (i < len) {
      char ch = text.charAt(i);
      if (ch < 128) { // ASCII, nearly all news text: a table, no code point decoding
        if (!ASCII_WORD[ch]) {
          break;
        }
        i++;
        continue;
      }
      int c = text.codePointAt(i);
      if (!isWordChar(c)) {
        break;
      }
      i += Character.charCount(c);
    }
    return i;
  }

  /** Whether each ASCII character is a word character ({@link #isWordChar}). */
  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII_WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
  }

  /** A letter, mark or number: {@code [\p{L}\p{M}\p{N}]}. */
  static boolean isWordChar(int c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    int type = Character.getType(c);
    return switch (type) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  /** 1 for a word with letters, all upper case; -1 for one with a lower-case letter; 0 without. */
  private static int caseOf(String text, int from, int to) {
    boolean letters = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 128) { // what Character's tests say of ASCII, without their look-ups
        if (c >= 'a' && c <= 'z') {
          return -1;
        }
        letters |= c >= 'A' && c <= 'Z';
        continue;
      }
      if (Character.isLowerCase(c)) {
        return -1;
      }
      letters |= Character.isLetter(c);
    }
    return letters ? 1 : 0;
  }

  /**
   * An acronym's shape: 2 to {@link #MAX_ACRONYM_LETTERS} letters, none lower case ({@code ISIS},
   * {@code U.S}, {@code UNESCO}; not {@code G20}, one letter, nor {@code SANCTIONS}, a word set in
   * capitals for emphasis).
   */
  static boolean isUpperCaseWord(CharSequence token) {
    int letters = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false; // a letter without case (CJK, Arabic): not an acronym
        }
        letters++;
      }
    }
    return letters >= 2 && letters <= MAX_ACRONYM_LETTERS;
  }

  /**
   * The acronym without dots if the token is one ({@code US}, {@code U.S}, {@code USA}: 2 to 6
   * upper-case ASCII letters, optionally separated by single dots), else null.
   */
  static String undottedAcronym(CharSequence token) {
    int n = token.length();
    if (n < 2 || n > 11) {
      return null;
    }
    // Most tokens fail at once: an acronym starts with a capital and goes on with a capital or a
    // dot. Checked first so that ordinary words make no String (this ran on every token).
    char first = token.charAt(0);
    char second = token.charAt(1);
    if (first < 'A' || first > 'Z' || (second != '.' && (second < 'A' || second > 'Z'))) {
      return null;
    }
    StringBuilder letters = new StringBuilder(6);
    boolean dotted = token.toString().indexOf('.') >= 0;
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (dotted && i % 2 != 0) {
          return null;
        }
        letters.append(c);
      } else if (c == '.' && dotted && i % 2 == 1) {
        continue;
      } else {
        return null;
      }
    }
    return letters.length() >= 2 && letters.length() <= 6 ? letters.toString() : null;
  }
}
