package dev.parley.analysis;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Makes case matter where it must: the country {@code US} is not the pronoun {@code us}.
 *
 * <p>Runs before lower-casing. An upper-case acronym ({@code US}, {@code U.S}; the tokenizer has
 * already dropped a final dot) whose lower-case form is an ordinary word ({@link #AMBIGUOUS}:
 * {@code us}, {@code un}, {@code who}, {@code is}, ...) becomes a dotted token ({@code u.s}) that
 * no ordinary word produces; every other dotted acronym loses its dots ({@code E.U} and {@code EU}
 * both become {@code EU}). Sentence-case {@code Us} and {@code Un} (as in Kim Jong Un) are left
 * alone.
 *
 * <p>Limit: in text written entirely in capitals, the pronoun {@code US} cannot be told from the
 * country and is read as the country.
 */
public final class AcronymFilter extends TokenFilter {
  /** Acronyms whose lower-case form is a common word or name part. */
  public static final Set<String> AMBIGUOUS = Set.of("US", "UN", "WHO", "IS", "AU");

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  /** Wraps {@code input}. */
  public AcronymFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    String undotted = undottedAcronym(term);
    if (undotted != null) {
      if (AMBIGUOUS.contains(undotted)) {
        term.setEmpty();
        for (int i = 0; i < undotted.length(); i++) {
          if (i > 0) {
            term.append('.');
          }
          term.append(Character.toLowerCase(undotted.charAt(i)));
        }
      } else if (undotted.length() != term.length()) {
        term.setEmpty().append(undotted);
      }
    }
    return true;
  }

  /**
   * The acronym without dots if the token is one ({@code US}, {@code U.S}, {@code USA}: 2 to 6
   * upper-case ASCII letters, optionally separated by single dots), else null.
   */
  static String undottedAcronym(CharSequence token) {
    int n = token.length();
    if (n < 2 || n > 11) {
      return null;
    }
    StringBuilder letters = new StringBuilder(6);
    boolean dotted = token.toString().indexOf('.') >= 0;
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (dotted && i % 2 != 0) {
          return null;
        }
        letters.append(c);
      } else if (c == '.' && dotted && i % 2 == 1) {
        continue;
      } else {
        return null;
      }
    }
    return letters.length() >= 2 && letters.length() <= 6 ? letters.toString() : null;
  }
}
