package dev.parley.analysis;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;

/**
 * Text as Parley matches it: invisible format characters removed ({@link FormatCharFilter}) and
 * Unicode compatibility normalisation NFKC applied (Lucene's {@link ICUNormalizer2CharFilter}), so
 * a decomposed {@code Erdog\u0306an} is {@code Erdoğan}, a ligature {@code ﬁ} is {@code fi} and a
 * full-width {@code ＵＮ} is {@code UN}. Case is kept (case decides acronyms); accents are folded
 * later, by the analyzer and the entity tagger.
 *
 * <p>The analyzer applies the same two char filters ({@link #charFilters}), so matching, entity
 * tagging and topic scoring all see the same text, while stored text and offsets stay those of the
 * text as received ({@link #originalOffset}).
 *
 * <p>Thread safety: immutable.
 */
public final class NormalizedText {
  /** NFKC: canonical composition plus compatibility folding (ligatures, widths, NBSP). */
  static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

  private final String original;
  private final String text;
  private final CharFilter offsets;

  private NormalizedText(String original, String text, CharFilter offsets) {
    this.original = original;
    this.text = text;
    this.offsets = offsets;
  }

  /** Normalizes {@code original}; returns it unchanged (and cheaply) when it is already normal. */
  public static NormalizedText of(String original) {
    if (isUnchanged(original)) {
      return new NormalizedText(original, original, null);
    }
    CharFilter chain = charFilters(new StringReader(original));
    StringBuilder out = new StringBuilder(original.length());
    char[] buf = new char[4096];
    try {
      for (int n; (n = chain.read(buf)) != -1; ) {
        out.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return new NormalizedText(original, out.toString(), chain);
  }

  /**
   * Whether the char filters leave {@code text} as it is (no format character to remove, already
   * NFKC), so offsets need no correction.
   */
  static boolean isUnchanged(String text) {
    return !FormatCharFilter.hasRemovable(text) && NFKC.isNormalized(text);
  }

  /** The two char filters, in order, over {@code in}. */
  static CharFilter charFilters(java.io.Reader in) {
    return new ICUNormalizer2CharFilter(new FormatCharFilter(in), NFKC);
  }

  /** The text as received. */
  public String original() {
    return original;
  }

  /** The normalized text. */
  public String text() {
    return text;
  }

  /** The offset in the original text of {@code offset} in the normalized text. */
  public int originalOffset(int offset) {
    return offsets == null ? offset : offsets.correctOffset(offset);
  }
}
