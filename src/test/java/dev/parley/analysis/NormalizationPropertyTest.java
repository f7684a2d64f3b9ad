package dev.parley.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/**
 * Property (random input, seed printed): invisible format characters inserted anywhere inside the
 * words of Latin text change neither the tokens, nor the entities tagged, and every token's offsets
 * point into the text as given, at the same word.
 */
class NormalizationPropertyTest {
  private static final String[] WORDS = {
    "Diplomats",
    "negotiations",
    "sanctions",
    "stalled",
    "ISIS",
    "NATO",
    "Erdoğan",
    "Putin",
    "talks",
    "U.S.",
    "North",
    "Korea",
    "ceasefire",
    "envoy",
    "Beijing",
    "said",
    "the",
    "in"
  };
  private static final char[] INVISIBLE = {
    '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u200E', '\u200F', '\u2066',
    '\u2069', '\u034F'
  };

  @Test
  void invisibleCharactersInsideWordsChangeNothing() throws IOException {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "NormalizationPropertyTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    Analyzer analyzer = new ParleyAnalyzer(AnalysisConfig.defaults());
    EntityTagger tagger = new EntityTagger(EntityTaggerTest.gazetteer());
    for (int round = 0; round < 300; round++) {
      StringBuilder clean = new StringBuilder();
      StringBuilder dirty = new StringBuilder();
      int n = 1 + random.nextInt(12);
      for (int w = 0; w < n; w++) {
        String word = WORDS[random.nextInt(WORDS.length)];
        if (w > 0) {
          clean.append(' ');
          dirty.append(' ');
        }
        clean.append(word);
        for (int i = 0; i < word.length(); i++) {
          dirty.append(word.charAt(i));
          boolean inside =
              i + 1 < word.length()
                  && Character.isLetter(word.charAt(i))
                  && Character.isLetter(word.charAt(i + 1));
          if (inside && random.nextInt(4) == 0) {
            dirty.append(INVISIBLE[random.nextInt(INVISIBLE.length)]);
          }
        }
      }
      String where = "seed " + seed + " round " + round + ": " + dirty;
      assertEquals(terms(analyzer, clean.toString()), terms(analyzer, dirty.toString()), where);
      assertEquals(
          EntityTagger.ids(tagger.tag(clean.toString())),
          EntityTagger.ids(tagger.tag(dirty.toString())),
          where);
      try (TokenStream ts = analyzer.tokenStream("text", dirty.toString())) {
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        ts.reset();
        int last = 0;
        while (ts.incrementToken()) {
          assertTrue(offset.startOffset() >= last && offset.startOffset() < offset.endOffset());
          assertTrue(offset.endOffset() <= dirty.length(), where);
          String span = dirty.substring(offset.startOffset(), offset.endOffset());
          assertTrue(Character.isLetterOrDigit(span.codePointAt(0)), where + " -> " + span);
          last = offset.startOffset();
        }
        ts.end();
      }
    }
  }

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }
}
