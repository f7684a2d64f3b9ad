package dev.parley.analysis;

import java.io.Reader;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Parley's analyzer, one chain for index and query:
 *
 * <ol>
 *   <li>char filters ({@link NormalizedText}): invisible format characters removed ({@link
 *       FormatCharFilter}), then Unicode NFKC (ICU), both with offset correction, so offsets index
 *       the text as received;
 *   <li>{@link StandardTokenizer}: Unicode word breaks;
 *   <li>{@link EnglishPossessiveFilter}: drops 's and ’s;
 *   <li>{@link AcronymFilter}: {@code US} and {@code U.S.} become {@code u.s}, apart from {@code
 *       us}; acronyms are kept from the stemmer, except in runs of text set in capitals;
 *   <li>{@link LowerCaseFilter}: locale-independent, so the Turkish dotless i changes nothing;
 *   <li>{@link ASCIIFoldingFilter}: é to e;
 *   <li>{@link SpellingVariantFilter}: British spellings to American (if configured);
 *   <li>query side only: {@link SynonymGraphFilter} with the gazetteer's entity aliases: loose
 *       words add the entity's one indexed token ({@code DPRK} and {@code North Korea} both give
 *       {@code entity#north-korea}, which the indexer writes at each tagged mention with {@link
 *       EntityTokenFilter}); quoted phrases add the other aliases as phrase alternatives (a phrase
 *       through an entity token cannot be indexed faithfully: the index keeps no token lengths);
 *   <li>stop words and stemmer, as configured: with {@link
 *       AnalysisConfig.StopWords#ENGLISH_OUTSIDE_PHRASES} (the default) stop words are indexed and
 *       dropped only from a query's loose words ({@link #forPhrases} keeps them).
 * </ol>
 *
 * <p>On the index side, where no step between the acronym step and the stemmer adds or drops a
 * token, lower-casing, folding, spelling and stemming run once per distinct word of the thread's
 * texts and are remembered ({@link RememberedTermFilter}): the same terms, less work.
 *
 * <p>Thread safety: like every Lucene {@link Analyzer}, safe to share; token streams are per
 * thread.
 */
public final class ParleyAnalyzer extends Analyzer {
  /** Which part of the chain an instance runs. */
  private enum Chain {
    /** The whole chain without synonyms: indexing. */
    INDEX,
    /** The whole chain with synonyms: a query's loose words. */
    QUERY,
    /** The chain with synonyms, keeping stop words unless the index dropped them: phrases. */
    PHRASE,
    /** Up to (not including) the synonym step: analyzing synonym rules' inputs. */
    SYNONYM_RULES,
    /**
     * Up to the synonym step, then the stemmer: analyzing synonym rules' outputs, which the query
     * chain then leaves unstemmed, so an acronym added as a synonym stays whole ({@code BRIC} for
     * {@code BRICS}) like a typed one.
     */
    SYNONYM_OUTPUTS
  }

  private final AnalysisConfig config;
  private final Chain chain;
  private final SynonymMap synonyms;
  private EntityTagger tagger; // index side only: writes entity tokens itself (taggingEntities)
  private java.util.Set<String> taggedFields = java.util.Set.of();

  /** The index-side analyzer (no synonyms). */
  public ParleyAnalyzer(AnalysisConfig config) {
    this(config, Chain.INDEX, null);
  }

  private ParleyAnalyzer(AnalysisConfig config, Chain chain, SynonymMap synonyms) {
    this.config = Objects.requireNonNull(config, "config");
    this.chain = chain;
    this.synonyms = synonyms;
  }

  /**
   * The query-side analyzer of loose words: the same chain, with every alias of a gazetteer entity
   * also giving the entity's one indexed token ({@link EntityTokenFilter}), matched without regard
   * to case ({@code dprk} and {@code North Korea} give {@code entity#north-korea}).
   */
  public static ParleyAnalyzer forQueries(AnalysisConfig config, Gazetteer gazetteer) {
    return new ParleyAnalyzer(config, Chain.QUERY, entityTokens(config, gazetteer));
  }

  /**
   * The query-side analyzer without entity synonyms (for measuring them): the index chain, minus
   * stop words in loose query words as {@link AnalysisConfig#stopWords()} says.
   */
  public static ParleyAnalyzer forQueries(AnalysisConfig config) {
    return new ParleyAnalyzer(config, Chain.QUERY, null);
  }

  /** {@link #forPhrases(AnalysisConfig, Gazetteer)} without entity synonyms. */
  public static ParleyAnalyzer forPhrases(AnalysisConfig config) {
    return new ParleyAnalyzer(config, Chain.PHRASE, null);
  }

  /**
   * The analyzer for quoted phrases (and for queries made only of stop words): like {@link
   * #forQueries} but stop words are kept when the index keeps them ({@link
   * AnalysisConfig.StopWords#ENGLISH_OUTSIDE_PHRASES}), so {@code "no deal"} needs its {@code no}.
   */
  public static ParleyAnalyzer forPhrases(AnalysisConfig config, Gazetteer gazetteer) {
    return new ParleyAnalyzer(config, Chain.PHRASE, synonyms(config, gazetteer));
  }

  private static SynonymMap synonyms(AnalysisConfig config, Gazetteer gazetteer) {
    Map<AnalysisConfig, SynonymMap> byConfig;
    synchronized (SYNONYMS) {
      byConfig = SYNONYMS.computeIfAbsent(gazetteer, g -> new ConcurrentHashMap<>());
    }
    return byConfig.computeIfAbsent(
        config,
        c ->
            EntitySynonyms.build(
                gazetteer,
                new ParleyAnalyzer(c, Chain.SYNONYM_RULES, null),
                new ParleyAnalyzer(c, Chain.SYNONYM_OUTPUTS, null)));
  }

  private static SynonymMap entityTokens(AnalysisConfig config, Gazetteer gazetteer) {
    Map<AnalysisConfig, SynonymMap> byConfig;
    synchronized (TOKENS) {
      byConfig = TOKENS.computeIfAbsent(gazetteer, g -> new ConcurrentHashMap<>());
    }
    return byConfig.computeIfAbsent(
        config,
        c ->
            EntitySynonyms.buildTokens(
                gazetteer, new ParleyAnalyzer(c, Chain.SYNONYM_RULES, null)));
  }

  /** Synonym maps are immutable and costly to build: one per gazetteer and configuration. */
  private static final Map<Gazetteer, Map<AnalysisConfig, SynonymMap>> SYNONYMS =
      new WeakHashMap<>();

  /** The alias-to-entity-token maps, likewise. */
  private static final Map<Gazetteer, Map<AnalysisConfig, SynonymMap>> TOKENS = new WeakHashMap<>();

  /**
   * The index-side analyzer that also tags {@code fields} with the gazetteer and writes each
   * mention by name as its entity token ({@link EntityTokenFilter}), for indexers that hand Lucene
   * the raw text (a Solr collection) instead of Parley's own token stream. The embedded indexer
   * gets the mentions from the enricher instead and does not use this.
   */
  public static ParleyAnalyzer taggingEntities(
      AnalysisConfig config, Gazetteer gazetteer, java.util.Set<String> fields) {
    ParleyAnalyzer a = new ParleyAnalyzer(config, Chain.INDEX, null);
    a.tagger = new EntityTagger(gazetteer);
    a.taggedFields = java.util.Set.copyOf(fields);
    return a;
  }

  /**
   * Whether every field is analysed by the same index chain (the index-side analyzer, not {@link
   * #taggingEntities}), so tokens analysed for one field serve another ({@link
   * AnalysedText#slice}).
   */
  public boolean analysesFieldsAlike() {
    return chain == Chain.INDEX && tagger == null;
  }

  /** The configuration this analyzer was built from. */
  public AnalysisConfig config() {
    return config;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    AcronymFilter acronyms = new AcronymFilter(new EnglishPossessiveFilter(source));
    // The char filters run here rather than in initReader because the acronym step must know,
    // before the first token, where the text is set in capitals.
    EntityTokenFilter[] entities = new EntityTokenFilter[1];
    Consumer<Reader> setReader =
        reader -> {
          if (entities[0] != null) {
            String text = readAll(reader);
            java.util.List<Mention> names = new java.util.ArrayList<>();
            for (Mention m : tagger.tag(text)) {
              if (m.kind() == Mention.Kind.NAME) {
                names.add(m);
              }
            }
            entities[0].setMentions(names);
            reader = new java.io.StringReader(text);
          }
          FormatCharFilter visible = new FormatCharFilter(reader);
          acronyms.setCapsRuns(AcronymFilter.capsRuns(visible.text(), visible::correctOffset));
          // NFKC leaves normal text (all ASCII text, most news) unchanged and corrects no offset;
          // the quick check is far cheaper than running ICU's char filter over it.
          source.setReader(
              NormalizedText.NFKC.isNormalized(visible.text())
                  ? visible
                  : new ICUNormalizer2CharFilter(visible, NormalizedText.NFKC));
        };
    boolean dropStopWords =
        switch (config.stopWords()) {
          case NONE -> false;
          case ENGLISH -> chain != Chain.SYNONYM_OUTPUTS;
          case ENGLISH_OUTSIDE_PHRASES -> chain == Chain.QUERY;
        };
    TokenStream stream;
    if (chain == Chain.INDEX && !dropStopWords) {
      // Nothing between the acronym step and the stemmer adds or drops tokens: the index chain's
      // one-for-one tail runs once per distinct word (RememberedTermFilter), same terms.
      stream = new RememberedTermFilter(acronyms, in -> stem(foldAndRespell(in)));
    } else {
      stream = foldAndRespell(acronyms);
      if (chain == Chain.SYNONYM_RULES) {
        return new TokenStreamComponents(setReader, stream);
      }
      if (synonyms != null && (chain == Chain.QUERY || chain == Chain.PHRASE)) {
        stream = new SynonymGraphFilter(stream, synonyms, false);
        stream = new SynonymOutputMarker(stream);
      }
      if (dropStopWords) {
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      }
      stream = stem(stream);
    }
    if (tagger != null && taggedFields.contains(fieldName)) {
      entities[0] = new EntityTokenFilter(stream, java.util.List.of());
      stream = entities[0];
    }
    return new TokenStreamComponents(setReader, stream);
  }

  /** Lower case, accents folded and, if configured, British spellings made American. */
  private TokenStream foldAndRespell(TokenStream in) {
    TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(in));
    if (config.spelling() == AnalysisConfig.Spelling.AMERICAN) {
      stream = new SpellingVariantFilter(stream, SpellingVariants.defaults());
    }
    return stream;
  }

  /** The configured stemmer over {@code in}. */
  private TokenStream stem(TokenStream in) {
    return switch (config.stemmer()) {
      case NONE -> in;
      case MINIMAL -> new EnglishMinimalStemFilter(in);
      case KSTEM -> new KStemFilter(in);
      case PORTER -> new PorterStemFilter(in);
    };
  }

  private static String readAll(Reader reader) {
    try {
      StringBuilder b = new StringBuilder();
      char[] buf = new char[4096];
      for (int n; (n = reader.read(buf)) > 0; ) {
        b.append(buf, 0, n);
      }
      return b.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return NormalizedText.charFilters(reader);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
