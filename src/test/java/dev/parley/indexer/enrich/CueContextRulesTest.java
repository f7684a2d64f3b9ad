package dev.parley.indexer.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.TokenView;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The context rules added in topic model 2.3 ({@code notNear}, {@code notBeforeUnless} with {@code
 * unless}, {@code notInName}, {@code countOf} with {@code minCount}), each on sentences written for
 * the rule.
 */
class CueContextRulesTest {

  private static int[] counts(List<Cue> cues, String text) {
    TokenView v = TokenView.of(text);
    return new CueMatcher(cues).counts(v, Features.sentences(v));
  }

  private static int count(Cue cue, String text) {
    return counts(List.of(cue), text)[0];
  }

  private static Cue cue(
      String name,
      List<String> terms,
      List<String> notNear,
      int notNearWindow,
      List<String> notBeforeUnless,
      List<String> unless,
      int unlessWindow,
      boolean notInName) {
    return new Cue(
        name,
        terms,
        true,
        List.of(),
        List.of(),
        4,
        List.of(),
        10,
        1,
        0,
        notNear,
        notNearWindow,
        notBeforeUnless,
        unless,
        unlessWindow,
        List.of(),
        1,
        notInName);
  }

  private static Cue countOf(String name, List<String> of, int minCount) {
    return new Cue(
        name, List.of(), false, List.of(), List.of(), 1, List.of(), 10, 1, 60, List.of(), 10,
        List.of(), List.of(), 10, of, minCount, false);
  }

  @Test
  void notNearCancelsOnEitherSideWithinItsWindowAndSentenceOnly() {
    Cue c =
        cue(
            "noun",
            List.of("sanctions"),
            List.of("SEC", "regulators"),
            15,
            List.of(),
            List.of(),
            10,
            false);
    // 11 words between the regulator and the match: beyond notBefore's reach, within notNear's.
    assertEquals(
        0,
        count(
            c,
            "The SEC, after a two-year investigation into the firm's accounting, imposed"
                + " sanctions on the auditor."));
    assertEquals(0, count(c, "Sanctions on the broker were imposed by regulators."));
    assertEquals(1, count(c, "The SEC met on Monday. Sanctions on Iran were tightened."));
    assertEquals(
        1,
        count(
            c,
            "The SEC said one two three four five six seven eight nine ten eleven twelve"
                + " thirteen fourteen fifteen sanctions."));
    // Case-sensitive: "sec" in lower case is not the regulator.
    assertEquals(1, count(c, "Within a sec the sanctions were imposed."));
  }

  @Test
  void softCancellationsAreUndoneByAnUnlessTermAfterTheMatch() {
    Cue c =
        cue(
            "summit",
            List.of("summit"),
            List.of(),
            10,
            List.of("after"),
            List.of("signed", "agreed"),
            12,
            false);
    assertEquals(0, count(c, "Nakasone might step down after the Venice summit."));
    assertEquals(1, count(c, "After the summit, Trump and Kim signed a joint statement."));
    assertEquals(
        1,
        count(c, "After the summit in Singapore, Trump said Kim had agreed to dismantle a site."));
    // The outcome word before the match is the clause's own news: the summit stays a date.
    assertEquals(0, count(c, "Japan signed a fishing deal with Korea the day after the summit."));
    // Not across a sentence end.
    assertEquals(0, count(c, "Prices fell after the summit. Dealers agreed."));
    assertThrows(
        IllegalArgumentException.class,
        () -> cue("x", List.of("summit"), List.of(), 10, List.of(), List.of("signed"), 10, false));
  }

  @Test
  void aCapitalisedMatchThatBeginsANameDoesNotCount() {
    Cue c = cue("summit", List.of("summit"), List.of(), 10, List.of(), List.of(), 10, true);
    assertEquals(0, count(c, "Summit Materials agreed to buy a cement maker."));
    assertEquals(0, count(c, "Shares of Summit Hotel Properties rose."));
    assertEquals(0, count(c, "The Summit Group said profits rose."));
    assertEquals(1, count(c, "Summit talks began in Geneva."));
    assertEquals(1, count(c, "Leaders left the G7 Summit early."));
    assertEquals(1, count(c, "The Summit of the Americas opened in Panama."));
    assertEquals(1, count(c, "The Venice Summit Declaration was signed."));
    assertEquals(1, count(c, "The summit ended on Monday."));
    // Text all in capitals has no names to tell.
    assertEquals(2, count(c, "SUMMIT MATERIALS AND THE SUMMIT"));
  }

