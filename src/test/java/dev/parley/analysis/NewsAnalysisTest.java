package dev.parley.analysis;

import static dev.parley.analysis.ParleyAnalyzerTest.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spelling variants, case-sensitive acronyms and entity synonyms, under en and tr locales. */
class NewsAnalysisTest {
  private static final Locale ORIGINAL = Locale.getDefault();

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(ORIGINAL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "tr"})
  void britishAndAmericanSpellingsAreOneWord(String locale) throws IOException {
    Locale.setDefault(Locale.forLanguageTag(locale));
    Analyzer a = new ParleyAnalyzer(AnalysisConfig.defaults());
    for (String[] pair :
        new String[][] {
          {"denuclearisation", "denuclearization"},
          {"organised", "organized"},
          {"Defence", "defense"},
          {"programme", "program"},
          {"labour", "labor"},
          {"neighbouring", "neighboring"},
          {"centre", "center"},
          {"travelled", "traveled"},
          {"analyse", "analyze"},
          {"favourite", "favorite"}
        }) {
      assertEquals(tokens(a, pair[1]), tokens(a, pair[0]), pair[0]);
    }
    // Words that only look like variants stay apart.
    assertNotEquals(tokens(a, "rise"), tokens(a, "rize"));
    assertEquals(List.of("promise"), tokens(a, "promise"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "tr"})
  void theCountryUsIsNotThePronounUs(String locale) throws IOException {
    Locale.setDefault(Locale.forLanguageTag(locale));
    Analyzer a = new ParleyAnalyzer(AnalysisConfig.defaults());
    assertEquals(List.of("u.s", "sanction"), tokens(a, "US sanctions"));
    assertEquals(List.of("u.s", "sanction"), tokens(a, "U.S. sanctions"));
    assertEquals(List.of("give", "us", "sanction"), tokens(a, "give us sanctions"));
    assertEquals(
        List.of("kim", "jong", "un", "at", "the", "u.n"), tokens(a, "Kim Jong Un at the UN"));
    assertEquals(List.of("eu", "eu"), tokens(a, "EU E.U."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "tr"})
  void entitySynonymsWorkBothWays(String locale) throws IOException {
    Locale.setDefault(Locale.forLanguageTag(locale));
    Analyzer q = ParleyAnalyzer.forQueries(AnalysisConfig.defaults(), EntityTaggerTest.gazetteer());
    QueryBuilder builder = new QueryBuilder(q);
    builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    // Loose words: the typed form and the entity's one indexed token, never the other aliases.
    assertEquals(
        "Synonym(text:dprk text:entity#north-korea)",
        builder.createBooleanQuery("text", "DPRK").toString());
    assertEquals(
        "Synonym(text:dprk text:entity#north-korea)",
        builder.createBooleanQuery("text", "dprk").toString());
    assertEquals(
        "(text:entity#north-korea text:\"north korea\")",
        builder.createBooleanQuery("text", "North Korea").toString());
    assertEquals(
        "(text:entity#north-korea text:\"north korea\")",
        builder.createBooleanQuery("text", "north KOREA").toString());
    String us = builder.createBooleanQuery("text", "US").toString();
    assertEquals("Synonym(text:entity#united-states text:u.s)", us);
    // Quoted phrases keep the aliases as phrase alternatives (no token lengths in the index).
    QueryBuilder phrases =
        new QueryBuilder(
            ParleyAnalyzer.forPhrases(AnalysisConfig.defaults(), EntityTaggerTest.gazetteer()));
    String s = phrases.createPhraseQuery("text", "DPRK").toString();
    assertTrue(s.contains("dprk") && s.contains("north korea"), s);
    String pronoun = builder.createBooleanQuery("text", "us").toString();
    assertEquals("text:us", pronoun);
    // the kind: an acronym that is also a word matches its entity only as the acronym
    assertEquals("text:car", builder.createBooleanQuery("text", "car").toString());
    assertEquals("text:who", builder.createBooleanQuery("text", "who").toString());
    QueryBuilder defaults =
        new QueryBuilder(
            ParleyAnalyzer.forQueries(AnalysisConfig.defaults(), Gazetteer.defaults()));
    assertEquals(
        "Synonym(text:c.a.r text:entity#central-african-republic)",
        defaults.createBooleanQuery("text", "CAR").toString());
    assertEquals("text:car", defaults.createBooleanQuery("text", "car").toString());
    assertEquals("text:who", defaults.createBooleanQuery("text", "who").toString());
    // a query typed in capitals is text set in capitals: its words are words
    assertEquals(
        "text:car text:bomb text:bangui",
        builder.createBooleanQuery("text", "CAR BOMB IN BANGUI").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "tr"})
  void anAmbiguousAcronymInTextSetInCapitalsIsTheWord(String locale) throws IOException {
    Locale.setDefault(Locale.forLanguageTag(locale));
    Analyzer a = new ParleyAnalyzer(AnalysisConfig.defaults());
    assertEquals(
        List.of("he", "told", "us", "that", "his", "car", "was", "wait"),
        tokens(a, "HE TOLD US THAT HIS CAR WAS WAITING"));
    assertEquals(
        List.of("the", "man", "who", "came", "u.s", "official", "said"),
        tokens(a, "THE MAN WHO CAME. U.S. OFFICIALS SAID"));
    // outside a run of capitals: the acronyms
    assertEquals(
        List.of("the", "c.a.r", "and", "the", "w.h.o", "met"),
        tokens(a, "The CAR and the WHO met"));
    assertEquals(List.of("the", "car", "is", "red"), tokens(a, "The car is red"));
  }
}
