package dev.parley.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Marks the tokens a {@link SynonymGraphFilter} added as keywords: they were analyzed to their
 * final form when the synonym map was built (acronyms whole, other words stemmed), and the stemmer
 * must not stem them again (it would cut {@code BRICS}, added for {@code BRIC}, to {@code bric}).
 */
final class SynonymOutputMarker extends KeywordMarkerFilter {
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  SynonymOutputMarker(TokenStream in) {
    super(in);
  }

  @Override
  protected boolean isKeyword() {
    return SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
  }
}
