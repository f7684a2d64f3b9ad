package dev.parley.indexer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A news article as Parley indexes it: an id, a date, an optional title, and its paragraphs.
 *
 * <p>The article's text is its paragraphs joined by a blank line ({@code "\n\n"}); passage offsets
 * are offsets into that text, see {@link #text()} and {@link #paragraphStart(int)}.
 *
 * @param id the article id: 1 to 200 characters, no path separators, {@code #} or control
 *     characters
 * @param date the article date
 * @param title the title, or {@code null}
 * @param paragraphs the paragraphs, numbered 0, 1, 2, ... in order; at least one is body text
 * @param source where the article was read from, for messages (a file, or file:line)
 */
public record Article(
    String id, LocalDate date, String title, List<Paragraph> paragraphs, String source) {

  /** The separator between paragraphs in {@link #text()}. */
  public static final String PARAGRAPH_SEPARATOR = "\n\n";

  /** Longest accepted article id. */
  public static final int MAX_ID_LENGTH = 200;

  /** Validates the values and copies the paragraph list. */
  public Article {
    checkId(id);
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(source, "source");
    paragraphs = List.copyOf(paragraphs);
    for (int i = 0; i < paragraphs.size(); i++) {
      if (paragraphs.get(i).number() != i) {
        throw new IllegalArgumentException(
            "paragraphs must be numbered 0, 1, 2, ...; found "
                + paragraphs.get(i).number()
                + " at position "
                + i
                + " of article "
                + id);
      }
    }
    if (paragraphs.stream().allMatch(Paragraph::isHeading)) {
      throw new IllegalArgumentException("article " + id + " has no body text");
    }
    if (title != null && title.isBlank()) {
      title = null;
    }
  }

  /**
   * Checks that {@code id} can be an article id: not blank, at most {@value #MAX_ID_LENGTH}
   * characters, no leading or trailing space, and none of {@code / \ #} or control characters (ids
   * name files and are joined into passage ids with {@code #}).
   *
   * @throws IllegalArgumentException naming the bad character
   */
  public static void checkId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("article id is empty");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "article id is " + id.length() + " characters long, at most " + MAX_ID_LENGTH);
    }
    if (!id.strip().equals(id)) {
      throw new IllegalArgumentException("article id has leading or trailing spaces: '" + id + "'");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '/' || c == '\\' || c == '#' || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            String.format(
                "article id '%s' contains %s at position %d: ids may not contain / \\ # or control"
                    + " characters",
                printable(id),
                c < 32 || c == 127 ? String.format("U+%04X", (int) c) : "'" + c + "'",
                i));
      }
    }
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .forEach(cp -> b.append(Character.isISOControl(cp) ? "?" : Character.toString(cp)));
    return b.toString();
  }

  /** The article text: paragraphs joined by {@link #PARAGRAPH_SEPARATOR}. */
  public String text() {
    StringBuilder b = new StringBuilder();
    for (Paragraph p : paragraphs) {
      if (b.length() > 0) {
        b.append(PARAGRAPH_SEPARATOR);
      }
      b.append(p.text());
    }
    return b.toString();
  }

  /** Offset of paragraph {@code number}'s first character in {@link #text()}. */
  public int paragraphStart(int number) {
    Objects.checkIndex(number, paragraphs.size());
    int offset = 0;
    for (int i = 0; i < number; i++) {
      offset += paragraphs.get(i).text().length() + PARAGRAPH_SEPARATOR.length();
    }
    return offset;
  }

  /** The first body paragraph: the lead, which gives context to every passage of the article. */
  public Paragraph lead() {
    return paragraphs.stream().filter(p -> !p.isHeading()).findFirst().orElseThrow();
  }

  /**
   * SHA-256 (hex) of everything that is indexed: id, date, title and paragraphs with their kinds.
   * Two articles with the same hash index to the same documents.
   */
  public String contentHash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, id);
      update(digest, date.toString());
      update(digest, title == null ? "" : title);
      for (Paragraph p : paragraphs) {
        update(digest, p.kind().name());
        update(digest, p.text());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has SHA-256", e);
    }
  }

  private static void update(MessageDigest digest, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }
}
