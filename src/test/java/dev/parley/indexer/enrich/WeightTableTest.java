package dev.parley.indexer.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link WeightTable} finds exactly what a {@link HashMap} of the same keys finds, and its ranks
 * run in ascending key order, on random keys (seed printed; rerun with {@code -Dparley.seed=N}),
 * including 0, negative keys and keys that share their low bits.
 */
class WeightTableTest {
  @Test
  void findsWhatAMapFindsWithRanksInKeyOrder() {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "WeightTableTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      int topics = 1 + random.nextInt(4);
      int n = random.nextInt(round < 20 ? 5 : 3000);
      Map<Long, float[]> map = new HashMap<>();
      while (map.size() < n) {
        long key =
            switch (random.nextInt(4)) {
              case 0 -> random.nextInt(7) - 3; // small, 0 and negative
              case 1 -> ((long) random.nextInt(64)) << 40; // the same low bits
              default -> random.nextLong();
            };
        float[] w = new float[topics];
        for (int t = 0; t < topics; t++) {
          w[t] = random.nextInt(3) == 0 ? 0f : (float) random.nextGaussian();
        }
        map.put(key, w);
      }
      WeightTable table = new WeightTable(map, topics);
      assertEquals(map.size(), table.size(), "seed " + seed);
      for (Map.Entry<Long, float[]> e : map.entrySet()) {
        int rank = table.find(e.getKey());
        assertTrue(rank >= 0, "seed " + seed + ": key " + e.getKey());
        assertEquals(e.getKey(), table.key(rank), "seed " + seed);
        for (int t = 0; t < topics; t++) {
          assertEquals(e.getValue()[t], table.weight(rank, t), "seed " + seed);
          assertEquals(e.getValue()[t], table.weights()[rank * topics + t], "seed " + seed);
        }
      }
      for (int r = 1; r < table.size(); r++) {
        assertTrue(table.key(r - 1) < table.key(r), "seed " + seed + ": ranks in key order");
      }
      for (int k = 0; k < 200; k++) {
        long probe = random.nextBoolean() ? random.nextLong() : random.nextInt(9) - 4;
        assertEquals(
            map.containsKey(probe),
            table.find(probe) >= 0,
            "seed " + seed + ": absent key " + probe);
      }
    }
  }

  @Test
  void rejectsAKeyWithTheWrongNumberOfWeights() {
    assertThrows(
        IllegalArgumentException.class, () -> new WeightTable(Map.of(1L, new float[2]), 3));
    assertThrows(IllegalArgumentException.class, () -> new WeightTable(Map.of(), 0));
  }
}
