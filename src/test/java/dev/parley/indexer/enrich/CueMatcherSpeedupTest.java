package dev.parley.indexer.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.TokenView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CueMatcher} counts exactly what the straightforward matcher ({@link CueMatcherReference})
 * counts, for the built-in model's cues, on random texts (seed printed; rerun with {@code
 * -Dparley.seed=N}) made of every term of every cue (words, phrases, prefixes, context words) in
 * every case, prefix words with endings, overlapping phrases and noise across sentence ends.
 */
class CueMatcherSpeedupTest {
  @Test
  void sameCountsAsTheStraightforwardMatcher() {
    Map<String, Cue> byName = new LinkedHashMap<>();
    for (TopicDefinition t : TopicModel.defaults().topics()) {
      t.cues().forEach(c -> byName.putIfAbsent(c.name(), c));
    }
    List<Cue> cues = new ArrayList<>(byName.values());
    CueMatcher fast = new CueMatcher(cues);
    CueMatcherReference reference = new CueMatcherReference(cues);
    List<String> terms = new ArrayList<>();
    for (Cue c : cues) {
      for (List<String> list :
          List.of(
              c.terms(),
              c.notBefore(),
              c.notAfter(),
              c.near(),
              c.notNear(),
              c.notBeforeUnless(),
              c.unless())) {
        for (String term : list) {
          terms.add(term.replace("*", "ing"));
          terms.add(term.replace("*", ""));
        }
      }
    }
    List<String> noise =
        List.of(
            "the", "on", "of", "said", "Summit", "Petroleum", "Corp", "in", "a", "U.S.", "1987");
    List<String> gaps = List.of(" ", " ", " ", ", ", ". ", "; ", "\n");
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "CueMatcherSpeedupTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    int counted = 0;
    for (int round = 0; round < 4000; round++) {
      StringBuilder b = new StringBuilder();
      int n = 1 + random.nextInt(25);
      for (int k = 0; k < n; k++) {
        String piece =
            random.nextInt(3) == 0
                ? noise.get(random.nextInt(noise.size()))
                : terms.get(random.nextInt(terms.size()));
        switch (random.nextInt(6)) {
          case 0 -> piece = piece.toUpperCase(Locale.ROOT);
          case 1 -> piece = Character.toUpperCase(piece.charAt(0)) + piece.substring(1);
          default -> {}
        }
        b.append(piece).append(gaps.get(random.nextInt(gaps.size())));
      }
      TokenView view = TokenView.of(b.toString());
      int[] sentence = Features.sentences(view);
      int[] expected = reference.counts(view, sentence);
      // Twice: the second call reuses the thread's scratch arrays.
      assertArrayEquals(expected, fast.counts(view, sentence), "seed " + seed + ": " + b);
      assertArrayEquals(expected, fast.counts(view, sentence), "seed " + seed + ": " + b);
      for (int c : expected) {
        counted += c;
      }
    }
    assertTrue(counted > 4000, "the texts match cues: " + counted);
  }
}
