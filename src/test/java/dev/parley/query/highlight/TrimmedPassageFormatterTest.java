package dev.parley.query.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Ellipses only where text was left out; no white space at either end. */
class TrimmedPassageFormatterTest {
  private static final String TEXT =
      "Mr. Smith said talks would continue. He added that the envoy met officials. "
          + "Markets were calm. The envoy flew home. ";

  private static Passage sentence(String sentence, String match) {
    Passage p = new Passage();
    int start = TEXT.indexOf(sentence);
    p.setStartOffset(start);
    // A sentence boundary falls after the spaces that follow it.
    int end = start + sentence.length();
    while (end < TEXT.length() && TEXT.charAt(end) == ' ') {
      end++;
    }
    p.setEndOffset(end);
    int m = TEXT.indexOf(match, start);
    p.addMatch(m, m + match.length(), new BytesRef(match), 1);
    return p;
  }

  private static String format(Passage... passages) {
    return new TrimmedPassageFormatter("<em>", "</em>", " … ", false).format(passages, TEXT);
  }

  @Test
  void adjacentSentencesAreJoinedAsWritten() {
    assertEquals(
        "Mr. Smith said <em>talks</em> would continue. He added that the <em>envoy</em> met"
            + " officials.",
        format(
            sentence("Mr. Smith said talks would continue.", "talks"),
            sentence("He added that the envoy met officials.", "envoy")));
  }

  @Test
  void sentencesApartAreJoinedByAnEllipsis() {
    assertEquals(
        "Mr. Smith said <em>talks</em> would continue. … The <em>envoy</em> flew home.",
        format(
            sentence("Mr. Smith said talks would continue.", "talks"),
            sentence("The envoy flew home.", "envoy")));
  }

  @Test
  void aSingleSentenceHasNoSpaceAtEitherEnd() {
    assertEquals("<em>Markets</em> were calm.", format(sentence("Markets were calm.", "Markets")));
  }
}
