package dev.parley.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.Test;

/**
 * A slice of an analysed text ({@link AnalysedText#slice}) replays exactly the tokens, every
 * attribute included, and the end state that analysing the piece on its own gives; where that
 * cannot be promised (a run in capitals across the cut, text the char filters change, a cut inside
 * a word, dropped stop words) there is no slice. Fixed texts, then random texts cut at random
 * places (seed printed).
 */
class AnalysedTextSliceTest {
  private static final ParleyAnalyzer INDEX = new ParleyAnalyzer(AnalysisConfig.defaults());

  @Test
  void aPassageSliceEqualsItsOwnAnalysis() throws IOException {
    String text = "OPEC TALKS END\nGENEVA, March 3 - U.S. envoy's talks ended.\n\nThe WHO met.";
    AnalysedText whole = AnalysedText.forSlicing(INDEX, "f", text);
    int from = text.indexOf("The WHO");
    AnalysedText slice = whole.slice(from, text.length());
    assertNotNull(slice);
    assertEquals(tokens(AnalysedText.of(INDEX, "f", text.substring(from)).tokens()), tokens(slice));
    assertEquals(
        List.of("the|0-3|1|false", "w.h.o|4-7|1|true", "met|8-11|1|false", "end|12-12|0"),
        terms(slice.tokens()));
    // The lead as a prefix: the run in capitals continues from the title into "GENEVA".
    int leadEnd = text.indexOf("\n\nThe");
    AnalysedText lead = whole.slice(0, leadEnd);
    assertNotNull(lead);
    assertEquals(
        tokens(AnalysedText.of(INDEX, "f", text.substring(0, leadEnd)).tokens()), tokens(lead));
  }

  @Test
  void noSliceWhereTheCutCouldChangeTokens() {
    // "GENEVA" ends a run in capitals that starts in the title: alone, it would be an acronym.
    String caps = "OPEC TALKS END\nGENEVA talks.";
    assertNull(
        AnalysedText.forSlicing(INDEX, "f", caps).slice(caps.indexOf("GENEVA"), caps.length()));
    String word = "negotiations continued";
    AnalysedText w = AnalysedText.forSlicing(INDEX, "f", word);
    assertNull(w.slice(3, word.length()), "inside a word");
    assertNull(w.slice(0, 5), "inside a word");
    String soft = "nego\u00ADtiations continued";
    assertNull(AnalysedText.forSlicing(INDEX, "f", soft).slice(0, 4 + 7), "char filter changes it");
    String mark = "talks \u0301ended";
    assertNull(
        AnalysedText.forSlicing(INDEX, "f", mark).slice(6, mark.length()), "starts with a mark");
    ParleyAnalyzer stops =
        new ParleyAnalyzer(
            new AnalysisConfig(
                AnalysisConfig.Stemmer.KSTEM,
                AnalysisConfig.StopWords.ENGLISH,
                AnalysisConfig.Spelling.AMERICAN));
    String s = "talks in the end";
    assertNull(AnalysedText.forSlicing(stops, "f", s).slice(6, s.length()), "stop words dropped");
    assertNull(AnalysedText.of(INDEX, "f", s).slice(6, s.length()), "not analysed for slicing");
  }

  @Test
  void randomSlicesEqualTheirOwnAnalysis() throws IOException {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "AnalysedTextSliceTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    String[] pieces = {
      "TALKS",
      "OPEC",
      "U.S.",
      "US",
      "us",
      "The",
      "envoy's",
      "WHO",
      "2019",
      "talks",
      "said",
      "e\u0301",
      "\u0301x",
      "nego\u00ADti",
      "ﬁnance",
      "Москва",
      "東京",
      "😀",
      "talks.",
      ",",
      "-",
      "\u200B",
      "Mr.",
      "UN",
      "İstanbul",
      "ß",
      "colour",
      "organised",
      "’s",
      "the",
      "in",
      "x".repeat(300),
      "SANCTIONS",
      "GENEVA",
      "Ltd",
      "N.Y.",
      "a.b",
      "'",
      "\t"
    };
    ParleyAnalyzer stops =
        new ParleyAnalyzer(
            new AnalysisConfig(
                AnalysisConfig.Stemmer.PORTER,
                AnalysisConfig.StopWords.ENGLISH,
                AnalysisConfig.Spelling.AS_WRITTEN));
    int sliced = 0;
    int cuts = 0;
    for (int round = 0; round < 1500; round++) {
      ParleyAnalyzer analyzer = round % 5 == 4 ? stops : INDEX;
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(30);
      boolean plainOnly = random.nextBoolean();
      for (int k = 0; k < n; k++) {
        String p = pieces[random.nextInt(plainOnly ? 11 : pieces.length)];
        b.append(p);
        int gap = random.nextInt(6);
        b.append(gap == 0 ? "" : gap == 1 ? "\n\n" : gap == 2 ? "\n" : " ");
      }
      String text = b.toString();
      AnalysedText whole = AnalysedText.forSlicing(analyzer, "f", text);
      List<Integer> starts = new ArrayList<>(List.of(0));
      List<Integer> ends = new ArrayList<>();
      for (int i = 0; i < text.length(); i++) {
        if (Character.isWhitespace(text.charAt(i))) {
          starts.add(i + 1);
          ends.add(i);
        }
      }
      ends.add(text.length());
      for (int c = 0; c < 4; c++) {
        // Mostly cuts at white space, as passages are cut; sometimes anywhere.
        int from =
            c == 0 ? random.nextInt(text.length() + 1) : starts.get(random.nextInt(starts.size()));
        List<Integer> after = ends.stream().filter(e -> e >= from).toList();
        int to =
            c == 0 || after.isEmpty()
                ? from + random.nextInt(text.length() - from + 1)
                : after.get(random.nextInt(after.size()));
        cuts++;
        AnalysedText slice = whole.slice(from, to);
        if (slice == null) {
          continue;
        }
        sliced++;
        String piece = text.substring(from, to);
        assertEquals(
            tokens(AnalysedText.of(analyzer, "f", piece).tokens()),
            tokens(slice),
            "seed " + seed + ": [" + piece + "] of [" + text + "]");
      }
    }
    // Not vacuous: random cuts land at spaces often enough.
    assertTrue(sliced > cuts / 10, sliced + " of " + cuts);
  }

  /** Every attribute of every token, then of the end state. */
  private static List<String> tokens(AnalysedText text) throws IOException {
    return tokens(text.tokens());
  }

  private static List<String> tokens(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    ts.reset();
    while (ts.incrementToken()) {
      out.add(ts.reflectAsString(true));
    }
    ts.end();
    out.add("end " + ts.reflectAsString(true));
    ts.close();
    return out;
  }

  private static List<String> terms(TokenStream ts) throws IOException {
    var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
    var offset = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
    var inc =
        ts.addAttribute(
            org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
    var keyword =
        ts.addAttribute(org.apache.lucene.analysis.tokenattributes.KeywordAttribute.class);
    List<String> out = new ArrayList<>();
    ts.reset();
    while (ts.incrementToken()) {
      out.add(
          term
              + "|"
              + offset.startOffset()
              + "-"
              + offset.endOffset()
              + "|"
              + inc.getPositionIncrement()
              + "|"
              + keyword.isKeyword());
    }
    ts.end();
    out.add(
        "end|"
            + offset.startOffset()
            + "-"
            + offset.endOffset()
            + "|"
            + inc.getPositionIncrement());
    ts.close();
    return out;
  }
}
