package dev.parley.query.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainPassageScorer} gives exactly Lucene's passage score (the same float bits): on fixed
 * sentences and on random ones, whose matches repeat words as equal bytes in distinct objects.
 */
class PlainPassageScorerTest {
  private static final PassageScorer LUCENE = new PassageScorer();
  private static final PassageScorer PLAIN = new PlainPassageScorer();

  @Test
  void aSentenceWithoutMatchesScoresZero() {
    Passage p = passage(0, 40);
    assertEquals(0f, PLAIN.score(p, 200));
    assertEquals(LUCENE.score(p, 200), PLAIN.score(p, 200));
  }

  @Test
  void repeatedWordsCountOnceWithTheirFrequency() {
    // "talks on talks with Korea": talks twice (2 in the whole text), korea once (5 in the text)
    Passage p = passage(12, 60);
    p.addMatch(12, 17, new BytesRef("talk"), 2);
    p.addMatch(21, 26, new BytesRef("talk"), 2);
    p.addMatch(32, 37, new BytesRef("korea"), 5);
    float expected =
        (float)
            ((0d
                    + LUCENE.tf(2, 48) * LUCENE.weight(300, 2)
                    + LUCENE.tf(1, 48) * LUCENE.weight(300, 5))
                * LUCENE.norm(12));
    assertEquals(expected, PLAIN.score(p, 300));
    assertEquals(LUCENE.score(p, 300), PLAIN.score(p, 300));
  }

  @Test
  void theFirstMatchOfAWordGivesItsFrequencyInTheText() {
    Passage p = passage(0, 30);
    p.addMatch(0, 4, new BytesRef("gulf"), 3);
    p.addMatch(10, 14, new BytesRef("gulf"), 9); // Lucene keeps the first one's
    assertEquals(LUCENE.score(p, 100), PLAIN.score(p, 100));
  }

  @Test
  void randomSentencesScoreAsLuceneScoresThem() {
    long seed = System.nanoTime();
    System.out.println("PlainPassageScorerTest seed " + seed);
    Random random = new Random(seed);
    String[] words = {"talk", "korea", "north", "entity#north-korea", "summit", "u.s", "gulf", "é"};
    for (int i = 0; i < 20_000; i++) {
      int start = random.nextInt(500);
      int end = start + 1 + random.nextInt(400);
      Passage p = passage(start, end);
      int matches = random.nextInt(30);
      int at = start;
      for (int m = 0; m < matches && at < end; m++) {
        int from = at + random.nextInt(Math.max(1, (end - at) / 4));
        int to = Math.min(end, from + 1 + random.nextInt(12));
        if (from > to) {
          break;
        }
        // A new BytesRef each time: equal words must be told by their bytes, not their identity.
        p.addMatch(
            from, to, new BytesRef(words[random.nextInt(words.length)]), 1 + random.nextInt(20));
        at = from;
      }
      int contentLength = end + random.nextInt(5000);
      int expected = Float.floatToIntBits(LUCENE.score(p, contentLength));
      int actual = Float.floatToIntBits(PLAIN.score(p, contentLength));
      int n = i;
      assertEquals(expected, actual, () -> "seed " + seed + ", passage " + n + ": " + p);
    }
  }

  private static Passage passage(int start, int end) {
    Passage p = new Passage();
    p.setStartOffset(start);
    p.setEndOffset(end);
    return p;
  }
}
