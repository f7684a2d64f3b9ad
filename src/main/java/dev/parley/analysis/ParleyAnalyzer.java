package dev.parley.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Parley's analyzer: {@link StandardTokenizer} (Unicode word breaks), {@link
 * EnglishPossessiveFilter} (drops 's and ’s), {@link LowerCaseFilter} (locale-independent, so the
 * Turkish dotless i does not change results), {@link ASCIIFoldingFilter} (é to e), then the stop
 * words and stemmer that the {@link AnalysisConfig} names.
 *
 * <p>Possessives are removed before lower-casing because the filter only knows the apostrophe
 * forms, and before stemming so the stemmer sees the bare word.
 *
 * <p>Thread safety: like every Lucene {@link Analyzer}, safe to share; token streams are per
 * thread.
 */
public final class ParleyAnalyzer extends Analyzer {
  private final AnalysisConfig config;

  /** Creates the analyzer that {@code config} describes. */
  public ParleyAnalyzer(AnalysisConfig config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  /** The configuration this analyzer was built from. */
  public AnalysisConfig config() {
    return config;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    if (config.stopWords() == AnalysisConfig.StopWords.ENGLISH) {
      stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    }
    stream =
        switch (config.stemmer()) {
          case NONE -> stream;
          case MINIMAL -> new EnglishMinimalStemFilter(stream);
          case KSTEM -> new KStemFilter(stream);
          case PORTER -> new PorterStemFilter(stream);
        };
    return new TokenStreamComponents(source, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
