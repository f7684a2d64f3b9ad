package dev.parley.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TermMemory} finds what was put and nothing else: words whose hashes collide (the
 * polynomial hash gives "Aa" and "BB" the same value, and so every word built of them), the empty
 * word, words that grow the table and the pool, and a clear; then random words against a {@link
 * HashMap} (seed printed).
 */
class TermMemoryTest {
  @Test
  void collidingWordsAreToldApart() {
    TermMemory m = new TermMemory(4);
    String[] words = {"Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", ""};
    assertEquals(TermMemory.hash("Aa".toCharArray(), 2), TermMemory.hash("BB".toCharArray(), 2));
    for (String w : words) {
      assertEquals(-1, find(m, w), w);
      m.put(w.toCharArray(), w.length(), TermMemory.hash(w.toCharArray(), w.length()), term(w));
    }
    assertEquals(words.length, m.size());
    for (String w : words) {
      assertEquals(new String(term(w)), termOf(m, w), w);
    }
    assertEquals(-1, find(m, "AaA"));
    assertEquals(-1, find(m, "Ab"));
    m.clear();
    assertEquals(0, m.size());
    for (String w : words) {
      assertEquals(-1, find(m, w), w);
    }
  }

  @Test
  void randomWordsAreFoundAsAMapFindsThem() {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println("TermMemoryTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    TermMemory m = new TermMemory(16);
    Map<String, String> expected = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int len = random.nextInt(12);
      for (int k = 0; k < len; k++) {
        b.append(
            random.nextInt(5) == 0
                ? (char) (0x400 + random.nextInt(64))
                : "AaBbz".charAt(random.nextInt(5)));
      }
      String w = b.toString();
      if (expected.containsKey(w)) {
        assertEquals(expected.get(w), termOf(m, w), "seed " + seed + ": " + w);
      } else {
        assertEquals(-1, find(m, w), "seed " + seed + ": " + w);
        char[] t = term(w);
        m.put(w.toCharArray(), w.length(), TermMemory.hash(w.toCharArray(), w.length()), t);
        expected.put(w, new String(t));
      }
    }
    assertEquals(expected.size(), m.size());
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), termOf(m, e.getKey()), "seed " + seed);
    }
    assertTrue(expected.size() > 1000, "enough distinct words to grow the table");
  }

  private static char[] term(String w) {
    return ("t" + w.toLowerCase(java.util.Locale.ROOT) + w.length()).toCharArray();
  }

  private static int find(TermMemory m, String w) {
    return m.find(w.toCharArray(), w.length(), TermMemory.hash(w.toCharArray(), w.length()));
  }

  private static String termOf(TermMemory m, String w) {
    int at = find(m, w);
    assertTrue(at >= 0, w);
    return new String(m.pool(), m.termStart(at), m.termLength(at));
  }
}
