package dev.parley.indexer;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A passage: the unit Parley ranks. One paragraph, a run of consecutive short paragraphs, or a
 * sentence-aligned window of a long paragraph; never more than one article.
 *
 * @param id unique id, {@code articleId#from-to}, plus {@code :w} for window w (from 1) of a long
 *     paragraph
 * @param articleId the article's id
 * @param date the article's date
 * @param ordinal position of the passage in its article, from 0
 * @param from first paragraph number covered (inclusive)
 * @param to last paragraph number covered (inclusive)
 * @param start offset of the first character in the article's {@link Article#text()}
 * @param end offset just past the last character in the article's text
 * @param heading the section heading above the passage, or {@code null}
 * @param text the passage text, equal to {@code article.text().substring(start, end)}
 */
public record Passage(
    String id,
    String articleId,
    LocalDate date,
    int ordinal,
    int from,
    int to,
    int start,
    int end,
    String heading,
    String text) {

  /** Validates the values. */
  public Passage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(text, "text");
    if (ordinal < 0 || from < 0 || to < from || start < 0 || end <= start) {
      throw new IllegalArgumentException(
          String.format(
              "bad passage %s: ordinal=%d paragraphs=[%d, %d] chars=[%d, %d)",
              id, ordinal, from, to, start, end));
    }
    if (text.length() != end - start) {
      throw new IllegalArgumentException(
          "passage " + id + " text length " + text.length() + " != end - start " + (end - start));
    }
  }

  /**
   * The passage id for paragraphs {@code from..to} of an article, and window {@code w} (0: none).
   */
  public static String id(String articleId, int from, int to, int window) {
    String id = articleId + "#" + from + "-" + to;
    return window == 0 ? id : id + ":" + window;
  }
}
