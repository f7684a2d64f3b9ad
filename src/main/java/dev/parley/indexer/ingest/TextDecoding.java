package dev.parley.indexer.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of an article file into text, strictly.
 *
 * <p>Policy: UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read;
 * a NUL byte marks a binary file and invalid UTF-8 is rejected with the byte offset, never
 * replaced, because a silently altered article would be indexed wrong without anyone knowing.
 *
 * <p>Line and paragraph separators ({@link #normalizeLineEndings}): CRLF, CR, NEL (U+0085), LINE
 * SEPARATOR (U+2028) and VT (U+000B) end a line; PARAGRAPH SEPARATOR (U+2029) and FF (U+000C, a
 * page break) end a paragraph, like a blank line.
 */
public final class TextDecoding {
  private TextDecoding() {}

  /**
   * Decodes {@code bytes}.
   *
   * @throws ArticleFormatException if the bytes are empty, binary or not valid text
   */
  public static String decode(byte[] bytes) throws ArticleFormatException {
    if (bytes.length == 0) {
      throw new ArticleFormatException("empty file");
    }
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      skip = 3;
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    }
    if (charset == StandardCharsets.UTF_8) {
      for (int i = skip; i < bytes.length; i++) {
        if (bytes[i] == 0) {
          throw new ArticleFormatException(
              "binary file (NUL byte at offset " + i + "): articles must be UTF-8 text");
        }
      }
    }
    String text = decodeStrict(bytes, skip, charset);
    if (charset != StandardCharsets.UTF_8 && text.indexOf('\0') >= 0) {
      throw new ArticleFormatException("binary file (NUL character): articles must be text");
    }
    return normalizeLineEndings(text);
  }

  private static String decodeStrict(byte[] bytes, int skip, Charset charset)
      throws ArticleFormatException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    try {
      CharBuffer out = decoder.decode(in);
      return out.toString();
    } catch (CharacterCodingException e) {
      throw new ArticleFormatException(
          "invalid "
              + charset.name()
              + " at byte "
              + firstBadByte(bytes, skip, charset)
              + ": save the file as UTF-8");
    }
  }

  /** Finds the offset of the first undecodable byte, for the message. */
  private static int firstBadByte(byte[] bytes, int skip, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return in.position();
  }

  /**
   * Makes every Unicode line break LF and every paragraph break a blank line: CRLF, CR, NEL
   * (U+0085), LINE SEPARATOR (U+2028) and VT (U+000B) become {@code \n}; PARAGRAPH SEPARATOR
   * (U+2029) and FF (U+000C) become {@code \n\n}. A line break inside a paragraph is joined with a
   * space later, so the article text keeps every word; the separators only shape paragraphs.
   */
  public static String normalizeLineEndings(String text) {
    int i = 0;
    int n = text.length();
    while (i < n && !isBreak(text.charAt(i))) {
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> {
          out.append('\n');
          if (i + 1 < n && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\u0085', '\u2028', '\u000B' -> out.append('\n');
        case '\u2029', '\f' -> out.append("\n\n");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isBreak(char c) {
    return c == '\r'
        || c == '\u0085'
        || c == '\u2028'
        || c == '\u000B'
        || c == '\u2029'
        || c == '\f';
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
