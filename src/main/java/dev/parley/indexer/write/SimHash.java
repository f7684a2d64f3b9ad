package dev.parley.indexer.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 64-bit SimHash of a text's word 3-shingles (lower-cased letters and digits only). Texts that
 * differ in a few words have hashes a few bits apart, so near-duplicate passages (the same wire
 * paragraph in several stories) can be folded at query time by Hamming distance.
 *
 * <p>Thread safety: stateless.
 */
public final class SimHash {
  private SimHash() {}

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /** The SimHash of {@code text}; 0 for a text without words. */
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
      String shingle = String.join(" ", words.subList(i, Math.min(words.size(), i + 3)));
      long h = hash(shingle);
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

  /** Hamming distance between two hashes. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** 64-bit FNV-1a of the string's UTF-16 units, then a final mix so all bits vary. */
  private static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
