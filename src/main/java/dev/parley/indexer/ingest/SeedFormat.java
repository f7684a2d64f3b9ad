package dev.parley.indexer.ingest;

import dev.parley.indexer.Article;
import dev.parley.indexer.Paragraph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed text format ({@code .txt}): line 1 is {@code date YYYY-MM-DD } followed by the first
 * paragraph; paragraphs are blocks separated by blank lines. The article id is the file name
 * without its extension.
 *
 * <p>Thread safety: stateless, safe to share.
 */
public final class SeedFormat implements ArticleParser {

  /**
   * Largest article file read, in bytes (4 MiB, a hundred times a long news article); bigger files
   * are rejected before they are read, so one odd file cannot exhaust the heap.
   */
  public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  /** Earliest accepted article date. A fixed bound, so parsing never depends on the clock. */
  public static final LocalDate MIN_DATE = LocalDate.of(1800, 1, 1);

  /** Latest accepted article date. A fixed bound, so parsing never depends on the clock. */
  public static final LocalDate MAX_DATE = LocalDate.of(2100, 12, 31);

  /**
   * {@code date}, horizontal white space (any Unicode space, so a no-break space copied from a web
   * page is accepted), the date, and optionally more space and the first paragraph.
   */
  private static final Pattern DATE_LINE =
      Pattern.compile("date\\h+([^\\h]+)(?:\\h+(.*))?", Pattern.DOTALL);

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * An ISO-8601 date-time as news feeds send it (RFC 3339 and its relatives): date, {@code T} (or a
   * space), a time with optional seconds and fraction, and an optional offset ({@code Z}, {@code
   * +09:00}, {@code +0900}, {@code +09}).
   */
  private static final Pattern ISO_DATE_TIME =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?)"
              + "([Zz]|[+-]\\d{2}(?::?\\d{2})?)?");

  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  @Override
  public void parse(Path file, ArticleSink sink) throws IOException {
    String source = file.toString();
    long size = Files.size(file);
    byte[] bytes = null;
    if (size <= MAX_FILE_BYTES) {
      // Read at most one byte past the limit, in case the file grew since it was measured.
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      }
    }
    if (bytes == null || bytes.length > MAX_FILE_BYTES) {
      sink.reject(
          source,
          "file is "
              + Math.max(size, MAX_FILE_BYTES + 1)
              + " bytes, larger than the "
              + MAX_FILE_BYTES
              + "-byte limit for one article: split it into articles");
      return;
    }
    try {
      String id = idOf(file);
      sink.accept(parse(id, TextDecoding.decode(bytes), source));
    } catch (ArticleFormatException e) {
      sink.reject(source, e.getMessage());
    }
  }

  /** The article id of a seed file: its name without the extension. */
  static String idOf(Path file) throws ArticleFormatException {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String id = dot > 0 ? name.substring(0, dot) : name;
    try {
      Article.checkId(id);
    } catch (IllegalArgumentException e) {
      throw new ArticleFormatException(e.getMessage() + ": rename the file");
    }
    return id;
  }

  /**
   * Parses the decoded text of one seed-format article.
   *
   * @throws ArticleFormatException with the reason the text is not an article
   */
  public static Article parse(String id, String text, String source) throws ArticleFormatException {
    int newline = text.indexOf('\n');
    String first = (newline < 0 ? text : text.substring(0, newline)).strip();
    String rest = newline < 0 ? "" : text.substring(newline + 1);
    Matcher m = DATE_LINE.matcher(first);
    if (!m.matches()) {
      if (first.regionMatches(true, 0, "date", 0, 4)) {
        // Say what is wrong with a line that does start like a date line, so that the message
        // never reads "no date line ... found 'date 2020-...'".
        throw new ArticleFormatException(
            "malformed date line: line 1 must be 'date', a space, YYYY-MM-DD, a space, then the"
                + " first paragraph, found '"
                + abbreviate(first)
                + "'");
      }
      throw new ArticleFormatException(
          "no date line: line 1 must start with 'date YYYY-MM-DD ' then the first paragraph, found '"
              + abbreviate(first)
              + "'");
    }
    LocalDate date = parseDate(m.group(1));
    String lead = m.group(2) == null ? "" : m.group(2);
    List<Paragraph> paragraphs = Paragraphs.split(lead + "\n" + rest);
    if (paragraphs.isEmpty()) {
      throw new ArticleFormatException("no text after the date line");
    }
    Paragraphs.checkLengths(paragraphs);
    return new Article(id, date, null, paragraphs, source);
  }

  /**
   * Parses a date strictly: {@code YYYY-MM-DD}, or an ISO-8601 date-time ({@code
   * 2020-07-09T08:30:00Z}, {@code 2020-07-09T08:30:00.250+09:00}), of which the calendar date is
   * kept <em>as written</em>: the offset is checked but not applied, because the article's date is
   * the date of the place that published it ({@code 2020-07-09T23:30:00-05:00} is 9 July, not 10
   * July in UTC). The day must exist and lie from {@link #MIN_DATE} to {@link #MAX_DATE}; the time
   * and offset must be real too ({@code 25:00} and {@code +19:00} are rejected).
   *
   * @throws ArticleFormatException naming the bad value
   */
  /**
   * Why {@code day} (YYYY-MM-DD digits) names no day: a month outside 1-12 is named as such, not as
   * a missing day, so the fix (which field) is plain.
   */
  static String whyNoDay(String day) {
    int month = Integer.parseInt(day.substring(5, 7));
    return month < 1 || month > 12
        ? "no month " + day.substring(5, 7) + " (months are 01-12)"
        : "no such day";
  }

  public static LocalDate parseDate(String value) throws ArticleFormatException {
    String day = value;
    Matcher dateTime = ISO_DATE_TIME.matcher(value);
    if (dateTime.matches()) {
      day = dateTime.group(1);
      checkTime(value, dateTime.group(2), dateTime.group(3));
    } else if (!ISO_DATE.matcher(value).matches()) {
      throw new ArticleFormatException(
          "malformed date '"
              + abbreviate(value)
              + "': expected YYYY-MM-DD or an ISO-8601 date-time such as 2020-07-09T08:30:00Z");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(day, DATE);
    } catch (DateTimeParseException e) {
      throw new ArticleFormatException("impossible date " + value + ": " + whyNoDay(day));
    }
    if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
      throw new ArticleFormatException(
          "date "
              + value
              + " is out of range: article dates must be from "
              + MIN_DATE
              + " to "
              + MAX_DATE);
    }
    return date;
  }

  private static void checkTime(String value, String time, String offset)
      throws ArticleFormatException {
    try {
      LocalTime.parse(time.replace(',', '.'), DateTimeFormatter.ISO_LOCAL_TIME);
      if (offset != null && !offset.equalsIgnoreCase("z")) {
        String o = offset.length() == 3 ? offset : offset.replace(":", "");
        ZoneOffset.of(o.length() == 3 ? o : o.substring(0, 3) + ":" + o.substring(3));
      }
    } catch (DateTimeException e) {
      throw new ArticleFormatException("impossible date " + value + ": no such time or offset");
    }
  }

  /**
   * The start of {@code s} for a message, with every invisible or unusual separator character shown
   * as {@code \\uXXXX}, so that a message never seems to contradict itself over a character the
   * reader cannot see.
   */
  static String abbreviate(String s) {
    StringBuilder clean = new StringBuilder();
    for (int i = 0; i < s.length() && clean.length() < 40; ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      boolean invisible =
          type == Character.CONTROL
              || type == Character.FORMAT
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR
              || (type == Character.SPACE_SEPARATOR && c != ' ')
              || type == Character.UNASSIGNED
              || type == Character.PRIVATE_USE
              || type == Character.SURROGATE;
      if (invisible && c <= 0xFFFF) {
        clean.append(String.format("\\u%04X", c));
      } else if (invisible) {
        clean.append(String.format("\\U%08X", c));
      } else {
        clean.appendCodePoint(c);
      }
      if (clean.length() >= 40 && i < s.length()) {
        return clean + "…";
      }
    }
    return clean.toString();
  }
}
