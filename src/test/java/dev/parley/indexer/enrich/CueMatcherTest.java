package dev.parley.indexer.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.TokenView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The word rules of {@link Cue}s, on sentences written for each rule. */
class CueMatcherTest {

  private static int count(Cue cue, String text) {
    TokenView v = TokenView.of(text);
    return new CueMatcher(List.of(cue)).counts(v, Features.sentences(v))[0];
  }

  private static final Cue SUMMIT =
      new Cue(
          "summit-word",
          List.of("summit", "summits"),
          false,
          List.of("budget", "reached the"),
          List.of("petroleum", "corp", "of everest"),
          1,
          List.of(),
          10,
          1,
          0);

  @Test
  void contextWordsCancelAMatchOnlyRightNextToIt() {
    assertEquals(1, count(SUMMIT, "Leaders met at the summit in Venice."));
    assertEquals(0, count(SUMMIT, "Congress called a budget summit."));
    assertEquals(0, count(SUMMIT, "Summit Petroleum Corp reported a loss."));
    assertEquals(0, count(SUMMIT, "They reached the summit of Everest."));
    // Two words away is outside the window of 1: the budget word does not cancel.
    assertEquals(1, count(SUMMIT, "The budget and the summit were discussed."));
    // Each counted occurrence counts.
    assertEquals(2, count(SUMMIT, "One summit, then another summit."));
  }

  @Test
  void contextDoesNotReachAcrossASentenceEnd() {
    assertEquals(1, count(SUMMIT, "They cut the budget. Summit talks began."));
  }

  @Test
  void nearTermsAreRequiredWithinTheirWindowInTheSameSentence() {
    Cue retaliation =
        new Cue(
            "trade-retaliation",
            List.of("retaliat*"),
            false,
            List.of(),
            List.of(),
            1,
            List.of("tariffs", "imports"),
            5,
            1,
            0);
    assertEquals(1, count(retaliation, "Washington threatened retaliation with tariffs."));
    assertEquals(0, count(retaliation, "The army threatened retaliation after the raid."));
    assertEquals(0, count(retaliation, "Washington threatened retaliation. Tariffs rose."));
    assertEquals(
        0,
        count(retaliation, "Retaliation was threatened, said one of the many people, on imports."));
  }

  @Test
  void caseSensitiveTermsNeedTheirCapitalsExceptInAllCapsText() {
    Cue sec = new Cue("regulator", List.of("SEC", "Summit"), true, null, null, 1, null, 10, 1, 0);
    assertEquals(1, count(sec, "The SEC fined the firm."));
    assertEquals(0, count(sec, "Wait a sec, he said."));
    assertEquals(1, count(sec, "Summit Bancorp rose."));
    assertEquals(0, count(sec, "The summit ended."));
    assertEquals(1, count(sec, "THE SUMMIT OF LEADERS ENDED IN VENICE ON WEDNESDAY"));
  }

  @Test
  void prefixesAndPhrases() {
    Cue negotiation = Cue.of("negotiation", List.of("negotiat*", "peace talks"));
    assertEquals(1, count(negotiation, "Negotiators met."));
    assertEquals(1, count(negotiation, "The peace talks resumed."));
    assertEquals(0, count(negotiation, "The peace held; talks resumed."));
  }

  @Test
  void ratesAndCaps() {
    Cue twice = new Cue("twice", List.of("talks"), false, null, null, 1, null, 10, 2, 0);
    Features f = new Features(List.of(twice), dev.parley.analysis.Gazetteer.defaults());
    assertEquals(0.5f, f.named(TokenView.of("Talks went on."), List.of(), null).get("cue:twice"));
    assertEquals(
        1f,
        f.named(TokenView.of("Talks went on. More talks and talks."), List.of(), null)
            .get("cue:twice"));
  }

  @Test
  void badCuesAreRejectedWithTheirName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cue.of("x", List.of("high-level")));
    assertTrue(e.getMessage().startsWith("cue x: term 'high-level'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Cue.of("x", List.of("ne*")));
    assertEquals("cue x: prefix 'ne*' needs at least three letters", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Cue.of("Bad Name", List.of("a")));
    assertEquals(
        "cue name must be lower-case letters, digits and '-', got: 'Bad Name'", e.getMessage());
  }
}