  @Test
  void countOfSumsTheNamedCuesWithTheirExceptionsAndMinCount() {
    Cue noun =
        new Cue(
            "noun",
            List.of("sanctions"),
            false,
            List.of("federal reserve"),
            List.of(),
            6,
            List.of(),
            10,
            1,
            0);
    Cue embargo =
        new Cue(
            "embargo",
            List.of("embargo"),
            false,
            List.of("news"),
            List.of(),
            1,
            List.of(),
            10,
            1,
            0);
    Cue density = countOf("density", List.of("noun", "embargo"), 2);
    List<Cue> cues = List.of(noun, embargo, density);
    // One lone word is no density.
    assertEquals(0, counts(cues, "The EU imposed sanctions on Russia.")[2]);
    assertEquals(2, counts(cues, "The embargo and the sanctions stay.")[2]);
    // The nouns' exceptions hold for the density too.
    assertEquals(0, counts(cues, "The Federal Reserve imposed sanctions under a news embargo.")[2]);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Cue(
                "d",
                List.of("x"),
                false,
                null,
                null,
                1,
                null,
                10,
                1,
                0,
                null,
                10,
                null,
                null,
                10,
                List.of("noun"),
                1,
                false));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CueMatcher(List.of(countOf("d", List.of("missing"), 1))));
  }

  @Test
  void topicFilesCarryTheNewRulesAndNameABadCountOf() {
    String ok =
        "{\"format\": 2, \"name\": \"x\", \"cues\": [{\"name\": \"n\", \"terms\": [\"a\"],"
            + " \"notNear\": [\"b\"], \"notNearWindow\": 5, \"notBeforeUnless\": [\"c\"],"
            + " \"unless\": [\"d\"], \"unlessWindow\": 7, \"notInName\": true},"
            + " {\"name\": \"m\", \"countOf\": [\"n\"], \"minCount\": 2}]}";
    TopicDefinition t = TopicFiles.read(new java.io.StringReader(ok), "ok.json");
    Cue n = t.cues().get(0);
    assertEquals(List.of("b"), n.notNear());
    assertEquals(5, n.notNearWindow());
    assertEquals(List.of("c"), n.notBeforeUnless());
    assertEquals(7, n.unlessWindow());
    assertTrue(n.notInName());
    assertEquals(2, t.cues().get(1).minCount());
    assertEquals(t, TopicFiles.read(new java.io.StringReader(TopicFiles.toJson(t)), "again.json"));
    String bad =
        "{\"format\": 2, \"name\": \"x\", \"cues\": [{\"name\": \"m\","
            + " \"countOf\": [\"nope\"]}]}";
    assertEquals(
        "c.json: not a topic definition (topic x: cue m counts nope, which is not a cue of this"
            + " topic with terms of its own)",
        assertThrows(
                IllegalArgumentException.class,
                () -> TopicFiles.read(new java.io.StringReader(bad), "c.json"))
            .getMessage());
  }

  /** Property: adding context rules never adds matches (seeded random texts). */
  @Test
  void contextRulesOnlyEverRemoveMatches() {
    long seed = new Random().nextLong();
    System.out.println("CueContextRulesTest seed " + seed);
    Random r = new Random(seed);
    String[] words = {
      "summit",
      "Summit",
      "after",
      "the",
      "signed",
      "Materials",
      "SEC",
      "sanctions",
      "said",
      ".",
      "talks",
      "Venice",
      "of"
    };
    Cue plain =
        cue("p", List.of("summit", "sanctions"), List.of(), 10, List.of(), List.of(), 10, false);
    Cue ruled =
        cue(
            "r",
            List.of("summit", "sanctions"),
            List.of("SEC"),
            8,
            List.of("after"),
            List.of("signed"),
            6,
            true);
    for (int n = 0; n < 500; n++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + r.nextInt(25);
      for (int i = 0; i < len; i++) {
        sb.append(words[r.nextInt(words.length)]).append(' ');
      }
      String text = sb.toString();
      int[] c = counts(List.of(plain, ruled), text);
      assertTrue(c[1] <= c[0], "seed " + seed + ": " + text);
    }
  }
}
