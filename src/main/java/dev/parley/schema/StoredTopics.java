package dev.parley.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * A passage's topic scores as the stored value of {@link Fields#TOPICS} (schema 9): for each topic
 * in the enricher's order, its name (Lucene's {@code writeString}: length and UTF-8) and its score
 * in ten-thousandths (a zig-zag varint), after a varint count. Until schema 9 the same scores were
 * stored as JSON text ({@code {"diplomacy":0.9312,...}}); the decoded values are exactly what
 * parsing that JSON gave, so hits, their JSON and the reranker's features are unchanged.
 *
 * <p>Scores are kept to four decimals, as the JSON kept them: {@code Math.round(score * 10000)}.
 * The values handed back are {@code Double.toString(q / 10000.0)} parsed as a float ({@link
 * #floats}, what Gson's {@code getAsFloat} did with the JSON number that {@code Double.toString}
 * wrote) and {@code q / 10000.0} ({@link #doubles}, what {@code getAsDouble} gave).
 *
 * <p>The topic names are repeated in every value; LZ4 finds them again within a stored-fields
 * block, so a dictionary would save little and would have to live in the manifest.
 *
 * <p>Thread safety: stateless.
 */
public final class StoredTopics {
  private StoredTopics() {}

  /** The stored value of {@code scores} (iteration order kept). */
  public static BytesRef encode(Map<String, Float> scores) {
    int size = 5;
    for (String name : scores.keySet()) {
      size += 5 + 3 * name.length() + 5;
    }
    byte[] buffer = new byte[size];
    ByteArrayDataOutput out = new ByteArrayDataOutput(buffer);
    try {
      out.writeVInt(scores.size());
      for (Map.Entry<String, Float> e : scores.entrySet()) {
        out.writeString(e.getKey());
        out.writeZInt(Math.round(e.getValue() * 10000));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array cannot fail", e);
    }
    return new BytesRef(buffer, 0, out.getPosition());
  }

  /**
   * The scores in {@code bytes} as floats, in stored order: the values hits show.
   *
   * @throws IllegalArgumentException if {@code bytes} is not one stored topics value
   */
  public static Map<String, Float> floats(BytesRef bytes) {
    Map<String, Float> out = new LinkedHashMap<>();
    read(bytes, (name, q) -> out.put(name, Float.parseFloat(Double.toString(q / 10000.0))));
    return out;
  }

  /**
   * The scores in {@code bytes} as doubles ({@code q / 10000.0}): the values the reranker uses.
   *
   * @throws IllegalArgumentException if {@code bytes} is not one stored topics value
   */
  public static Map<String, Double> doubles(BytesRef bytes) {
    Map<String, Double> out = new HashMap<>();
    read(bytes, (name, q) -> out.put(name, q / 10000.0));
    return out;
  }

  private interface Sink {
    void accept(String name, int tenThousandths);
  }

  private static void read(BytesRef bytes, Sink sink) {
    if (bytes == null) {
      return; // a passage written without topics, as the JSON field was absent before
    }
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    try {
      int n = in.readVInt();
      for (int i = 0; i < n; i++) {
        String name = in.readString();
        sink.accept(name, in.readZInt());
      }
      // ByteArrayDataInput does not stop at the end of a slice: check it read exactly the value.
      if (in.getPosition() != bytes.offset + bytes.length) {
        throw new IllegalArgumentException("length mismatch");
      }
    } catch (IOException | RuntimeException e) {
      throw UndecodableValue.of(Fields.TOPICS, bytes.length, e);
    }
  }
}
