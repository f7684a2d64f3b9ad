package dev.parley.indexer.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()} (ended by LF, CRLF or CR), but never
 * holds more than {@code maxChars} characters of one line: a longer line is read to its end and
 * returned without its text, so a file that is one huge line cannot exhaust the heap.
 *
 * <p>Thread safety: not thread-safe; one reader per file.
 */
final class BoundedLineReader {
  /**
   * One line.
   *
   * @param text the line without its terminator, or {@code null} if it was longer than the limit
   * @param length the line's length in characters
   */
  record Line(String text, long length) {}

  private final Reader in;
  private final int maxChars;
  private final char[] buffer = new char[8192];
  private int pos;
  private int end;
  private boolean skipLf;

  BoundedLineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line, or {@code null} at the end of the input. */
  Line next() throws IOException {
    StringBuilder text = new StringBuilder();
    long length = 0;
    boolean started = false;
    while (true) {
      if (pos == end) {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
          return started ? line(text, length) : null;
        }
        pos = 0;
        end = n;
      }
      char c = buffer[pos++];
      if (skipLf) {
        skipLf = false;
        if (c == '\n') {
          continue; // the LF of a CRLF that ended the previous line
        }
      }
      started = true;
      if (c == '\n') {
        return line(text, length);
      }
      if (c == '\r') {
        skipLf = true;
        return line(text, length);
      }
      length++;
      if (length <= maxChars) {
        text.append(c);
      } else if (text.length() > 0) {
        text = new StringBuilder(); // drop what was kept: the line is rejected anyway
      }
    }
  }

  private Line line(StringBuilder text, long length) {
    return new Line(length <= maxChars ? text.toString() : null, length);
  }
}
