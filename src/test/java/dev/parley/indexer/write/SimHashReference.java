package dev.parley.indexer.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link SimHash#of} as first written, with a regular expression: the specification its tests use.
 */
public final class SimHashReference {
  private SimHashReference() {}

  private static final Pattern WORD = Pattern.compile(SimHash.WORD_SHAPE);

  /** The SimHash of {@code text}, the straightforward way. */
  public static long of(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    if (words.isEmpty()) {
      return 0;
    }
    int[] votes = new int[64];
    int shingles = Math.max(1, words.size() - 2);
    for (int i = 0; i < shingles; i++) {
      long h = SimHash.hash(String.join(" ", words.subList(i, Math.min(words.size(), i + 3))));
      for (int b = 0; b < 64; b++) {
        votes[b] += ((h >>> b) & 1) == 1 ? 1 : -1;
      }
    }
    long out = 0;
    for (int b = 0; b < 64; b++) {
      if (votes[b] > 0) {
        out |= 1L << b;
      }
    }
    return out;
  }
}
