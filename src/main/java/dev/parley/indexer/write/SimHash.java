package dev.parley.indexer.write;

import java.util.Arrays;
import java.util.Locale;

/**
 * 64-bit SimHash of a text's word 3-shingles (lower-cased letters and digits only). Texts that
 * differ in a few words have hashes a few bits apart, so near-duplicate passages (the same wire
 * paragraph in several stories) can be folded at query time by Hamming distance.
 *
 * <p>Thread safety: stateless.
 */
public final class SimHash {
  private SimHash() {}

  /** The word shape the hash reads ({@link #of} scans for it by hand; its tests compare). */
  public static final String WORD_SHAPE = "[\\p{L}\\p{N}]+";

  /** The SimHash of {@code text}; 0 for a text without words. */
  public static long of(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    // Word boundaries as start/end pairs: one scan, no regular expression and no substrings (the
    // regular expression was most of this hash's cost, and the hash is computed for every passage).
    int[] bounds = new int[32];
    int n = 0;
    int len = lower.length();
    int i = 0;
    while (i < len) {
      int c = lower.codePointAt(i);
      if (!isWordChar(c)) {
        i += Character.charCount(c);
        continue;
      }
      int start = i;
      do {
        i += Character.charCount(c);
      } while (i < len && isWordChar(c = lower.codePointAt(i)));
      if (2 * n + 2 > bounds.length) {
        bounds = Arrays.copyOf(bounds, bounds.length * 2);
      }
      bounds[2 * n] = start;
      bounds[2 * n + 1] = i;
      n++;
    }
    if (n == 0) {
      return 0;
    }
    // The vote of each of the 64 bits over the shingle hashes, counted bit-sliced: plane k holds
    // bit k of the number of hashes with a one at each position, so adding a hash is a short
    // ripple carry over a few longs instead of 64 increments (the 64-step loop was about 5% of a
    // Reuters indexing run's samples). A bit is set when more than half the hashes have it: the
    // same as votes of +1 and -1 summing above zero.
    int shingles = Math.max(1, n - 2);
    long[] planes = new long[32];
    for (int w = 0; w < shingles; w++) {
      long carry = shingleHash(lower, bounds, w, Math.min(n, w + 3));
      for (int k = 0; carry != 0; k++) {
        long both = planes[k] & carry;
        planes[k] ^= carry;
        carry = both;
      }
    }
    int used = 32 - Integer.numberOfLeadingZeros(shingles); // a count is at most shingles
    long out = 0;
    for (int b = 0; b < 64; b++) {
      int ones = 0;
      for (int k = 0; k < used; k++) {
        ones |= (int) ((planes[k] >>> b) & 1) << k;
      }
      if (2 * ones > shingles) {
        out |= 1L << b;
      }
    }
    return out;
  }

  /** {@link #hash} of words {@code from..to-1} joined by single spaces. */
  private static long shingleHash(String text, int[] bounds, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int w = from; w < to; w++) {
      if (w > from) {
        h ^= ' ';
        h *= 0x100000001b3L;
      }
      for (int i = bounds[2 * w]; i < bounds[2 * w + 1]; i++) {
        h ^= text.charAt(i);
        h *= 0x100000001b3L;
      }
    }
    return mix(h);
  }

  private static boolean isWordChar(int c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  /** Hamming distance between two hashes. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** 64-bit FNV-1a of the string's UTF-16 units, then a final mix so all bits vary. */
  public static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
