package dev.parley.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The packed {@code span} value gives back exactly the eight numbers it was made of. */
class PassageSpanTest {
  private static byte[] bytes(BytesRef b) {
    return Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length);
  }

  @Test
  void aTypicalPassagePacksIntoFewBytesAndBack() {
    // Reuters-like: paragraphs 2-3, chars 512-1391, no supplementary characters, ordinal 3, 1987.
    PassageSpan span = new PassageSpan(2, 3, 512, 1391, 512, 1391, 3, 6268);
    BytesRef packed = span.encode();
    // zig-zag varints: 2->4, 1->2, 512->1024 (0x80 0x08), 879->1758 (0xde 0x0d), 0, 0, 3->6,
    // 6268->12536 (0xf8 0x61)
    assertArrayEquals(
        new byte[] {4, 2, (byte) 0x80, 0x08, (byte) 0xde, 0x0d, 0, 0, 6, (byte) 0xf8, 0x61},
        bytes(packed));
    assertEquals(span, PassageSpan.decode(packed));
  }

  @Test
  void fixedSpansRoundTrip() {
    List<PassageSpan> spans =
        List.of(
            new PassageSpan(0, 0, 0, 1, 0, 1, 0, 0),
            // emoji before the passage: code points fewer than chars
            new PassageSpan(2, 2, 80, 126, 74, 119, 2, 17954),
            new PassageSpan(7, 7, 4000, 5000, 3990, 4985, 12, -719162),
            new PassageSpan(
                Integer.MAX_VALUE,
                Integer.MAX_VALUE,
                Integer.MAX_VALUE,
                Integer.MAX_VALUE,
                0,
                Integer.MAX_VALUE,
                Integer.MAX_VALUE,
                Long.MAX_VALUE),
            new PassageSpan(
                Integer.MIN_VALUE,
                Integer.MAX_VALUE,
                Integer.MIN_VALUE,
                Integer.MAX_VALUE,
                Integer.MAX_VALUE,
                Integer.MIN_VALUE,
                Integer.MIN_VALUE,
                Long.MIN_VALUE));
    for (PassageSpan span : spans) {
      assertEquals(span, PassageSpan.decode(span.encode()), span.toString());
    }
  }

  @Test
  void randomSpansRoundTrip() {
    long seed = System.nanoTime();
    System.out.println("PassageSpanTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      PassageSpan span =
          i % 2 == 0
              ? new PassageSpan(
                  random.nextInt(),
                  random.nextInt(),
                  random.nextInt(),
                  random.nextInt(),
                  random.nextInt(),
                  random.nextInt(),
                  random.nextInt(),
                  random.nextLong())
              : realistic(random);
      BytesRef packed = span.encode();
      // decoding from an offset inside a larger array, as stored fields hand values back
      byte[] padded = new byte[packed.length + 7];
      System.arraycopy(packed.bytes, packed.offset, padded, 3, packed.length);
      assertEquals(
          span, PassageSpan.decode(new BytesRef(padded, 3, packed.length)), "seed " + seed);
    }
  }

  private static PassageSpan realistic(Random random) {
    int from = random.nextInt(200);
    int to = from + random.nextInt(3);
    int start = random.nextInt(100_000);
    int end = start + 1 + random.nextInt(2000);
    int cpStart = start - random.nextInt(Math.min(start, 50) + 1);
    int cpEnd = cpStart + (end - start) - random.nextInt(10);
    return new PassageSpan(
        from, to, start, end, cpStart, cpEnd, random.nextInt(500), random.nextInt(40_000));
  }

  @Test
  void bytesThatAreNotOneSpanAreRefusedWithTheFieldName() {
    BytesRef packed = new PassageSpan(1, 2, 3, 4, 3, 4, 0, 9).encode();
    BytesRef shorter = new BytesRef(packed.bytes, packed.offset, packed.length - 1);
    byte[] longer = Arrays.copyOf(bytes(packed), packed.length + 1);
    for (BytesRef bad :
        List.of(
            shorter,
            new BytesRef(bytes(packed), 0, packed.length - 1),
            new BytesRef(longer),
            new BytesRef(new byte[] {(byte) 0x80}),
            new BytesRef(new byte[0]))) {
      assertEquals(
          "stored span value of "
              + bad.length
              + " bytes does not decode (an index of another schema, or damaged): re-index",
          assertThrows(IllegalArgumentException.class, () -> PassageSpan.decode(bad)).getMessage());
    }
    assertEquals(
        "no stored span value",
        assertThrows(IllegalArgumentException.class, () -> PassageSpan.decode(null)).getMessage());
  }
}
