package dev.parley.indexer;

import java.util.Objects;

/**
 * One paragraph of an article: its number (from 0, as the input numbers them), its text (lines
 * joined with single spaces, trimmed), and whether it is body text or a section heading.
 *
 * @param number the paragraph number, from 0
 * @param text the paragraph text, never blank
 * @param kind body or heading
 */
public record Paragraph(int number, String text, Kind kind) {

  /** What a paragraph is. */
  public enum Kind {
    /** Ordinary text. */
    BODY,
    /** A short standalone line such as {@code – Birthday banquet –} that titles what follows. */
    HEADING
  }

  /** Validates the values. */
  public Paragraph {
    if (number < 0) {
      throw new IllegalArgumentException("paragraph number must be >= 0, got: " + number);
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    if (text.isBlank()) {
      throw new IllegalArgumentException("paragraph " + number + " is blank");
    }
  }

  /**
   * The text as a heading label: without the dashes or bullets that decorate it in the input
   * ({@code – Birthday banquet –} gives {@code Birthday banquet}).
   */
  public String label() {
    String label = text.replaceAll("^[\\p{Pd}•*#=~\\s]+|[\\p{Pd}•*#=~\\s]+$", "");
    return label.isEmpty() ? text : label;
  }

  /** True for a section heading. */
  public boolean isHeading() {
    return kind == Kind.HEADING;
  }
}
