package dev.parley.query.highlight;

import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;

/**
 * Lucene's {@link DefaultPassageFormatter} with each passage's leading and trailing white space
 * left out: a sentence boundary falls after the spaces that follow a sentence, so without this a
 * snippet would end with a space. Sentences that follow each other in the text (nothing but white
 * space between them) are joined as they are written, never with an ellipsis, which would say that
 * something was left out.
 *
 * <p>Thread safety: stateless beyond its settings, safe to share.
 */
final class TrimmedPassageFormatter extends DefaultPassageFormatter {
  TrimmedPassageFormatter(String pre, String post, String ellipsis, boolean escape) {
    super(pre, post, ellipsis, escape);
  }

  /** Formats {@code passages}, which the highlighter hands over in text order. */
  @Override
  public String format(Passage[] passages, String content) {
    int n = passages.length;
    boolean[] joinsNext = new boolean[n];
    for (int i = 0; i + 1 < n; i++) {
      int end = passages[i].getEndOffset();
      int next = passages[i + 1].getStartOffset();
      joinsNext[i] = end <= next && content.substring(end, next).isBlank();
    }
    for (int i = 0; i < n; i++) {
      Passage p = passages[i];
      int start = p.getStartOffset();
      int end = p.getEndOffset();
      if (i == 0 || !joinsNext[i - 1]) {
        while (start < end && Character.isWhitespace(content.charAt(start))) {
          start++;
        }
      }
      if (joinsNext[i]) {
        // Up to the next sentence, so the formatter sees them connected and adds no ellipsis.
        end = passages[i + 1].getStartOffset();
      } else {
        while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
          end--;
        }
      }
      // Matches are words, never white space, so they stay inside the trimmed range.
      p.setStartOffset(start);
      p.setEndOffset(end);
    }
    return super.format(passages, content);
  }
}
