package dev.parley.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Passage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The article id is read back from the passage id when the passage stores none (schema 9). */
class PassageIdsTest {
  @Test
  void theArticleIdIsEverythingBeforeTheLastHash() {
    assertEquals("reut2-000.sgm:12", PassageIds.articleId("reut2-000.sgm:12#0-1"));
    // an app's own scheme may use '#' after the article id, which never contains one
    assertEquals("a", PassageIds.articleId("a#b#3-3:2"));
    assertEquals("", PassageIds.articleId("#0-0"));
    assertNull(PassageIds.articleId("no-hash"));
    assertNull(PassageIds.articleId(null));
    assertTrue(PassageIds.givesArticleId("a#b#3-3:2", "a"));
    assertFalse(PassageIds.givesArticleId("a#b#3-3:2", "a#b"));
    assertFalse(PassageIds.givesArticleId("p7", "a"));
    assertFalse(PassageIds.givesArticleId("ab#0-0", "a"));
  }

  @Test
  void everyIdParleyMakesGivesItsArticleBack() {
    long seed = System.nanoTime();
    System.out.println("PassageIdsTest seed " + seed);
    Random random = new Random(seed);
    String alphabet = "ab-:0é😀.,;";
    for (int i = 0; i < 10_000; i++) {
      StringBuilder id = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        id.appendCodePoint(
            alphabet.codePointAt(
                alphabet.offsetByCodePoints(
                    0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      }
      if (id.length() == 0) {
        id.append('x');
      }
      dev.parley.indexer.Article.checkId(id.toString());
      int from = random.nextInt(100);
      String passageId =
          Passage.id(id.toString(), from, from + random.nextInt(3), random.nextInt(3));
      assertTrue(
          PassageIds.givesArticleId(passageId, id.toString()), "seed " + seed + ": " + passageId);
    }
  }
}
