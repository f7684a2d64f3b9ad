package dev.parley.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Replaces British spellings by American ones ({@link SpellingVariants}), one token for one token,
 * so positions and offsets are unchanged. Runs after lower-casing and before stemming, so both
 * spellings reach the stemmer as the same word.
 */
public final class SpellingVariantFilter extends TokenFilter {
  private final SpellingVariants variants;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  /** Wraps {@code input}. */
  public SpellingVariantFilter(TokenStream input, SpellingVariants variants) {
    super(input);
    this.variants = variants;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keyword.isKeyword()) {
      char[] american = variants.americanOf(term.buffer(), term.length());
      if (american != null) {
        term.copyBuffer(american, 0, american.length);
      }
    }
    return true;
  }
}
