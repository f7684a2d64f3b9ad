package dev.parley.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AcronymFilter#undottedAcronym}'s early exit (most tokens fail on their first two
 * characters) changes no answer: fixed tokens and random tokens of capitals, small letters, dots
 * and digits, one to twelve characters, against the code before it (seed printed).
 */
class AcronymShapeTest {
  /** {@code undottedAcronym} as written before the early exit (the specification). */
  static String reference(CharSequence token) {
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

  @Test
  void undottedAcronymsAreThoseOfTheCodeBefore() {
    for (String t :
        new String[] {
          "US",
          "U.S",
          "U.S.",
          "USA",
          "E.U",
          "UNESCO",
          "UNESCOS",
          "Us",
          "us",
          ".US",
          "U..S",
          "A",
          "U.S.A.F.B.I",
          "ISIS",
          "G20",
          "ÉU",
          "U.",
          "a.b",
          "A.B.C.D.E.F",
          "A.B.C.D.E.F.G"
        }) {
      assertEquals(reference(t), AcronymFilter.undottedAcronym(t), t);
    }
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "AcronymShapeTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    String alphabet = "ABCUSZ..az9É@";
    for (int round = 0; round < 200_000; round++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + random.nextInt(12);
      for (int k = 0; k < len; k++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = b.toString();
      assertEquals(reference(t), AcronymFilter.undottedAcronym(t), "seed " + seed + ": " + t);
    }
  }
}
