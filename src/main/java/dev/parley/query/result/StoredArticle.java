package dev.parley.query.result;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A whole article read back from the index, with the passages it was cut into: what an app needs to
 * show the article and mark the paragraphs of a hit ({@link Hit#from()} to {@link Hit#to()}).
 *
 * @param id the article id
 * @param date the article date
 * @param title the title, or {@code null}
 * @param paragraphs every paragraph, numbered from 0, as received
 * @param passages the article's passages in article order
 */
public record StoredArticle(
    String id,
    LocalDate date,
    String title,
    List<StoredArticle.Paragraph> paragraphs,
    List<StoredArticle.Span> passages) {

  /** Validates the values and copies the lists. */
  public StoredArticle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    paragraphs = List.copyOf(paragraphs);
    passages = List.copyOf(passages);
  }

  /**
   * One paragraph.
   *
   * @param number its number, from 0
   * @param text its text as received (not escaped: insert it into a page as text, never as HTML)
   * @param heading true for a section heading
   * @param start offset of its first character in the article text (paragraphs joined by a blank
   *     line), in UTF-16 code units, the unit of {@link Hit#start()}
   * @param end offset just past its last character
   */
  public record Paragraph(int number, String text, boolean heading, int start, int end) {
    /** Validates the values. */
    public Paragraph {
      Objects.requireNonNull(text, "text");
      if (number < 0 || start < 0 || end < start) {
        throw new IllegalArgumentException(
            "bad paragraph " + number + " [" + start + ", " + end + ")");
      }
    }
  }

  /**
   * Where one passage lies in the article.
   *
   * @param passageId the passage id, as in {@link Hit#passageId()}
   * @param from first paragraph (inclusive)
   * @param to last paragraph (inclusive)
   * @param start offset of the passage in the article text, UTF-16 code units
   * @param end offset just past the passage
   */
  public record Span(String passageId, int from, int to, int start, int end) {
    /** Validates the values. */
    public Span {
      Objects.requireNonNull(passageId, "passageId");
      if (from < 0 || to < from || start < 0 || end < start) {
        throw new IllegalArgumentException(
            "bad span of " + passageId + ": paragraphs " + from + "-" + to);
      }
    }
  }
}
