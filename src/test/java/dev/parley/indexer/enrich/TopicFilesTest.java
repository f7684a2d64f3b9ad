package dev.parley.indexer.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.Gazetteer;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicFilesTest {

  @Test
  void builtInTopicsRoundTripThroughTheFormat() {
    for (TopicDefinition t : TopicModel.defaults().topics()) {
      String json = TopicFiles.toJson(t);
      assertEquals(t, TopicFiles.read(new StringReader(json), "x.json"));
      assertTrue(json.contains("\"format\": 2"), json.substring(0, 40));
    }
  }

  @Test
  void priorsRoundTripAndAreOnlyForCuratedFeaturesThatExist() {
    assertEquals(
        Map.of("ent:head-travels-to-country", 3.0), TopicModel.defaults().topics().get(2).priors());
    String ok =
        "{\"format\": 2, \"name\": \"x\", \"priors\": {\"ent:head-travels-to-country\": 2.5}}";
    TopicDefinition t = TopicFiles.read(new StringReader(ok), "ok.json");
    assertEquals(Map.of("ent:head-travels-to-country", 2.5), t.priors());
    assertEquals(t, TopicFiles.read(new StringReader(TopicFiles.toJson(t)), "again.json"));
    assertEquals(
        "w.json: not a topic definition (topic x: a prior is for a cue or entity pattern"
            + " (cue:NAME, ent:NAME, ctx:cue:NAME), got: w:summit)",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    TopicFiles.read(
                        new StringReader(
                            "{\"format\": 2, \"name\": \"x\", \"priors\": {\"w:summit\": 1}}"),
                        "w.json"))
            .getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    TopicFiles.read(
                        new StringReader(
                            "{\"format\": 2, \"name\": \"x\", \"priors\": {\"ent:no-such\": 1}}"),
                        "e.json"))
            .getMessage()
            .startsWith(
                "e.json: not a topic definition (topic x: prior for ent:no-such but there"));
  }

  @Test
  void oldRegexFormatIsRejectedInOneLineThatSaysHowToConvert() {
    String old =
        "{\"name\": \"arms\", \"description\": \"d\", \"threshold\": 0.5, \"bias\": -1,"
            + " \"features\": [{\"name\": \"treaty\", \"pattern\": \"\\\\btreaty\\\\b\","
            + " \"weight\": 1.0}]}";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TopicFiles.read(new StringReader(old), "topics/arms.json"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "topics/arms.json: a topic file in the old format 1 (regular-expression"
                    + " \"features\")"),
        e.getMessage());
    assertTrue(e.getMessage().contains("parley tune-topics --topics DIR"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void everyFileThatSaysOrLooksFormatOneGetsTheConversionMessage() {
    String features = "\"features\": [{\"name\": \"t\", \"pattern\": \"treaty\"}]";
    for (String old :
        List.of(
            "{\"format\": 1, \"name\": \"arms\", " + features + "}",
            "{\"format\": 1, \"name\": \"arms\"}",
            "{\"format\": \"1\", \"name\": \"arms\"}",
            "{\"format\": 1.0, \"name\": \"arms\"}",
            "{\"name\": \"arms\", \"features\": []}")) {
      String message =
          assertThrows(
                  IllegalArgumentException.class,
                  () -> TopicFiles.read(new StringReader(old), "t/arms.json"))
              .getMessage();
      assertTrue(
          message.startsWith("t/arms.json: a topic file in the old format 1 (regular-expression"),
          old + " -> " + message);
      assertTrue(message.contains("parley tune-topics --topics DIR"), message);
    }
    // A file that says format 2 is not called format 1: its "features" key is named.
    String mixed = "{\"format\": 2, \"name\": \"arms\", " + features + "}";
    String message =
        assertThrows(
                IllegalArgumentException.class,
                () -> TopicFiles.read(new StringReader(mixed), "t/arms.json"))
            .getMessage();
    assertTrue(
        message.startsWith(
            "t/arms.json: \"features\" is the old format 1's list of regular expressions, which"
                + " this Parley no longer reads; convert it:"),
        message);
  }

  @Test
  void otherBadFilesNameTheSourceAndTheProblem() {
    assertEquals(
        "a.json: not a topic definition (\"format\" must be 2, got: 3)",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    TopicFiles.read(new StringReader("{\"format\": 3, \"name\": \"x\"}"), "a.json"))
            .getMessage());
    String unknownFeature = "{\"format\": 2, \"name\": \"x\", \"weights\": {\"regex:foo\": 1.0}}";
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> TopicFiles.read(new StringReader(unknownFeature), "b.json"))
            .getMessage()
            .startsWith("b.json: not a topic definition (feature 'regex:foo' is not w:WORD"));
    String missingCue = "{\"format\": 2, \"name\": \"x\", \"weights\": {\"cue:nope\": 1.0}}";
    assertEquals(
        "c.json: not a topic definition (topic x: weight for cue:nope but no such cue is defined)",
        assertThrows(
                IllegalArgumentException.class,
                () -> TopicFiles.read(new StringReader(missingCue), "c.json"))
            .getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> TopicFiles.read(new StringReader("{\"format\": 2,"), "d.json"))
            .getMessage()
            .startsWith("d.json: not valid JSON (the file ends before the JSON is complete"));
  }

  /** Keys the format does not have would be dropped silently and erased by tune-topics --out. */
  @Test
  void misspelledKeysAreRefusedNamingTheKeyAndWhere() {
    String cue =
        "{\"format\": 2, \"name\": \"x\", \"cues\": [{\"name\": \"a\", \"terms\": [\"a\"]},"
            + " {\"name\": \"b\", \"terms\": [\"b\"], \"notbefore\": [\"news\"]}]}";
    assertEquals(
        "f.json: not a topic definition (unknown key \"notbefore\" in cue 2 (known: cap,"
            + " caseSensitive, countOf, minCount, name, near, nearWindow, notAfter, notBefore,"
            + " notBeforeUnless, notInName, notNear, notNearWindow, perWords, terms, unless,"
            + " unlessWindow, window))",
        assertThrows(
                IllegalArgumentException.class,
                () -> TopicFiles.read(new StringReader(cue), "f.json"))
            .getMessage());
    String top = "{\"format\": 2, \"name\": \"x\", \"weigths\": {}}";
    assertEquals(
        "g.json: not a topic definition (unknown key \"weigths\" (known: bias, cues, description,"
            + " format, name, priors, threshold, weights))",
        assertThrows(
                IllegalArgumentException.class,
                () -> TopicFiles.read(new StringReader(top), "g.json"))
            .getMessage());
  }

  /** A weight no passage can ever have would be read, never fire, and vanish on retraining. */
  @Test
  void weightsThatCanNeverFireAreRefused() {
    for (String[] c :
        new String[][] {
          {"w:Treaty", "it is not one folded word"},
          {"w:foo bar", "it is not one folded word"},
          {"ctx:w:Gen\u00e8ve", "it is not one folded word"},
          {"w:", "it is not one folded word"},
          {"p:arms  control", "it is not two folded words"},
          {"p:Arms control", "it is not two folded words"},
          {"ent:nosuch", "there is no such entity pattern"},
        }) {
      String json = "{\"format\": 2, \"name\": \"x\", \"weights\": {\"" + c[0] + "\": 1.0}}";
      String message =
          assertThrows(
                  IllegalArgumentException.class,
                  () -> TopicFiles.read(new StringReader(json), "h.json"))
              .getMessage();
      assertTrue(
          message.startsWith(
              "h.json: not a topic definition (topic x: weight for " + c[0] + " but " + c[1]),
          message);
    }
    String fine =
        "{\"format\": 2, \"name\": \"x\", \"weights\": {\"w:treaty\": 1.0, \"p:arms control\":"
            + " 0.5, \"ctx:w:geneve\": 0.2, \"w:1987\": 0.1, \"ent:country\": 0.3}}";
    assertEquals(5, TopicFiles.read(new StringReader(fine), "i.json").weights().size());
  }

  @Test
  void anUntrainedTopicReadsButDoesNotScore() {
    TopicDefinition t =
        TopicFiles.read(
            new StringReader(
                "{\"format\": 2, \"name\": \"arms-control\", \"description\": \"d\","
                    + " \"cues\": [{\"name\": \"treaty\", \"terms\": [\"treaty\"]}]}"),
            "arms.json");
    assertFalse(t.trained());
    assertEquals(0.5, t.threshold());
    assertEquals(List.of(Cue.of("treaty", List.of("treaty"))), t.cues());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TopicModel.builder(Gazetteer.defaults()).add(t));
    assertEquals(
        "topic arms-control has no weights: learn them with parley tune-topics --topics DIR"
            + " --labels LABELS.jsonl --out DIR",
        e.getMessage());
  }

  @Test
  void aCueNameMeansOneThingAcrossTopics() {
    TopicDefinition a =
        new TopicDefinition(
            "a", "", 0.5, 0, List.of(Cue.of("c", List.of("x"))), Map.of("cue:c", 1.0));
    TopicDefinition b =
        new TopicDefinition(
            "b", "", 0.5, 0, List.of(Cue.of("c", List.of("y"))), Map.of("cue:c", 1.0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TopicModel.builder(Gazetteer.defaults()).add(a).add(b).build());
    assertEquals(
        "cue c is defined differently in two topics (topic b): give one of them another name",
        e.getMessage());
  }
}
