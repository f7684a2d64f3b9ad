package dev.parley.analysis;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Removes the invisible format characters that only change how a word is displayed, with offset
 * correction, so {@code nego\u00ADti\u00ADations} is the word {@code negotiations} while offsets
 * still index the text as received.
 *
 * <p>What is removed (Unicode's {@code Default_Ignorable_Code_Point} set):
 *
 * <ul>
 *   <li>always: soft hyphen U+00AD, word joiner U+2060, zero-width no-break space / BOM U+FEFF,
 *       bidirectional marks and controls (U+200E, U+200F, U+061C, U+202A..U+202E, isolates
 *       U+2066..U+2069), invisible operators U+2061..U+2064, variation selectors, the combining
 *       grapheme joiner and the other default-ignorable code points;
 *   <li>only inside a word of an alphabetic script that never needs them (Latin, Greek, Cyrillic
 *       letters and digits on both sides): zero-width space U+200B, zero-width non-joiner U+200C
 *       and zero-width joiner U+200D. Elsewhere they are kept, because there they carry meaning:
 *       ZWNJ and ZWJ shape Persian, Arabic and Indic words and join emoji sequences, and ZWSP marks
 *       word boundaries in Thai, Khmer and Burmese text.
 * </ul>
 *
 * <p>The whole input is read when the filter is built (passages, contexts and queries are short; an
 * article is at most 4 MiB), which also lets the analyzer look at the text before tokenizing.
 *
 * <p>Thread safety: a char filter belongs to one token stream.
 */
public final class FormatCharFilter extends BaseCharFilter {
  private final String output;
  private int pos;

  /**
   * Reads {@code in} to the end and removes its format characters.
   *
   * @throws UncheckedIOException if {@code in} fails (never for a string)
   */
  public FormatCharFilter(Reader in) {
    super(in);
    String text = readAll(in);
    if (!hasRemovable(text)) {
      output = text;
      return;
    }
    StringBuilder out = new StringBuilder(text.length());
    int removed = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int n = Character.charCount(c);
      if (isRemoved(text, i, c)) {
        removed += n;
        addOffCorrectMap(out.length(), removed);
      } else {
        out.appendCodePoint(c);
      }
      i += n;
    }
    output = out.toString();
  }

  /** The text after removal (what the tokenizer reads). */
  public String text() {
    return output;
  }

  /** True if {@code text} has a character this filter might remove. */
  static boolean hasRemovable(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0xAD && (c == 0xAD || c >= 0x34F) && isIgnorable(Character.codePointAt(text, i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isIgnorable(int c) {
    return UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
  }

  private static boolean isContextual(int c) {
    return c == 0x200B || c == 0x200C || c == 0x200D;
  }

  private static boolean isRemoved(String text, int at, int c) {
    if (!isIgnorable(c)) {
      return false;
    }
    if (!isContextual(c)) {
      return true;
    }
    return isPlainWordChar(neighbour(text, at, -1)) && isPlainWordChar(neighbour(text, at, +1));
  }

  /** The nearest code point before or after {@code at} that is not default-ignorable, or -1. */
  private static int neighbour(String text, int at, int direction) {
    int i = at;
    while (true) {
      if (direction < 0) {
        if (i == 0) {
          return -1;
        }
        int c = text.codePointBefore(i);
        i -= Character.charCount(c);
        if (!isIgnorable(c)) {
          return c;
        }
      } else {
        i += Character.charCount(text.codePointAt(i));
        if (i >= text.length()) {
          return -1;
        }
        int c = text.codePointAt(i);
        if (!isIgnorable(c)) {
          return c;
        }
      }
    }
  }

  /** A letter, mark or digit of a script in which ZWSP, ZWJ and ZWNJ only affect display. */
  private static boolean isPlainWordChar(int c) {
    if (c < 0) {
      return false;
    }
    if (Character.isDigit(c)) {
      return true;
    }
    if (!Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.LATIN
        || script == Character.UnicodeScript.GREEK
        || script == Character.UnicodeScript.CYRILLIC
        || script == Character.UnicodeScript.INHERITED;
  }

  private static String readAll(Reader in) {
    // Into a char array, then one String: StringBuilder.append(char[]) copies char by char into a
    // Latin-1 builder, which was a sixth of the analyzer's time on news text.
    try {
      char[] buf = new char[1024];
      int n = 0;
      for (int r; (r = in.read(buf, n, buf.length - n)) != -1; ) {
        n += r;
        if (n == buf.length) {
          buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
      }
      return new String(buf, 0, n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int read(char[] cbuf, int off, int len) {
    if (pos >= output.length()) {
      return -1;
    }
    int n = Math.min(len, output.length() - pos);
    output.getChars(pos, pos + n, cbuf, off);
    pos += n;
    return n;
  }
}
