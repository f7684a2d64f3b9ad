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
 * replaced, because a silently altered article would be indexed wrong without anyone knowing. Line
 * endings CRLF and CR become LF.
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

  /** Replaces CRLF and lone CR by LF. */
  public static String normalizeLineEndings(String text) {
    if (text.indexOf('\r') < 0) {
      return text;
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
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
