package dev.parley.indexer.ingest;

import dev.parley.indexer.Article;
import dev.parley.indexer.Paragraph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

  private static final Pattern DATE_LINE = Pattern.compile("date[ \\t]+(\\S+)(?:[ \\t]+(.*))?");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
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
   * Parses a {@code YYYY-MM-DD} date strictly: a real day from {@link #MIN_DATE} to {@link
   * #MAX_DATE}.
   *
   * @throws ArticleFormatException naming the bad value
   */
  public static LocalDate parseDate(String value) throws ArticleFormatException {
    if (!ISO_DATE.matcher(value).matches()) {
      throw new ArticleFormatException(
          "malformed date '" + abbreviate(value) + "': expected YYYY-MM-DD");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value, DATE);
    } catch (DateTimeParseException e) {
      throw new ArticleFormatException("impossible date " + value + ": no such day");
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

  static String abbreviate(String s) {
    String clean =
        s.codePoints()
            .map(c -> Character.isISOControl(c) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return clean.length() <= 40 ? clean : clean.substring(0, 40) + "…";
  }
}
