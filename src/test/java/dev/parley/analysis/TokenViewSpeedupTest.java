package dev.parley.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenView}'s ASCII path and lazily made folded forms give the same view as the
 * straightforward code ({@link TokenViewReference}) in every accessor, on random texts (seed
 * printed; rerun with {@code -Dparley.seed=N}) of ASCII words in every case, digits, abbreviations,
 * initials, sentence ends and line breaks, some with accented, decomposed or format characters (the
 * general path).
 */
class TokenViewSpeedupTest {
  private static final List<String> PIECES =
      List.of(
          "Mr",
          "U",
          "S",
          "US",
          "the",
          "The",
          "THE",
          "talks",
          "Talks",
          "summit",
          "SEC",
          "Prime",
          "Minister",
          "no",
          "No",
          "pct",
          "Inc",
          "co",
          "1987",
          "3rd",
          "a",
          "I",
          "x",
          "Reagan",
          "GORBACHEV",
          "iPhone",
          "McDonald",
          "Türkiye",
          "Erdog\u0306an",
          "e\u0301",
          "ﬁnance",
          "ＵＮ",
          "naïve",
          "\u00AD",
          "São");
  private static final List<String> GAPS =
      List.of(
          " ", " ", " ", ", ", ". ", "! ", "? ", "; ", "\n", "\r\n", "'", "-", " (", ") ", "...");

  @Test
  void sameViewAsTheStraightforwardCode() {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "TokenViewSpeedupTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    int ascii = 0;
    for (int round = 0; round < 5000; round++) {
      StringBuilder b = new StringBuilder();
      boolean onlyAscii = random.nextInt(4) != 0;
      int n = random.nextInt(40);
      for (int k = 0; k < n; k++) {
        String piece = PIECES.get(random.nextInt(PIECES.size()));
        if (onlyAscii && !piece.chars().allMatch(c -> c < 128)) {
          piece = "caps";
        }
        switch (random.nextInt(8)) {
          case 0 -> piece = piece.toUpperCase(java.util.Locale.ROOT);
          case 1 -> piece = piece.toLowerCase(java.util.Locale.ROOT);
          case 2 -> piece = Character.toString('A' + random.nextInt(26));
          default -> {}
        }
        b.append(piece).append(GAPS.get(random.nextInt(GAPS.size())));
      }
      String text = b.toString();
      ascii += text.chars().allMatch(c -> c < 128) ? 1 : 0;
      compare(text, seed);
    }
    assertEquals(true, ascii > 2000, "most texts take the ASCII path: " + ascii);
  }

  private static void compare(String text, long seed) {
    TokenViewReference expected = TokenViewReference.of(text);
    String m = "seed " + seed + ": " + text;
    // Asking in a different order each time: folded forms are made on demand.
    TokenView lazy = TokenView.of(text);
    TokenView eager = TokenView.of(text);
    assertEquals(expected.size(), lazy.size(), m);
    assertEquals(expected.allCaps(), lazy.allCaps(), m);
    for (int i = 0; i < expected.size(); i++) {
      String f = expected.folded(i);
      assertEquals(f, eager.folded(i), m);
      assertEquals(f.length(), lazy.foldedLength(i), m);
      for (int k = 0; k < f.length(); k++) {
        assertEquals(f.charAt(k), lazy.foldedCharAt(i, k), m);
      }
      for (String probe : List.of(f, f + "s", f.isEmpty() ? "" : f.substring(1), "the", "us")) {
        assertEquals(f.equals(probe), lazy.foldedEquals(i, probe), m + " / " + probe);
        assertEquals(f.startsWith(probe), lazy.foldedStartsWith(i, probe), m + " / " + probe);
      }
      assertEquals(f, lazy.folded(i), m);
      assertEquals(expected.hash(i), lazy.hash(i), m);
      assertEquals(expected.start(i), lazy.start(i), m);
      assertEquals(expected.end(i), lazy.end(i), m);
      assertEquals(expected.word(i), lazy.word(i), m);
      assertEquals(expected.capitalised(i), lazy.capitalised(i), m);
      assertEquals(expected.upperCase(i), lazy.upperCase(i), m);
      assertEquals(expected.breakBefore(i), lazy.breakBefore(i), m);
      assertEquals(expected.wordAt(expected.start(i)), lazy.wordAt(lazy.start(i)), m);
      for (String s : List.of("SEC", "US", expected.word(i))) {
        assertEquals(expected.writtenAs(i, s), lazy.writtenAs(i, s), m);
      }
    }
  }
}
