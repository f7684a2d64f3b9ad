package dev.parley.analysis;

import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
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
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Parley's analyzer, one chain for index and query:
 *
 * <ol>
 *   <li>{@link StandardTokenizer}: Unicode word breaks;
 *   <li>{@link EnglishPossessiveFilter}: drops 's and ’s;
 *   <li>{@link AcronymFilter}: {@code US} and {@code U.S.} become {@code u.s}, apart from {@code
 *       us};
 *   <li>{@link LowerCaseFilter}: locale-independent, so the Turkish dotless i changes nothing;
 *   <li>{@link ASCIIFoldingFilter}: é to e;
 *   <li>{@link SpellingVariantFilter}: British spellings to American (if configured);
 *   <li>query side only: {@link SynonymGraphFilter} with the gazetteer's entity aliases, so {@code
 *       DPRK} also finds {@code North Korea} (multi-word synonyms belong at query time: a graph
 *       cannot be indexed faithfully);
 *   <li>stop words and stemmer, as configured.
 * </ol>
 *
 * <p>Thread safety: like every Lucene {@link Analyzer}, safe to share; token streams are per
 * thread.
 */
public final class ParleyAnalyzer extends Analyzer {
  /** Which part of the chain an instance runs. */
  private enum Chain {
    /** The whole chain without synonyms: indexing. */
    INDEX,
    /** The whole chain with synonyms: queries. */
    QUERY,
    /** Up to (not including) the synonym step: analyzing synonym rules. */
    SYNONYM_RULES
  }

  private final AnalysisConfig config;
  private final Chain chain;
  private final SynonymMap synonyms;

  /** The index-side analyzer (no synonyms). */
  public ParleyAnalyzer(AnalysisConfig config) {
    this(config, Chain.INDEX, null);
  }

  private ParleyAnalyzer(AnalysisConfig config, Chain chain, SynonymMap synonyms) {
    this.config = Objects.requireNonNull(config, "config");
    this.chain = chain;
    this.synonyms = synonyms;
  }

  /** The query-side analyzer: the same chain plus the gazetteer's entity synonyms. */
  public static ParleyAnalyzer forQueries(AnalysisConfig config, Gazetteer gazetteer) {
    Map<AnalysisConfig, SynonymMap> byConfig;
    synchronized (SYNONYMS) {
      byConfig = SYNONYMS.computeIfAbsent(gazetteer, g -> new ConcurrentHashMap<>());
    }
    SynonymMap map =
        byConfig.computeIfAbsent(
            config,
            c -> EntitySynonyms.build(gazetteer, new ParleyAnalyzer(c, Chain.SYNONYM_RULES, null)));
    return new ParleyAnalyzer(config, Chain.QUERY, map);
  }

  /** Synonym maps are immutable and costly to build: one per gazetteer and configuration. */
  private static final Map<Gazetteer, Map<AnalysisConfig, SynonymMap>> SYNONYMS =
      new WeakHashMap<>();

  /** The configuration this analyzer was built from. */
  public AnalysisConfig config() {
    return config;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new AcronymFilter(stream);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    if (config.spelling() == AnalysisConfig.Spelling.AMERICAN) {
      stream = new SpellingVariantFilter(stream, SpellingVariants.defaults());
    }
    if (chain == Chain.SYNONYM_RULES) {
      return new TokenStreamComponents(source, stream);
    }
    if (chain == Chain.QUERY) {
      stream = new SynonymGraphFilter(stream, synonyms, false);
    }
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
