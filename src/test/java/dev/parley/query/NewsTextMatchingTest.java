package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.EntityTagger;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.enrich.NewsEnricher;
import dev.parley.query.result.Hit;
import dev.parley.query.result.SearchResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * News text as it really arrives (Parley 9, items 1, 2, 7 and 8): invisible format characters and
 * decomposed accents inside words, stop words inside phrases, acronyms and stemming. Each article
 * is written for the test; the stored text and offsets must stay those of the input.
 */
class NewsTextMatchingTest {
  @TempDir static Path dir;
  static Path index;

  /** Article id, then its text (Java escapes are the characters themselves). */
  static final Map<String, String> ARTICLES =
      Map.ofEntries(
          Map.entry(
              "sh", "Diplomats said nego\u00adti\u00adations on new sanc\u00adtions stalled."),
          Map.entry("zw", "The envoy\u2019s medi\u200bation ended in a cease\u200bfire."),
          Map.entry("wj", "Officials prepared the refer\u2060endum and its ob\ufeffservers."),
          Map.entry(
              "bidi", "The \u200eembassy\u200f statement condemned the \u2067blockade\u2069."),
          Map.entry("zwj", "Inspectors visited the reac\u200dtor and the cen\u200ctrifuges."),
          Map.entry("nfd", "Turkish President Erdog\u0306an met the envoy in Ankara."),
          Map.entry("nfd2", "The Ame\u0301rica Latina summit opened in Sa\u0303o Paulo."),
          Map.entry("compat", "The \uff35\uff2e envoy arrived for the con\ufb01rmation hearing."),
          Map.entry("persian", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 talks"),
          Map.entry("nodeal", "Ministers said a deal was close after the talks."),
          Map.entry("nodeal2", "The summit ended with no deal on tariffs."),
          Map.entry("isis", "Fighters of ISIS attacked the town."),
          Map.entry("isi", "Pakistan's ISI intelligence agency denied the report."),
          Map.entry("nato", "NATO ministers met in Brussels."),
          Map.entry("caps", "TALKS ON THE NUCLEAR PROGRAMME RESUMED AFTER SANCTIONS WERE EASED"),
          Map.entry("tobe", "To be or not to be, the minister said."));

  @BeforeAll
  static void build() throws IOException {
    StringBuilder jsonl = new StringBuilder();
    ARTICLES.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                jsonl
                    .append("{\"id\":\"")
                    .append(e.getKey())
                    .append("\",\"date\":\"2021-04-02\",\"text\":")
                    .append(new com.google.gson.Gson().toJson(e.getValue()))
                    .append("}\n"));
    Path input = dir.resolve("news.jsonl");
    Files.writeString(input, jsonl);
    index = dir.resolve("index");
    try (Indexer indexer = Indexer.builder(index).build()) {
      assertEquals(List.of(), indexer.index(List.of(input)).rejected());
    }
  }

  private static SearchResults search(String query) throws IOException {
    try (Searcher searcher = Searcher.open(index)) {
      return searcher.search(SearchRequest.builder(query).withK(20).build());
    }
  }

  private static List<String> articles(String query) throws IOException {
    return search(query).hits().stream().map(Hit::articleId).toList();
  }

  // ---- item 1: invisible format characters ----

  @ParameterizedTest
  @CsvSource({
    "negotiations, sh",
    "sanctions, caps sh",
    "sanction, caps sh",
    "mediation, zw",
    "ceasefire, zw",
    "referendum, wj",
    "observers, wj",
    "embassy, bidi",
    "blockade, bidi",
    "reactor, zwj",
    "centrifuges, zwj",
    "confirmation, compat",
  })
  void formatCharactersInsideWordsDoNotHideThem(String query, String expected) throws IOException {
    assertEquals(List.of(expected.split(" ")), articles(query).stream().sorted().toList());
  }

