package dev.parley.analysis;

import static dev.parley.analysis.ParleyAnalyzerTest.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
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
    Query dprk = builder.createBooleanQuery("text", "DPRK");
    String s = dprk.toString();
    assertTrue(s.contains("text:dprk"), s);
    assertTrue(s.contains("text:\"north korea\""), s);
    assertTrue(s.contains("text:\"democratic people republic ? korea\""), s);
    String back = builder.createBooleanQuery("text", "North Korea").toString();
    assertTrue(back.contains("text:dprk"), back);
    String us = builder.createBooleanQuery("text", "US").toString();
    assertTrue(
        us.contains("text:u.s") && us.contains("text:\"united states\"") && us.contains("text:usa"),
        us);
    String pronoun = builder.createBooleanQuery("text", "us").toString();
    assertEquals("text:us", pronoun);
  }
}
