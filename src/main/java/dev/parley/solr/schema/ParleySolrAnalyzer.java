package dev.parley.solr.schema;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.ParleyAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * Parley's index analyzer ({@link ParleyAnalyzer} with {@link AnalysisConfig#defaults()}) with the
 * no-argument constructor Solr needs to load it from {@code <analyzer class="..."/>} in a field
 * type. Delegates every field to the one {@link ParleyAnalyzer}, so Solr analyzes exactly as the
 * embedded indexer does.
 *
 * <p>Thread safety: as any Lucene {@link Analyzer}, safe to share.
 */
public final class ParleySolrAnalyzer extends DelegatingAnalyzerWrapper {
  private final ParleyAnalyzer analyzer =
      ParleyAnalyzer.taggingEntities(
          AnalysisConfig.defaults(),
          dev.parley.analysis.Gazetteer.defaults(),
          java.util.Set.of(dev.parley.schema.Fields.TEXT, dev.parley.schema.Fields.CONTEXT));

  /** The analyzer of the default analysis configuration. */
  public ParleySolrAnalyzer() {
    super(PER_FIELD_REUSE_STRATEGY);
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    return analyzer;
  }
}
