package dev.parley.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a UTF-8 text file (a byte-order mark is skipped; LF or CRLF ends a line), read
 * strictly: bytes that are not UTF-8 stop the read with the file and line number, never a {@code
 * MalformedInputException} without either (each line is decoded on its own, because a buffered
 * reader decodes ahead and would name an earlier line).
 *
 * <p>Thread safety: stateless.
 */
public final class Utf8Lines {
  private Utf8Lines() {}

  /**
   * Reads {@code file}'s lines.
   *
   * @throws IllegalArgumentException {@code file:line: not UTF-8: save the file as UTF-8}, or
   *     {@code file: is a directory, give a file}
   * @throws IOException if the file cannot be read
   */
  public static List<String> read(Path file) throws IOException {
    List<String> lines = readKeepingBadLines(file);
    int bad = lines.indexOf(null);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          file + ":" + (bad + 1) + ": not UTF-8: save the file as UTF-8");
    }
    return lines;
  }

  /**
   * Reads {@code file}'s lines, each decoded on its own, with null in place of a line that is not
   * UTF-8: for readers that report such a line with its number and go on with the others.
   *
   * @throws IllegalArgumentException {@code file: is a directory, give a file}
   * @throws IOException if the file cannot be read
   */
  public static List<String> readKeepingBadLines(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + ": is a directory, give a file");
    }
    byte[] bytes = Files.readAllBytes(file);
    List<String> lines = new ArrayList<>();
    int start =
        bytes.length >= 3
                && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF
            ? 3
            : 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
      try {
        lines.add(
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, stop - start))
                .toString());
      } catch (CharacterCodingException e) {
        lines.add(null);
      }
      start = end + 1;
    }
    return lines;
  }
}