  @Test
  void storedTextOffsetsAndHighlightStayThoseOfTheInput() throws IOException {
    Hit hit = search("sanctions").hits().get(0);
    String text = ARTICLES.get("sh");
    assertEquals(text, hit.text());
    assertEquals(List.of(0, text.length()), List.of(hit.start(), hit.end()));
    assertEquals(
        "Diplomats said nego\u00adti\u00adations on new <em>sanc\u00adtions</em> stalled.",
        hit.snippet());
    Hit zw = search("mediation").hits().get(0);
    assertEquals(
        "The envoy\u2019s <em>medi\u200bation</em> ended in a cease\u200bfire.", zw.snippet());
  }

  @Test
  void theSanctionsTopicSeesThroughSoftHyphens() {
    NewsEnricher enricher = NewsEnricher.defaults();
    float hyphenated = enricher.enrich(ARTICLES.get("sh")).topics().get("sanctions");
    float plain =
        enricher
            .enrich("Diplomats said negotiations on new sanctions stalled.")
            .topics()
            .get("sanctions");
    System.out.println("sanctions topic score, soft hyphens: " + hyphenated + ", plain: " + plain);
    assertEquals(plain, hyphenated, 1e-6);
    assertTrue(hyphenated > 0.5f, "sanctions score " + hyphenated);
  }

  @Test
  void joinersThatScriptsNeedAreKept() throws IOException {
    // ZWNJ inside a Persian word is part of its spelling: the word is found with it, not without
    assertEquals(List.of("persian"), articles("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"));
    assertEquals(List.of(), articles("\u0645\u06cc\u062e\u0648\u0627\u0647\u0645"));
  }

  // ---- item 2: decomposed accents ----

  @ParameterizedTest
  @CsvSource({
    "Erdoğan, nfd",
    "Erdogan, nfd",
    "Erdog\u0306an, nfd",
    "América, nfd2",
    "São, nfd2",
    "Sao Paulo, nfd2",
    "UN envoy, compat"
  })
  void decomposedAndCompatibilityFormsMatchComposedAndPlainOnes(String query, String article)
      throws IOException {
    assertEquals(article, articles(query).get(0));
  }

  @Test
  void theLeaderIsTaggedInDecomposedText() throws IOException {
    EntityTagger tagger = new EntityTagger(Gazetteer.defaults());
    String text = ARTICLES.get("nfd");
    List<Mention> mentions = tagger.tag(text);
    Mention erdogan =
        mentions.stream()
            .filter(m -> m.entityId().equals("recep-tayyip-erdogan"))
            .findFirst()
            .orElseThrow();
    assertEquals("Erdog\u0306an", text.substring(erdogan.start(), erdogan.end()));
    SearchResults r = search("Erdogan");
    assertTrue(r.hits().get(0).entities().contains("recep-tayyip-erdogan"));
    assertEquals(
        List.of("recep-tayyip-erdogan"),
        EntityTagger.ids(tagger.tag("Pre\u00adsident Erdo\u00adgan spoke.")));
  }

  // ---- item 7: stop words inside phrases ----

  @Test
  void aQuotedPhraseKeepsItsStopWords() throws IOException {
    assertEquals(List.of("nodeal2"), articles("\"no deal\""));
    assertEquals(List.of("nodeal2"), articles("\"ended with no deal\""));
    assertEquals(List.of("tobe"), articles("\"not to be\""));
    // unquoted, "no" is a stop word and both deals match
    assertEquals(List.of("nodeal", "nodeal2"), articles("no deal").stream().sorted().toList());
  }

  @Test
  void aQueryOfStopWordsOnlyIsSearched() throws IOException {
    assertEquals("tobe", articles("to be or not to be").get(0));
  }

  // ---- item 8: acronyms are not stemmed, except in text set in capitals ----

  @Test
  void acronymsAreNotStemmed() throws IOException {
    assertEquals(List.of("isis"), articles("ISIS"));
    assertEquals(List.of("isi"), articles("ISI"));
    assertEquals(List.of("nato"), articles("NATO"));
  }

  @Test
  void textSetInCapitalsIsStemmedAsUsual() throws IOException {
    assertEquals("caps", articles("talk programs sanction ease").get(0));
    assertEquals("caps", articles("TALK ON NUCLEAR PROGRAM").get(0));
  }
}
