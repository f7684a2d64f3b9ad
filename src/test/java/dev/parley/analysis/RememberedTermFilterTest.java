package dev.parley.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/**
 * Remembering the end of the chain changes no token: random words (some repeated, some keywords,
 * some the same word as keyword and not, enough distinct ones to clear the memory) through {@link
 * RememberedTermFilter} give the terms, keyword flags and offsets of the same filters run on every
 * token, for each stemmer with and without spelling variants (seed printed).
 */
class RememberedTermFilterTest {
  private static final String[] WORDS = {
    "Talks",
    "talks",
    "TALKS",
    "travelled",
    "organisation",
    "colour",
    "Erdoğan",
    "Ｕ",
    "ß",
    "officials",
    "said",
    "us",
    "US",
    "u.s",
    "ISIS",
    "running",
    "ran",
    "negotiations",
    "ǅ",
    "Москва"
  };

  @Test
  void rememberedTailGivesTheTermsOfTheTailRunOnEveryToken() throws IOException {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "RememberedTermFilterTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    List<String> words = new ArrayList<>();
    List<Boolean> keywords = new ArrayList<>();
    for (int i = 0; i < 3 * RememberedTermFilter.MAX_REMEMBERED; i++) {
      String w =
          random.nextInt(3) == 0
              ? WORDS[random.nextInt(WORDS.length)]
              : WORDS[random.nextInt(WORDS.length)]
                  + random.nextInt(RememberedTermFilter.MAX_REMEMBERED);
      words.add(w);
      keywords.add(random.nextInt(4) == 0);
    }
    List<UnaryOperator<TokenStream>> tails =
        List.of(
            in -> new KStemFilter(spelling(in)),
            in -> new PorterStemFilter(spelling(in)),
            in -> new EnglishMinimalStemFilter(fold(in)),
            in -> fold(in));
    for (UnaryOperator<TokenStream> tail : tails) {
      List<String> direct = run(tail.apply(new Words(words, keywords)));
      List<String> remembered = run(new RememberedTermFilter(new Words(words, keywords), tail));
      assertEquals(direct.size(), remembered.size());
      for (int i = 0; i < direct.size(); i++) {
        assertEquals(direct.get(i), remembered.get(i), "seed " + seed + ", token " + i);
      }
    }
  }

  private static TokenStream fold(TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  private static TokenStream spelling(TokenStream in) {
    return new SpellingVariantFilter(fold(in), SpellingVariants.defaults());
  }

  private static List<String> run(TokenStream ts) throws IOException {
    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
    KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
    OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
    List<String> out = new ArrayList<>();
    ts.reset();
    while (ts.incrementToken()) {
      out.add(term + " " + keyword.isKeyword() + " " + offset.startOffset());
    }
    ts.end();
    ts.close();
    return out;
  }

  /** The words as tokens, with their keyword flags and made-up offsets. */
  private static final class Words extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final List<String> words;
    private final List<Boolean> keywords;
    private int next;

    Words(List<String> words, List<Boolean> keywords) {
      this.words = words;
      this.keywords = keywords;
    }

    @Override
    public boolean incrementToken() {
      if (next >= words.size()) {
        return false;
      }
      clearAttributes();
      term.setEmpty().append(words.get(next));
      keyword.setKeyword(keywords.get(next));
      offset.setOffset(next, next + 1);
      next++;
      return true;
    }

    @Override
    public void reset() {
      next = 0;
    }
  }
}
