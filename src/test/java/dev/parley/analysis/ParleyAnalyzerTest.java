package dev.parley.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.testutil.StrictJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The analyzer must give the same tokens whatever the JVM's default locale (Turkish dotless i). */
class ParleyAnalyzerTest {
  private static final Locale ORIGINAL = Locale.getDefault();

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(ORIGINAL);
  }

  static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "tr"})
  void defaultChainUnderEachLocale(String locale) throws IOException {
    Locale.setDefault(Locale.forLanguageTag(locale));
    Analyzer analyzer = new ParleyAnalyzer(AnalysisConfig.defaults());
    assertEquals(
        List.of(
            "pyongyang",
            "nuclear",
            "arsenal",
            "the",
            "sanction",
            "on",
            "iran",
            "istanbul",
            "cafe",
            "summit"),
        tokens(
            analyzer,
            "Pyongyang’s nuclear arsenals: the SANCTIONS on IRAN, İstanbul café summits"));
    assertEquals(List.of("title", "kim", "visit"), tokens(analyzer, "TITLE Kim's visits"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "tr"})
  void everyStemmerAndStopSetting(String locale) throws IOException {
    Locale.setDefault(Locale.forLanguageTag(locale));
    String text = "The talks were INITIALLY stalled";
    assertEquals(
        List.of("the", "talks", "were", "initially", "stalled"),
        tokens(
            new ParleyAnalyzer(
                new AnalysisConfig(
                    AnalysisConfig.Stemmer.NONE,
                    AnalysisConfig.StopWords.NONE,
                    AnalysisConfig.Spelling.AS_WRITTEN)),
            text));
    assertEquals(
        List.of("talk", "were", "initi", "stall"),
        tokens(
            new ParleyAnalyzer(
                new AnalysisConfig(
                    AnalysisConfig.Stemmer.PORTER,
                    AnalysisConfig.StopWords.ENGLISH,
                    AnalysisConfig.Spelling.AS_WRITTEN)),
            text));
    assertEquals(
        List.of("talk", "were", "initially", "stalled"),
        tokens(
            new ParleyAnalyzer(
                new AnalysisConfig(
                    AnalysisConfig.Stemmer.MINIMAL,
                    AnalysisConfig.StopWords.ENGLISH,
                    AnalysisConfig.Spelling.AS_WRITTEN)),
            text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "tr"})
  void configRoundTripsThroughJson(String locale) {
    Locale.setDefault(Locale.forLanguageTag(locale));
    AnalysisConfig config =
        new AnalysisConfig(
            AnalysisConfig.Stemmer.PORTER,
            AnalysisConfig.StopWords.NONE,
            AnalysisConfig.Spelling.AS_WRITTEN);
    StrictJson.parseObject(config.toJson()); // recorded in every index's manifest
    assertEquals(config, AnalysisConfig.fromJson(config.toJson()));
  }
}
