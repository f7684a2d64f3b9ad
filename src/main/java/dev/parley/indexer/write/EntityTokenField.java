package dev.parley.indexer.write;

import dev.parley.analysis.AnalysedText;
import dev.parley.analysis.EntityTokenFilter;
import dev.parley.analysis.Mention;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

/**
 * A text field whose token stream also carries one token per entity mention ({@link
 * EntityTokenFilter}): the words come from the {@code IndexWriter}'s analyzer as for any text
 * field, so index and query analysis stay one chain, and the mentions, found by the enricher's
 * tagger before the document was built, are added after the stemmer. Only mentions by name ({@link
 * Mention.Kind#NAME}) are written: a query names an entity by an alias, and the aliases were what
 * query-time synonyms matched before entity tokens (a demonym or a capital city standing for its
 * government is kept for the {@code entity} filter field).
 *
 * <p>Thread safety: a document field, used by one indexing thread.
 */
final class EntityTokenField extends Field {
  private final List<Mention> mentions;
  private final AnalysedText analysed;

  EntityTokenField(String name, String text, FieldType type, List<Mention> mentions) {
    this(name, text, type, mentions, null);
  }

  /**
   * The field of {@code text} whose words are {@code analysed} (the text's tokens, analysed
   * already), so the writer's analyzer is not run again; the text is still what is stored.
   */
  EntityTokenField(
      String name, String text, FieldType type, List<Mention> mentions, AnalysedText analysed) {
    super(name, text, type);
    this.mentions = byName(mentions);
    this.analysed = analysed;
  }

  @Override
  public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
    TokenStream words = analysed == null ? super.tokenStream(analyzer, reuse) : analysed.tokens();
    return mentions.isEmpty() ? words : new EntityTokenFilter(words, mentions);
  }

  /**
   * {@code words} (an analysed text, such as a replayed article context) with the tokens of its
   * mentions by name added.
   */
  static TokenStream withMentions(TokenStream words, List<Mention> mentions) {
    List<Mention> names = byName(mentions);
    return names.isEmpty() ? words : new EntityTokenFilter(words, names);
  }

  private static List<Mention> byName(List<Mention> mentions) {
    List<Mention> names = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      if (m.kind() == Mention.Kind.NAME) {
        names.add(m);
      }
    }
    return names;
  }
}
