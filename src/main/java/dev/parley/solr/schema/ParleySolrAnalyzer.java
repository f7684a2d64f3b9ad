package dev.parley.solr.schema;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.EntityTagger;
import dev.parley.analysis.EntityTokenFilter;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import dev.parley.analysis.ParleyAnalyzer;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;

/**
 * Parley's index analyzer ({@link ParleyAnalyzer} with {@link AnalysisConfig#defaults()}) with the
 * no-argument constructor Solr needs to load it from {@code <analyzer class="..."/>} in a field
 * type, so Solr analyzes exactly as the embedded indexer does, entity tokens included.
 *
 * <p>The embedded indexer adds one {@code entity#ID} token per mention by name to {@link
 * Fields#TEXT} and {@link Fields#CONTEXT} ({@link EntityTokenFilter}), from mentions its enricher
 * found before the document was built. Solr receives only the field's text, so this analyzer tags
 * the text itself with the default gazetteer (the raw text, before the char filters, as the
 * enricher sees it) and adds the same tokens. Without them the two indexes would differ in the
 * entity terms a query asks for and in the field statistics BM25 reads.
 *
 * <p>Why components are not reused: the mentions belong to one text, handed from {@link
 * #wrapReader} to {@link #wrapComponents} of the same {@code tokenStream} call; Lucene calls the
 * first before the second on the calling thread. The cost is one tokenizer chain per field value,
 * small beside the tagging itself.
 *
 * <p>Thread safety: as any Lucene {@link Analyzer}, safe to share.
 */
public final class ParleySolrAnalyzer extends AnalyzerWrapper {
  private static final ReuseStrategy NO_REUSE =
      new ReuseStrategy() {
        @Override
        public TokenStreamComponents getReusableComponents(Analyzer analyzer, String fieldName) {
          return null;
        }

        @Override
        public void setReusableComponents(
            Analyzer analyzer, String fieldName, TokenStreamComponents components) {}
      };

  private final ParleyAnalyzer analyzer = new ParleyAnalyzer(AnalysisConfig.defaults());
  private final EntityTagger tagger = new EntityTagger(Gazetteer.defaults());
  private final ThreadLocal<List<Mention>> mentions = new ThreadLocal<>();

  /** The analyzer of the default analysis configuration and gazetteer. */
  public ParleySolrAnalyzer() {
    super(NO_REUSE);
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    return analyzer;
  }

  @Override
  protected Reader wrapReader(String fieldName, Reader reader) {
    if (!tagged(fieldName)) {
      return reader;
    }
    String text = readAll(reader);
    mentions.set(tagger.tag(text).stream().filter(m -> m.kind() == Mention.Kind.NAME).toList());
    return new StringReader(text);
  }

  @Override
  protected TokenStreamComponents wrapComponents(
      String fieldName, TokenStreamComponents components) {
    if (!tagged(fieldName)) {
      return components;
    }
    List<Mention> names = mentions.get();
    mentions.remove();
    if (names == null || names.isEmpty()) {
      return components;
    }
    return new TokenStreamComponents(
        components.getSource(), new EntityTokenFilter(components.getTokenStream(), names));
  }

  private static boolean tagged(String fieldName) {
    return Fields.TEXT.equals(fieldName) || Fields.CONTEXT.equals(fieldName);
  }

  private static String readAll(Reader reader) {
    StringBuilder out = new StringBuilder();
    char[] buffer = new char[4096];
    try {
      for (int n; (n = reader.read(buffer)) != -1; ) {
        out.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
