package dev.parley.indexer.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.TokenView;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Shared word lists ({@code @name} in a cue's term lists): one list of exceptions per kind, used by
 * every cue that needs it, in every topic.
 */
class SharedTermsTest {
  /** The words that name a sanction in any topic's cue terms. */
  private static final Set<String> SANCTION_WORDS =
      Set.of("sanction", "sanctions", "sanctioned", "sanctioning", "embargo", "embargoes");

  @Test
  void everyCueThatReadsSanctionsOrEmbargoInEveryTopicCarriesTheOneSharedExceptionList() {
    int checked = 0;
    for (TopicDefinition t : TopicModel.defaults().topics()) {
      for (Cue c : t.cues()) {
        boolean reads =
            c.terms().stream().anyMatch(SANCTION_WORDS::contains)
                || c.near().stream().anyMatch(SANCTION_WORDS::contains);
        if (reads) {
          checked++;
          assertTrue(
              c.notNear().contains("@non-state-sanctioners"),
              t.name() + " cue " + c.name() + " reads a sanction word without the shared list");
        }
      }
    }
    // diplomacy: sanctions; sanctions: sanctions-noun, embargo, sanction-verb, lift-or-impose
    assertTrue(checked >= 5, "cues checked: " + checked);
  }

  @Test
  void theSharedListCancelsAMatchLikeAWrittenOutList() {
    Cue shared =
        new Cue(
            "s",
            List.of("sanctions"),
            false,
            List.of(),
            List.of(),
            1,
            List.of(),
            10,
            1,
            0,
            List.of("@non-state-sanctioners"),
            15,
            List.of(),
            List.of(),
            10,
            List.of(),
            1,
            false);
    CueMatcher m = new CueMatcher(List.of(shared));
    for (String text :
        List.of(
            "The NBA announced sanctions against the Lakers for tampering.",
            "The football association handed the club severe sanctions.",
            "Britain's financial watchdog said it would impose sanctions on the bank.",
            "UEFA imposed sanctions on the club.",
            "The tennis federation lifted sanctions on the player.")) {
      assertEquals(0, count(m, text), text);
    }
    for (String text :
        List.of(
            "The EU imposed sanctions on the Russian Federation.",
            "The UN nuclear watchdog reported to the Security Council before sanctions were imposed.",
            "ASEAN, the Association of Southeast Asian Nations, weighed sanctions on Myanmar.")) {
      assertEquals(1, count(m, text), text);
    }
  }

  private static int count(CueMatcher m, String text) {
    TokenView v = TokenView.of(text);
    return m.counts(v, Features.sentences(v))[0];
  }

  @Test
  void anUnknownListIsRefusedNamingItAndTheFile() {
    String json =
        "{\"format\": 2, \"name\": \"x\", \"description\": \"d\", \"cues\": [{\"name\": \"c\","
            + " \"terms\": [\"a\"], \"notNear\": [\"@no-such-list\"]}]}";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TopicFiles.read(new StringReader(json), "mine.json"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "mine.json: not a topic definition (unknown shared term list"
                    + " '@no-such-list' (known: @non-state-sanctioners"),
        e.getMessage());
  }

  @Test
  void aTopicFileKeepsTheReferenceAsWritten() {
    String json =
        "{\"format\": 2, \"name\": \"x\", \"description\": \"d\", \"cues\": [{\"name\": \"c\","
            + " \"terms\": [\"a\"], \"notNear\": [\"@non-state-sanctioners\"]}]}";
    TopicDefinition t = TopicFiles.read(new StringReader(json), "mine.json");
    assertEquals(List.of("@non-state-sanctioners"), t.cues().get(0).notNear());
    assertTrue(TopicFiles.toJson(t).contains("\"@non-state-sanctioners\""));
  }
}
