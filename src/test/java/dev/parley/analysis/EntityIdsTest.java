package dev.parley.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link EntityTagger#ids} (a loop since the stream it replaced ran for every passage indexed)
 * gives what the stream gave: distinct ids in order of first mention, for short lists (searched as
 * a list) and long ones (through a set); fixed cases and random lists (seed printed).
 */
class EntityIdsTest {
  private static List<String> reference(List<Mention> mentions) {
    return mentions.stream().map(Mention::entityId).distinct().toList();
  }

  private static Mention m(String id) {
    return new Mention(id, Mention.Kind.NAME, 0, 1);
  }

  @Test
  void distinctIdsInOrderOfFirstMention() {
    assertEquals(List.of(), EntityTagger.ids(List.of()));
    assertEquals(
        List.of("Q30", "Q148", "Q159"),
        EntityTagger.ids(List.of(m("Q30"), m("Q148"), m("Q30"), m("Q159"), m("Q148"))));
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println("EntityIdsTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    for (int round = 0; round < 2000; round++) {
      List<Mention> mentions = new ArrayList<>();
      int n = random.nextInt(round % 2 == 0 ? 20 : 60);
      int kinds = 1 + random.nextInt(30);
      for (int k = 0; k < n; k++) {
        mentions.add(m("Q" + random.nextInt(kinds)));
      }
      assertEquals(reference(mentions), EntityTagger.ids(mentions), "seed " + seed);
    }
  }
}
