package dev.parley.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenView}'s ASCII fast path cuts, folds, hashes and flags every word as the general path
 * did ({@link TokenViewReference}): fixed texts, then random ASCII texts (capitals, digits,
 * abbreviations, sentence ends, all-caps wire copy) and random texts mixing non-ASCII characters
 * (seed printed).
 */
class TokenViewSpeedupTest {
  private static final String[] ASCII = {
    "Talks",
    "talks",
    "TALKS",
    "U.S.",
    "US",
    "Mr.",
    "Mr",
    "2019",
    "1.5",
    "G20",
    "said",
    "No.",
    "the",
    "Geneva.",
    "Kim's",
    "O'Neill",
    "a",
    "I",
    "?",
    "!",
    ";",
    "\n",
    ",",
    "-",
    " ",
    "  ",
    "\t",
    "x9",
    "9x",
    "AbC",
    "THE U.S. TREASURY SAID IT WOULD SELL 9.75 BLN DLRS OF BILLS"
  };
  private static final String[] OTHER = {
    "Erdoğan",
    "Erdog\u0306an",
    "ﬁnance",
    "ＵＮ",
    "Москва",
    "東京",
    "\u00AD",
    "\u200B",
    "😀",
    "ß",
    "İstanbul",
    "ǅ",
    "É",
    "’"
  };

  @Test
  void fastPathGivesTheViewOfTheGeneralPath() {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "TokenViewSpeedupTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    List<String> texts =
        new ArrayList<>(
            List.of(
                "",
                " ",
                "...",
                "US",
                "The U.S. envoy met Mr. Kim in Geneva. Talks ended; NO DEAL! 2019?",
                "THE U.S. TREASURY SAID IT WOULD SELL 9.75 BLN DLRS OF BILLS TO THE PUBLIC"));
    for (int round = 0; round < 3000; round++) {
      boolean ascii = round % 3 != 0;
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(60);
      for (int k = 0; k < n; k++) {
        b.append(
            ascii || random.nextInt(4) > 0
                ? ASCII[random.nextInt(ASCII.length)]
                : OTHER[random.nextInt(OTHER.length)]);
        if (random.nextBoolean()) {
          b.append(' ');
        }
      }
      texts.add(b.toString());
    }
    for (String t : texts) {
      assertEquals(
          describe(TokenViewReference.of(t)), describe(TokenView.of(t)), "seed " + seed + ": " + t);
    }
  }

  private static String describe(TokenViewReference v) {
    StringBuilder b = new StringBuilder("words " + v.size() + " allCaps " + v.allCaps() + "\n");
    for (int i = 0; i < v.size(); i++) {
      b.append(v.start(i)).append('-').append(v.end(i)).append(' ').append(v.word(i)).append(' ');
      b.append(v.folded(i)).append(' ').append(v.hash(i)).append(' ').append(v.capitalised(i));
      b.append(v.upperCase(i)).append(v.breakBefore(i)).append(' ').append(v.wordAt(v.start(i)));
      b.append('\n');
    }
    return b.toString();
  }

  private static String describe(TokenView v) {
    StringBuilder b = new StringBuilder("words " + v.size() + " allCaps " + v.allCaps() + "\n");
    for (int i = 0; i < v.size(); i++) {
      b.append(v.start(i)).append('-').append(v.end(i)).append(' ').append(v.word(i)).append(' ');
      b.append(v.folded(i)).append(' ').append(v.hash(i)).append(' ').append(v.capitalised(i));
      b.append(v.upperCase(i)).append(v.breakBefore(i)).append(' ').append(v.wordAt(v.start(i)));
      b.append('\n');
    }
    return b.toString();
  }
}
