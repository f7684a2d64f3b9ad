package dev.parley.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TokenViewTest {

  @Test
  void cutsWordsWithOffsetsFoldsAndCaseFlags() {
    TokenView v = TokenView.of("The U.S. and Türkiye's SEC met.");
    List<String> words = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      words.add(v.word(i));
    }
    assertEquals(List.of("The", "U", "S", "and", "Türkiye", "s", "SEC", "met"), words);
    assertEquals("turkiye", v.folded(4));
    assertEquals(13, v.start(4));
    assertEquals(20, v.end(4));
    assertTrue(v.capitalised(0));
    assertFalse(v.upperCase(0));
    assertTrue(v.upperCase(6));
    assertTrue(v.writtenAs(6, "SEC"));
    assertFalse(v.capitalised(3));
    assertEquals(TokenView.hash("sec"), v.hash(6));
    assertEquals(6, v.wordAt(v.start(6)));
    assertEquals(-1, v.wordAt(1));
  }

  @Test
  void sentenceBreaksSkipAbbreviationsAndInitials() {
    TokenView v = TokenView.of("Mr. Kim met U.S. envoys. Talks ended! Then lunch; more\nnext");
    List<Integer> breaks = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (v.breakBefore(i)) {
        breaks.add(i);
      }
    }
    // "Talks" (after "envoys."), "Then" (after "!"), "more" (after ";"), "next" (line break).
    assertEquals(List.of(6, 8, 10, 11), breaks);
  }

  @Test
  void allCapsTextIsRecognised() {
    assertTrue(TokenView.of("THE PRESIDENT WILL VISIT MOSCOW NEXT WEEK FOR TALKS").allCaps());
    assertFalse(TokenView.of("The President will visit Moscow next week for talks").allCaps());
    assertFalse(TokenView.of("SHORT CAPS").allCaps()); // 20 letters or fewer say nothing
  }

  @Test
  void offsetsIndexTheTextAsGivenWhenFormatCharactersAreRemoved() {
    String text = "new sanc\u00adtions on Iran";
    TokenView v = TokenView.of(text);
    assertEquals("sanctions", v.folded(1));
    assertEquals("sanc\u00adtions", text.substring(v.start(1), v.end(1)));
    assertEquals("Iran", text.substring(v.start(3), v.end(3)));
  }

  /** The words and folds are those of the tagger's old expression and fold, on random text. */
  @Test
  void agreesWithTheRegularExpressionOnRandomText() {
    long seed = System.nanoTime();
    System.out.println("TokenViewTest seed " + seed);
    Random random = new Random(seed);
    String alphabet = "abcXYZ éÉüİı0129 .,;!?-'\n\tŞçÇ";
    Pattern word = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    for (int round = 0; round < 500; round++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(60);
      for (int k = 0; k < length; k++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = Normalizer.normalize(b.toString(), Normalizer.Form.NFKC);
      TokenView v = TokenView.of(text);
      Matcher m = word.matcher(text);
      int i = 0;
      while (m.find()) {
        assertTrue(i < v.size(), "seed " + seed + ": " + text);
        assertEquals(m.start(), v.start(i), "seed " + seed + ": " + text);
        assertEquals(m.end(), v.end(i), "seed " + seed + ": " + text);
        String folded =
            Normalizer.normalize(m.group(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        assertEquals(folded, v.folded(i), "seed " + seed + ": " + text);
        i++;
      }
      assertEquals(i, v.size(), "seed " + seed + ": " + text);
    }
  }
}
