package dev.parley.analysis;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.Objects;

/**
 * How text is analyzed: which stemmer and which stop words follow tokenizing, possessive removal,
 * lower-casing and accent folding. Recorded in every commit; the searcher rebuilds the same chain
 * from it.
 *
 * @param stemmer the stemming step
 * @param stopWords the stop-word step
 */
public record AnalysisConfig(Stemmer stemmer, StopWords stopWords) {
  private static final Gson GSON = new Gson();

  /** Stemming applied after lower-casing. */
  public enum Stemmer {
    /** No stemming. */
    NONE,
    /** Lucene's EnglishMinimalStemFilter: plurals only. */
    MINIMAL,
    /** Lucene's KStemFilter: dictionary-backed, light. */
    KSTEM,
    /** Lucene's PorterStemFilter: aggressive suffix stripping. */
    PORTER
  }

  /** Stop-word removal. */
  public enum StopWords {
    /** Keep every word. */
    NONE,
    /** Remove Lucene's English stop words (EnglishAnalyzer's set). */
    ENGLISH
  }

  /** Validates the values. */
  public AnalysisConfig {
    Objects.requireNonNull(stemmer, "stemmer");
    Objects.requireNonNull(stopWords, "stopWords");
  }

  /** The defaults, chosen by measurement (DESIGN.md). */
  public static AnalysisConfig defaults() {
    return new AnalysisConfig(Stemmer.KSTEM, StopWords.ENGLISH);
  }

  /** This configuration as JSON, as recorded in the index manifest. */
  public String toJson() {
    return GSON.toJson(this);
  }

  /**
   * Parses a configuration recorded by {@link #toJson()}.
   *
   * @throws IllegalArgumentException if the JSON is not a configuration
   */
  public static AnalysisConfig fromJson(String json) {
    try {
      AnalysisConfig config = GSON.fromJson(json, AnalysisConfig.class);
      if (config == null) {
        throw new IllegalArgumentException("empty analysis configuration");
      }
      return new AnalysisConfig(config.stemmer, config.stopWords);
    } catch (JsonParseException | NullPointerException e) {
      throw new IllegalArgumentException("not an analysis configuration: " + json, e);
    }
  }
}
