package dev.parley.analysis;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.Objects;

/**
 * How text is analyzed: spelling folding, stop words and stemming, after tokenizing, possessive
 * removal, acronym handling, lower-casing and accent folding. Recorded in every commit; the
 * searcher rebuilds the same chain from it.
 *
 * @param stemmer the stemming step
 * @param stopWords the stop-word step
 * @param spelling whether British spellings are folded to American ones
 */
public record AnalysisConfig(Stemmer stemmer, StopWords stopWords, Spelling spelling) {
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
    /** Remove Lucene's English stop words (EnglishAnalyzer's set) from text and queries. */
    ENGLISH,
    /**
     * Index every word; drop Lucene's English stop words from a query's loose words only. A quoted
     * phrase keeps them ({@code "no deal"} is not {@code deal}), and a query made only of stop
     * words searches them. The default (DESIGN.md, "Stop words").
     */
    ENGLISH_OUTSIDE_PHRASES
  }

  /** Spelling folding. */
  public enum Spelling {
    /** Words as written. */
    AS_WRITTEN,
    /** British spellings become American ({@link SpellingVariants}). */
    AMERICAN
  }

  /** Validates the values. */
  public AnalysisConfig {
    Objects.requireNonNull(stemmer, "stemmer");
    Objects.requireNonNull(stopWords, "stopWords");
    Objects.requireNonNull(spelling, "spelling");
  }

  /** The defaults, chosen by measurement (DESIGN.md). */
  public static AnalysisConfig defaults() {
    return new AnalysisConfig(Stemmer.KSTEM, StopWords.ENGLISH_OUTSIDE_PHRASES, Spelling.AMERICAN);
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
      return new AnalysisConfig(config.stemmer, config.stopWords, config.spelling);
    } catch (JsonParseException | NullPointerException e) {
      throw new IllegalArgumentException("not an analysis configuration: " + json, e);
    }
  }
}
