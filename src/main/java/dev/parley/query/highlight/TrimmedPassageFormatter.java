package dev.parley.query.highlight;

import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;

/**
 * Lucene's {@link DefaultPassageFormatter} with each passage's leading and trailing white space
 * left out: a sentence boundary falls after the spaces that follow a sentence, so without this a
 * snippet would end with a space.
 *
 * <p>Thread safety: stateless beyond its settings, safe to share.
 */
final class TrimmedPassageFormatter extends DefaultPassageFormatter {
  TrimmedPassageFormatter(String pre, String post, String ellipsis, boolean escape) {
    super(pre, post, ellipsis, escape);
  }

  @Override
  public String format(Passage[] passages, String content) {
    for (Passage p : passages) {
      int start = p.getStartOffset();
      int end = p.getEndOffset();
      while (start < end && Character.isWhitespace(content.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
        end--;
      }
      // Matches are words, never white space, so they stay inside the trimmed range.
      p.setStartOffset(start);
      p.setEndOffset(end);
    }
    return super.format(passages, content);
  }
}
