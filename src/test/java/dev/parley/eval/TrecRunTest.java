package dev.parley.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Run lines keep six whitespace-separated fields whatever the document id holds. */
class TrecRunTest {
  @Test
  void whitespaceInsideAnIdIsPercentEncoded() {
    // Review finding: an article id with a space ("x y", accepted by the indexer) gave run lines
    // of seven fields, which trec_eval misreads.
    assertEquals("x%20y", TrecRun.documentId("x y"));
    assertEquals("x%20y#0-0", TrecRun.documentId("x y#0-0"));
    assertEquals("a%C2%A0b", TrecRun.documentId("a\u00a0b"));
    assertEquals("a%E2%80%83b%0Bc", TrecRun.documentId("a\u2003b\u000bc"));
    assertEquals("reuters-00001#2-3", TrecRun.documentId("reuters-00001#2-3"));
    assertEquals("héllo%E3%80%80wörld", TrecRun.documentId("héllo\u3000wörld"));
  }

  @Test
  void randomIdsNeverHoldWhitespaceAndPlainOnesStayAsTheyAre() {
    long seed = System.nanoTime();
    System.out.println("TrecRunTest seed " + seed);
    Random random = new Random(seed);
    String alphabet = "ab#-_.%é \u00a0\u2003\u3000\u000b\u200b1";
    for (int n = 0; n < 2000; n++) {
      StringBuilder id = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        id.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String out = TrecRun.documentId(id.toString());
      assertFalse(
          out.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)),
          "seed " + seed + ": " + out);
      if (id.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
        assertEquals(id.toString(), out, "seed " + seed);
      }
    }
  }
}
