package dev.parley.indexer.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.EntityTagger;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import dev.parley.analysis.TokenView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped topic model on sentences written for its known failure kinds (none of them is in the
 * training or dev files), its explanations, and the agreement of its fast scoring with its named
 * features.
 */
class TopicModelTest {
  private static final TopicModel MODEL = TopicModel.defaults();
  private static final EntityTagger TAGGER = new EntityTagger(Gazetteer.defaults());

  private static List<String> labels(String text) {
    TokenView v = TokenView.of(text);
    return MODEL.labels(MODEL.score(v, TAGGER.tag(v), null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Summit Petroleum Corp said first-quarter profit rose 12 pct on higher oil prices.",
        "Summit Bancorp agreed to acquire a New Jersey savings bank for 40 mln dlrs.",
        "Congressional leaders and the White House agreed to hold a budget summit next week.",
        "The climbers reached the summit of Everest on Tuesday after a three-day ascent.",
        "The company's shares reached the summit of their range before falling back."
      })
  void trapsAreNotSummits(String text) {
    assertFalse(labels(text).contains("summits"), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The SEC imposed sanctions on the broker for failing to supervise its traders.",
        "The league imposed sanctions on the club after the match.",
        "Regulators said the exchange would face sanctions over late filings."
      })
  void regulatorsSanctionsAreNotSanctions(String text) {
    assertFalse(labels(text).contains("sanctions"), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Prime Minister Nakasone will travel to Washington next week for talks with President"
            + " Reagan on trade friction.",
        "King Hussein of Jordan began a state visit to France on Monday and held talks with"
            + " President Mitterrand.",
        "Chancellor Kohl arrived in Moscow on Sunday for a four-day official visit and talks with"
            + " Soviet leader Mikhail Gorbachev."
      })
  void stateVisitsWithTalksAreSummits(String text) {
    assertTrue(labels(text).contains("summits"), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Dealers expect the dollar to stay firm until the day after the Venice economic summit"
            + " ends.",
        "Analysts said Nakasone might step down after the Venice summit in June.",
        "Traders said oil prices would be steady before the Toronto summit, with stocks ahead of"
            + " the holiday."
      })
  void aSummitNamedOnlyAsADateIsNotASummit(String text) {
    assertFalse(labels(text).contains("summits"), text);
  }

  @Test
  void realSummitsAndSanctionsAreFound() {
    assertTrue(
        labels(
                "Leaders of the Group of Seven industrial nations opened their annual economic"
                    + " summit in Venice on Monday.")
            .contains("summits"));
    assertTrue(
        labels(
                "The United States imposed sanctions on Iran over its nuclear programme, freezing"
                    + " the assets of its central bank.")
            .contains("sanctions"));
  }

  @Test
  void unRhetoricWithoutAConcreteRelationIsNotDiplomacy() {
    assertFalse(
        labels(
                "We believe that the United Nations must remain at the heart of our efforts, and"
                    + " we call on all partners to work together for a better future for"
                    + " humanity.")
            .contains("diplomacy"));
  }

  @Test
  void explanationListsNamedContributionsLargestFirstAndAddsUpToTheScore() {
    String text = "King Hussein began a state visit to France and held talks with Mitterrand.";
    TokenView v = TokenView.of(text);
    List<Mention> mentions = TAGGER.tag(v);
    TopicModel.Explanation all = MODEL.explain("summits", v, mentions, null, 10_000);
    double z = all.bias();
    for (TopicModel.Contribution c : all.top()) {
      assertTrue(c.feature().matches("(w|p|cue|ent|ctx:w|ctx:cue):.+"), c.feature());
      z += c.contribution();
    }
    assertEquals(all.score(), 1 / (1 + Math.exp(-z)), 1e-4);
    TopicModel.Explanation top = MODEL.explain("summits", v, mentions, null, 3);
    assertEquals(3, top.top().size());
    assertEquals(all.top().subList(0, 3), top.top());
    for (int i = 1; i < top.top().size(); i++) {
      assertTrue(
          Math.abs(top.top().get(i - 1).contribution())
              >= Math.abs(top.top().get(i).contribution()));
    }
    assertTrue(
        all.top().stream().anyMatch(c -> c.feature().startsWith("cue:")), "a cue contributes");
    assertTrue(
        all.top().stream().anyMatch(c -> c.feature().startsWith("ent:")), "an entity pattern");
    assertEquals(all.score() >= MODEL.topics().get(2).threshold(), all.labelled());
  }

  /** Scoring by hashed keys gives the same score as adding up the named features. */
  @Test
  void fastScoringAgreesWithNamedFeaturesOnRandomText() {
    long seed = System.nanoTime();
    System.out.println("TopicModelTest seed " + seed);
    Random random = new Random(seed);
    String[] words = {
      "summit",
      "leaders",
      "talks",
      "sanctions",
      "Iran",
      "China",
      "the",
      "visit",
      "President",
      "budget",
      "embargo",
      "U.S.",
      "met",
      "agreed",
      "trade",
      "war",
      "UN",
      "we",
      "Venice",
      ".",
      "treaty",
      "after",
      "Summit",
      "Petroleum",
      "Corp",
      "tariffs",
      "retaliation"
    };
    for (int round = 0; round < 200; round++) {
      StringBuilder text = new StringBuilder();
      StringBuilder context = new StringBuilder();
      for (int k = random.nextInt(40); k > 0; k--) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      for (int k = random.nextInt(10); k > 0; k--) {
        context.append(words[random.nextInt(words.length)]).append(' ');
      }
      TokenView v = TokenView.of(text.toString());
      TokenView c = random.nextBoolean() ? TokenView.of(context.toString()) : null;
      List<Mention> mentions = TAGGER.tag(v);
      Map<String, Float> scores = MODEL.score(v, mentions, c);
      for (String topic : MODEL.names()) {
        TopicModel.Explanation e = MODEL.explain(topic, v, mentions, c, 100_000);
        double z = e.bias();
        for (TopicModel.Contribution part : e.top()) {
          z += part.contribution();
        }
        assertEquals(scores.get(topic), 1 / (1 + Math.exp(-z)), 1e-4, "seed " + seed + ": " + text);
      }
    }
  }

  @Test
  void versionNamesTheFormatAndChangesWithAnyWeight() {
    TopicDefinition summits = MODEL.topics().get(2);
    TopicModel same = TopicModel.builder(Gazetteer.defaults()).addDefaults().build();
    assertEquals(MODEL.version(), same.version());
    assertTrue(MODEL.version().matches("topics/2:[0-9a-f]{16}"), MODEL.version());
    Map<String, Double> w = new HashMap<>(summits.weights());
    w.put("cue:summit-word", w.get("cue:summit-word") + 0.001);
    TopicModel retrained =
        TopicModel.builder(Gazetteer.defaults())
            .addDefaults()
            .add(summits.withModel(summits.threshold(), summits.bias(), w))
            .build();
    assertEquals(MODEL.names(), retrained.names());
    assertNotEquals(MODEL.version(), retrained.version());
  }
}
