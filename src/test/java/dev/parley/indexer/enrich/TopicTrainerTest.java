package dev.parley.indexer.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.Gazetteer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The topic trainer's cross-validation on generated texts whose answer is known. */
class TopicTrainerTest {
  private static final String[] TOPIC_WORDS = {"treaty", "ratified", "arms", "warheads", "verify"};
  private static final String[] OTHER_WORDS = {
    "market",
    "shares",
    "weather",
    "football",
    "harvest",
    "rain",
    "profit",
    "match",
    "the",
    "a",
    "said",
    "on",
    "today",
    "price",
    "team"
  };

  /** 400 texts from 200 articles; a quarter are about arms control and use its words. */
  private static List<LabelledText> texts(Random random) {
    List<LabelledText> out = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      boolean about = random.nextInt(4) == 0;
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < 12; k++) {
        boolean topical = about && random.nextInt(3) == 0;
        String[] pool = topical ? TOPIC_WORDS : OTHER_WORDS;
        b.append(pool[random.nextInt(pool.length)]).append(' ');
      }
      out.add(
          new LabelledText(
              "art" + (i / 2) + "#" + (i % 2),
              b.toString(),
              about ? Set.of("arms") : Set.of(),
              Set.of("arms")));
    }
    return out;
  }

  private static TopicTrainer.Result train(List<LabelledText> texts) {
    TopicDefinition arms =
        new TopicDefinition(
            "arms", "arms control", 0.5, 0, List.of(Cue.of("treaty", List.of("treaty"))), null);
    return TopicTrainer.train(
            List.of(arms),
            Gazetteer.defaults(),
            texts,
            new TopicTrainer.Options(List.of(1.0, 4.0), 5, 2, Map.of(), 0.1))
        .get(0);
  }

  @Test
  void learnsTheTopicAndFallsToChanceOnShuffledLabels() {
    long seed = System.nanoTime();
    System.out.println("TopicTrainerTest seed " + seed);
    Random random = new Random(seed);
    List<LabelledText> texts = texts(random);
    TopicTrainer.Result real = train(texts);
    assertTrue(real.crossValidated().f1() > 0.9, "seed " + seed + ": " + real.crossValidated());

    // The same texts with the labels shuffled: nothing links words to labels any more.
    List<Set<String>> labels = new ArrayList<>(texts.stream().map(LabelledText::labels).toList());
    Collections.shuffle(labels, random);
    List<LabelledText> shuffled = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      LabelledText t = texts.get(i);
      shuffled.add(new LabelledText(t.id(), t.text(), labels.get(i), t.judged()));
    }
    TopicTrainer.Scores s = train(shuffled).crossValidated();
    double p = (s.truePositives() + s.falseNegatives()) / (double) s.examples();
    // Chance level: labelling everything gives F1 2p / (1 + p) (0.4 at p = 0.25), the most a
    // classifier without information can expect; allow sampling noise on 400 texts.
    double chance = 2 * p / (1 + p);
    assertTrue(s.f1() < chance + 0.1, "seed " + seed + ": F1 " + s.f1() + ", chance " + chance);
    assertTrue(s.f1() < real.crossValidated().f1() - 0.3, "seed " + seed);
  }

  /**
   * A prior is where the penalty pulls a weight: a feature no row has keeps exactly its prior, and
   * a feature the data speaks against ends between the prior and what the data alone gives.
   */
  @Test
  void aPriorIsWhereThePenaltyPullsTheWeight() {
    // rows: feature 0 on negatives only; feature 1 on no row
    int[][] index = {{0}, {0}, {}, {}};
    float[][] value = {{1f}, {1f}, {}, {}};
    boolean[] labels = {false, false, true, true};
    int[] rows = {0, 1, 2, 3};
    double[] penalty = {1, 1};
    double[] noPrior =
        LogisticRegression.fit(
            new LogisticRegression.Rows(index, value, 2, penalty), rows, labels, 1);
    double[] withPrior =
        LogisticRegression.fit(
            new LogisticRegression.Rows(index, value, 2, penalty, new double[] {2, 3}),
            rows,
            labels,
            1);
    assertEquals(0, noPrior[2], 1e-9);
    assertEquals(3, withPrior[2], 1e-9);
    assertTrue(noPrior[1] < 0, "the data speaks against feature 0: " + noPrior[1]);
    assertTrue(withPrior[1] > noPrior[1] && withPrior[1] < 2, "between: " + withPrior[1]);
  }

  @Test
  void trainingIsDeterministicAndFoldsKeepArticlesTogether() {
    List<LabelledText> texts = texts(new Random(42));
    TopicTrainer.Result a = train(texts);
    List<LabelledText> reversed = new ArrayList<>(texts);
    Collections.reverse(reversed);
    TopicTrainer.Result b = train(reversed);
    assertEquals(a.trained(), b.trained());
    assertEquals(a.crossValidated(), b.crossValidated());
    assertEquals(
        TopicTrainer.foldOf("art7", 5, 0), TopicTrainer.foldOf("art7", 5, 0), "a pure function");
  }

  @Test
  void overSampledTextsAreReweightedToTheNaturalShare() {
    boolean[] labels = {true, true, false, false, true, false, false, false};
    boolean[] natural = {false, false, false, false, true, true, true, true};
    double[] w = TopicTrainer.sampleWeights(labels, natural, 0.25);
    // Over-sampled part: half positive; natural share 0.25 -> positives 0.5, negatives 1.5.
    assertEquals(0.5, w[0], 1e-12);
    assertEquals(1.5, w[2], 1e-12);
    assertEquals(1.0, w[4], 1e-12);
  }
}
