package dev.parley.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Passage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The article id is read back from the passage id when the passage stores none (schema 8). */
class PassageIdsTest {
  @Test
  void theArticleIdIsEverythingBeforeTheLastHash() {
    assertEquals("reut2-000.sgm:12", PassageIds.articleId("reut2-000.sgm:12#0-1"));
    assertEquals("a#b", PassageIds.articleId("a#b#3-3:2"));
    assertEquals("", PassageIds.articleId("#0-0"));
    assertNull(PassageIds.articleId("no-hash"));
    assertNull(PassageIds.articleId((String) null));
    assertTrue(PassageIds.givesArticleId("a#b#3-3:2", "a#b"));
    assertFalse(PassageIds.givesArticleId("a#b#3-3:2", "a"));
    assertFalse(PassageIds.givesArticleId("p7", "a"));
    assertEquals("stored", PassageIds.articleId("stored", "a#0-0"));
    assertEquals("a", PassageIds.articleId(null, "a#0-0"));
  }

  @Test
  void everyIdParleyMakesGivesItsArticleBack() {
    long seed = System.nanoTime();
    System.out.println("PassageIdsTest seed " + seed);
    Random random = new Random(seed);
    String alphabet = "ab#-:0 é😀/\\.";
    for (int i = 0; i < 10_000; i++) {
      StringBuilder id = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        id.appendCodePoint(
            alphabet.codePointAt(
                alphabet.offsetByCodePoints(
                    0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      }
      int from = random.nextInt(100);
      String passageId =
          Passage.id(id.toString(), from, from + random.nextInt(3), random.nextInt(3));
      assertTrue(
          PassageIds.givesArticleId(passageId, id.toString()), "seed " + seed + ": " + passageId);
    }
  }
}
