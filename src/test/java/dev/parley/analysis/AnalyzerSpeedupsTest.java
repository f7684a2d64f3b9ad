package dev.parley.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/**
 * The analyzer's speed-ups change no token: the index chain is compared with the straightforward
 * chain it replaced (ICU's NFKC char filter always, caps runs found by the regular expression, the
 * spelling list looked up by String) on fixed texts and on random texts mixing ASCII, accents,
 * decomposed marks, ligatures, full-width letters, format characters, capitals and apostrophes
 * (seed printed).
 */
class AnalyzerSpeedupsTest {
  /** The index chain as it was written before the speed-ups (the specification). */
  private static final class StraightforwardAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      AcronymFilter acronyms = new AcronymFilter(new EnglishPossessiveFilter(source));
      Consumer<Reader> setReader =
          reader -> {
            FormatCharFilter visible = new FormatCharFilter(reader);
            acronyms.setCapsRuns(regexCapsRuns(visible.text(), visible::correctOffset));
            source.setReader(new ICUNormalizer2CharFilter(visible, NormalizedText.NFKC));
          };
      TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(acronyms));
      stream =
          new org.apache.lucene.analysis.TokenFilter(stream) {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

            @Override
            public final boolean incrementToken() throws IOException {
              if (!input.incrementToken()) {
                return false;
              }
              if (!keyword.isKeyword()) {
                String american = SpellingVariants.defaults().americanOf(term.toString());
                if (american != null) {
                  term.setEmpty().append(american);
                }
              }
              return true;
            }
          };
      return new TokenStreamComponents(setReader, new KStemFilter(stream));
    }
  }

  static int[] regexCapsRuns(String text, IntUnaryOperator toOffset) {
    List<int[]> runs = new ArrayList<>();
    Matcher m = Pattern.compile(AcronymFilter.WORD_SHAPE).matcher(text);
    int runStart = -1;
    int runEnd = -1;
    int words = 0;
    while (m.find()) {
      int kind = 0;
      for (int i = m.start(); i < m.end(); i++) {
        char c = text.charAt(i);
        if (Character.isLowerCase(c)) {
          kind = -1;
          break;
        }
        if (Character.isLetter(c)) {
          kind = 1;
        }
      }
      if (kind == 0) {
        continue;
      }
      if (kind > 0) {
        if (words == 0) {
          runStart = m.start();
        }
        words++;
        runEnd = m.end();
      } else {
        if (words >= AcronymFilter.CAPS_RUN_WORDS) {
          runs.add(new int[] {runStart, runEnd});
        }
        words = 0;
      }
    }
    if (words >= AcronymFilter.CAPS_RUN_WORDS) {
      runs.add(new int[] {runStart, runEnd});
    }
    int[] out = new int[runs.size() * 2];
    for (int r = 0; r < runs.size(); r++) {
      out[2 * r] = toOffset.applyAsInt(runs.get(r)[0]);
      out[2 * r + 1] = toOffset.applyAsInt(runs.get(r)[1] - 1) + 1;
    }
    return out;
  }

  private static final String[] PIECES = {
    "Diplomats",
    "negotiations",
    "SANCTIONS",
    "the",
    "U.S.",
    "US",
    "us",
    "UN",
    "WHO",
    "NATO",
    "Erdoğan",
    "Erdog\u0306an",
    "ﬁnance",
    "ＵＮ",
    "organisation",
    "colour",
    "defence",
    "centre",
    "travelled",
    "Kim's",
    "Kim’s",
    "O'Neill",
    "rock'n'roll",
    "e.g.",
    "G20",
    "2019",
    "1.5",
    "ИРАН",
    "Москва",
    "東京",
    "نفط",
    "\u00AD",
    "\u200B",
    "\u200D",
    "\uFEFF",
    "😀",
    "\uD83C",
    "Ⅻ",
    "²",
    "ß",
    "İstanbul",
    "ǅ",
    "\n",
    ".",
    ",",
    "!",
    " - ",
    "'",
    "’",
    "  ",
    "TALKS END",
    "MR.",
    "U.S.-SOVIET",
    "É.U.",
    "ISIS",
    "I.S.",
    "a.b.c.d",
    "x'",
    "'y"
  };

  private static final String[] FIXED = {
    "",
    "U.S. AND SOVIET UNION AGREE ON ARMS TALKS, Reagan said.",
    "The organisation's defence centre travelled to Erdog\u0306an's ﬁnance talks.",
    "ＵＮ envoy met US officials; us too. WHO said IS fighters",
    "nego\u00ADti\u00ADations in Москва and 東京 ended",
    "THE U.S. TREASURY SAID IT WOULD SELL 9.75 BLN DLRS OF BILLS",
    "O'Neill’s rock'n'roll e.g. G20 2019 1.5 Ⅻ² İstanbul ǅ 😀 \uD83C"
  };

  @Test
  void indexChainGivesTheTokensOfTheStraightforwardChain() throws IOException {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "AnalyzerSpeedupsTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    Analyzer fast = new ParleyAnalyzer(AnalysisConfig.defaults());
    Analyzer reference = new StraightforwardAnalyzer();
    List<String> texts = new ArrayList<>(List.of(FIXED));
    for (int round = 0; round < 2000; round++) {
      texts.add(randomText(random));
    }
    for (String text : texts) {
      assertEquals(tokens(reference, text), tokens(fast, text), "seed " + seed + ": " + text);
    }
  }

  @Test
  void capsRunsAreThoseOfTheRegularExpression() {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "AnalyzerSpeedupsTest caps seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    for (String text : FIXED) {
      assertArrayEquals(
          regexCapsRuns(text, i -> i), AcronymFilter.capsRuns(text, i -> i), "fixed: " + text);
    }
    for (int round = 0; round < 5000; round++) {
      String text = randomText(random);
      assertArrayEquals(
          regexCapsRuns(text, i -> i + 3),
          AcronymFilter.capsRuns(text, i -> i + 3),
          "seed " + seed + ": " + text);
    }
    // Runs in capitals, with and without the separators that join a word's parts.
    assertArrayEquals(new int[] {0, 18}, AcronymFilter.capsRuns("U.S. AND SOVIET UN said", i -> i));
    assertArrayEquals(new int[0], AcronymFilter.capsRuns("U.S. AND soviet", i -> i));
    assertArrayEquals(new int[0], AcronymFilter.capsRuns("the O'NEILL’S 2019 TALKS", i -> i));
    assertArrayEquals(
        new int[] {4, 28}, AcronymFilter.capsRuns("the O'NEILL’S 2019 TALKS END", i -> i));
  }

  /**
   * The one-pass scan of ASCII text gives the runs of the regular expression, and gives way (null)
   * to the general scan on any text with a character beyond ASCII, wherever it falls.
   */
  @Test
  void asciiCapsRunsAreThoseOfTheRegularExpression() {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "AnalyzerSpeedupsTest ascii caps seed: "
            + seed
            + " (rerun with -Dparley.seed="
            + seed
            + ")");
    Random random = new Random(seed);
    List<String> ascii = new ArrayList<>();
    for (String p : PIECES) {
      if (p.chars().allMatch(c -> c < 128)) {
        ascii.add(p);
      }
    }
    ascii.addAll(List.of("A", "B.", "C'", "'D", "x", "9", "..", "''", "IRAN'S", "U.N.", "a.B"));
    for (int round = 0; round < 20_000; round++) {
      StringBuilder b = new StringBuilder();
      int pieces = random.nextInt(30);
      for (int k = 0; k < pieces; k++) {
        b.append(ascii.get(random.nextInt(ascii.size())));
        if (random.nextInt(3) > 0) {
          b.append(random.nextInt(4) == 0 ? "." : " ");
        }
      }
      String text = b.toString();
      int[] expected = regexCapsRuns(text, i -> i);
      assertArrayEquals(expected, AcronymFilter.asciiCapsRuns(text), "seed " + seed + ": " + text);
      assertArrayEquals(
          regexCapsRuns(text, i -> i + 5),
          AcronymFilter.capsRuns(text, i -> i + 5),
          "seed " + seed + ": " + text);
      // One character beyond ASCII anywhere sends the text to the general scan.
      String other = PIECES[random.nextInt(PIECES.length)];
      if (other.chars().anyMatch(c -> c >= 128)) {
        int at = random.nextInt(text.length() + 1);
        String mixed = text.substring(0, at) + other + text.substring(at);
        assertEquals(null, AcronymFilter.asciiCapsRuns(mixed), "seed " + seed + ": " + mixed);
        assertArrayEquals(
            regexCapsRuns(mixed, i -> i),
            AcronymFilter.capsRuns(mixed, i -> i),
            "seed " + seed + ": " + mixed);
      }
    }
  }

  @Test
  void spellingVariantsByCharactersAgreeWithTheList() {
    SpellingVariants v = SpellingVariants.defaults();
    for (String w :
        List.of("organisation", "colour", "defence", "centre", "travelled", "color", "the", "")) {
      char[] buf = (w + "xyz").toCharArray();
      char[] got = v.americanOf(buf, w.length());
      assertEquals(v.americanOf(w), got == null ? null : new String(got), w);
    }
  }

  private static String randomText(Random random) {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(14);
    for (int i = 0; i < n; i++) {
      String piece = PIECES[random.nextInt(PIECES.length)];
      if (random.nextInt(5) == 0) {
        piece = piece.toUpperCase(java.util.Locale.ROOT);
      }
      b.append(piece);
      if (random.nextInt(3) > 0) {
        b.append(' ');
      }
    }
    return b.toString();
  }

  /** Each token as term|start|end|posInc|keyword, in order, then the final offset. */
  static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            term
                + "|"
                + offset.startOffset()
                + "|"
                + offset.endOffset()
                + "|"
                + inc.getPositionIncrement()
                + "|"
                + keyword.isKeyword());
      }
      ts.end();
      out.add("end " + offset.endOffset() + " " + inc.getPositionIncrement());
    }
    return out;
  }
}
