package dev.parley.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Where a passage sits in its article, and its date: the one stored value {@link Fields#SPAN} of a
 * passage document (schema 9), packed as zig-zag variable-length integers instead of eight stored
 * numbers. Every reader of these numbers (hits, article spans, the reranker's features) needs the
 * stored value of a hit it already holds, and none searches, sorts or counts by them, so they need
 * neither points nor doc values; one value costs one field header instead of eight.
 *
 * <p>Layout, each a zig-zag varint (Lucene's {@code writeZLong}), differences taken in {@code long}
 * so that any {@code int} round-trips: {@code paraFrom}, {@code paraTo - paraFrom}, {@code
 * charStart}, {@code charEnd - charStart}, {@code charStart - cpStart}, {@code (charEnd -
 * charStart) - (cpEnd - cpStart)}, {@code ordinal}, {@code epochDay}. The differences are small or
 * zero on real passages (one byte each).
 *
 * @param paraFrom first paragraph number of the passage (inclusive)
 * @param paraTo last paragraph number (inclusive)
 * @param charStart offset of the passage's start in the article text, in UTF-16 code units
 * @param charEnd UTF-16 offset just past the passage's end
 * @param cpStart {@code charStart} counted in Unicode code points
 * @param cpEnd {@code charEnd} counted in Unicode code points
 * @param ordinal position of the passage in its article, from 0
 * @param epochDay the article date as days since 1970-01-01
 *     <p>Thread safety: immutable.
 */
public record PassageSpan(
    int paraFrom,
    int paraTo,
    int charStart,
    int charEnd,
    int cpStart,
    int cpEnd,
    int ordinal,
    long epochDay) {

  /** Eight varints of at most 10 bytes each. */
  private static final int MAX_BYTES = 80;

  /** The packed bytes of this span. */
  public BytesRef encode() {
    byte[] buffer = new byte[MAX_BYTES];
    ByteArrayDataOutput out = new ByteArrayDataOutput(buffer);
    try {
      out.writeZLong(paraFrom);
      out.writeZLong((long) paraTo - paraFrom);
      out.writeZLong(charStart);
      out.writeZLong((long) charEnd - charStart);
      out.writeZLong((long) charStart - cpStart);
      out.writeZLong(((long) charEnd - charStart) - ((long) cpEnd - cpStart));
      out.writeZLong(ordinal);
      out.writeZLong(epochDay);
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array cannot fail", e);
    }
    return new BytesRef(Arrays.copyOf(buffer, out.getPosition()));
  }

  /**
   * The span packed in {@code bytes} by {@link #encode()}.
   *
   * @throws IllegalArgumentException if {@code bytes} is not exactly one packed span (an index
   *     written by another schema, or damaged)
   */
  public static PassageSpan decode(BytesRef bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("no stored " + Fields.SPAN + " value");
    }
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    try {
      long paraFrom = in.readZLong();
      long paraTo = paraFrom + in.readZLong();
      long charStart = in.readZLong();
      long charEnd = charStart + in.readZLong();
      long cpStart = charStart - in.readZLong();
      long cpEnd = cpStart + (charEnd - charStart) - in.readZLong();
      long ordinal = in.readZLong();
      long epochDay = in.readZLong();
      // ByteArrayDataInput does not stop at the end of a slice: check it read exactly the value.
      if (in.getPosition() != bytes.offset + bytes.length) {
        throw new IllegalArgumentException("length mismatch");
      }
      return new PassageSpan(
          Math.toIntExact(paraFrom),
          Math.toIntExact(paraTo),
          Math.toIntExact(charStart),
          Math.toIntExact(charEnd),
          Math.toIntExact(cpStart),
          Math.toIntExact(cpEnd),
          Math.toIntExact(ordinal),
          epochDay);
    } catch (IOException | RuntimeException e) {
      throw UndecodableValue.of(Fields.SPAN, bytes.length, e);
    }
  }
}
