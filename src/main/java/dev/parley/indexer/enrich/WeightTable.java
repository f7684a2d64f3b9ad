package dev.parley.indexer.enrich;

import java.util.Arrays;
import java.util.Map;

/**
 * The weights of every topic for each feature key, in flat arrays, with each key's <em>rank</em>
 * (its place among all keys in ascending order) as its slot: {@link #find} hashes a key to its
 * rank, and the weights of rank {@code r} are {@code weights()[r * topics + t]}.
 *
 * <p>Why ranks: the model adds a passage's word and pair weights in ascending key order (the sums
 * are rounded, so the order is part of the score). With ranks, marking the ranks found in a bit set
 * and reading the set bits in order gives that order without sorting the passage's keys, and
 * repeated words fall together on one bit. Why flat arrays: a table of {@code float[]} objects cost
 * a pointer chase (a cache miss) per hit on top of the key's.
 *
 * <p>Thread safety: immutable, safe to share.
 */
final class WeightTable {
  private final int topics;

  /** The keys in ascending (signed) order: index = rank. */
  private final long[] sortedKeys;

  /** {@code topics} weights per rank. */
  private final float[] weights;

  /** Open addressing: 1 + the rank of the key hashed here, 0 for an empty slot. */
  private final int[] index;

  /**
   * A filter of the keys, one bit per value of a key's top {@link #filterBits} bits (8 bits per key
   * or more, at least 1024): a key whose bit is clear has no weights, so most of a passage's pairs
   * and rarer words, which the model never weighed, are turned away by one read of this small array
   * instead of probes of the index and the key array, which the indexer's other work evicts from
   * the caches between passages. A set bit only says "maybe": the index decides.
   */
  private final long[] filter;

  private final int filterBits;

  /**
   * A table of {@code byKey}'s keys and weights.
   *
   * @param byKey each key's weights, {@code topics} of them
   * @param topics the number of weights per key, at least 1
   * @throws IllegalArgumentException if a key has another number of weights
   */
  WeightTable(Map<Long, float[]> byKey, int topics) {
    if (topics < 1) {
      throw new IllegalArgumentException("topics must be >= 1, got: " + topics);
    }
    this.topics = topics;
    int n = byKey.size();
    sortedKeys = new long[n];
    int k = 0;
    for (long key : byKey.keySet()) {
      sortedKeys[k++] = key;
    }
    Arrays.sort(sortedKeys);
    weights = new float[n * topics];
    index = new int[Integer.highestOneBit(Math.max(16, n * 2) - 1) << 1];
    int mask = index.length - 1;
    for (int r = 0; r < n; r++) {
      float[] w = byKey.get(sortedKeys[r]);
      if (w.length != topics) {
        throw new IllegalArgumentException(
            "key " + sortedKeys[r] + " has " + w.length + " weights, not " + topics);
      }
      System.arraycopy(w, 0, weights, r * topics, topics);
      int i = spread(sortedKeys[r]) & mask;
      while (index[i] != 0) {
        i = (i + 1) & mask;
      }
      index[i] = r + 1;
    }
    filterBits = Math.max(10, 64 - Long.numberOfLeadingZeros(Math.max(1, 8L * n - 1)));
    filter = new long[(1 << filterBits) >>> 6];
    for (long key : sortedKeys) {
      int bit = filterBit(key);
      filter[bit >>> 6] |= 1L << bit;
    }
  }

  private int filterBit(long key) {
    return (int) (key >>> (64 - filterBits));
  }

  /** The number of keys (ranks run from 0 to this, exclusive). */
  int size() {
    return sortedKeys.length;
  }

  /** The number of weights per key. */
  int topics() {
    return topics;
  }

  /** The rank of {@code key}, or -1 if it has no weights. */
  int find(long key) {
    int bit = filterBit(key);
    if ((filter[bit >>> 6] & (1L << bit)) == 0) {
      return -1;
    }
    int mask = index.length - 1;
    int i = spread(key) & mask;
    int slot;
    while ((slot = index[i]) != 0) {
      if (sortedKeys[slot - 1] == key) {
        return slot - 1;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** The key of rank {@code rank}. */
  long key(int rank) {
    return sortedKeys[rank];
  }

  /** Topic {@code topic}'s weight for the key of rank {@code rank}. */
  float weight(int rank, int topic) {
    return weights[rank * topics + topic];
  }

  /** All weights, {@code topics} floats per rank: {@code rank * topics + topic}. Do not modify. */
  float[] weights() {
    return weights;
  }

  private static int spread(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
