package dev.parley.indexer.enrich;

/**
 * A hash table from 64-bit keys to values, by open addressing: the topic model looks up every word
 * and word pair of every passage here, and boxing each key as a {@code Long} would cost more than
 * the look-up.
 *
 * <p>Thread safety: not thread-safe while filled; safe to share for reading once filled.
 */
final class LongTable<V> {
  private long[] keys;
  private Object[] values;
  private int size;

  LongTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[capacity];
    values = new Object[capacity];
  }

  int size() {
    return size;
  }

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(long key) {
    int mask = keys.length - 1;
    int i = spread(key) & mask;
    while (values[i] != null) {
      if (keys[i] == key) {
        return (V) values[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  /** Sets the value of {@code key} (not null). */
  void put(long key, V value) {
    java.util.Objects.requireNonNull(value, "value");
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = spread(key) & mask;
    while (values[i] != null) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /** Calls {@code action} with each key and its value, in no particular order. */
  @SuppressWarnings("unchecked")
  void forEach(java.util.function.BiConsumer<Long, V> action) {
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != null) {
        action.accept(keys[i], (V) values[i]);
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        @SuppressWarnings("unchecked")
        V v = (V) oldValues[i];
        put(oldKeys[i], v);
      }
    }
  }

  private static int spread(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
