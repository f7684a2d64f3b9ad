package dev.parley.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The binary topic scores of schema 9 decode to exactly what the JSON of schemas up to 8 gave: the
 * same floats (hits and their JSON) and doubles (the reranker's features), in the same order.
 */
class StoredTopicsTest {
  /** The stored value up to schema 8, as {@code ArticleDocuments} wrote it. */
  private static String legacyJson(Map<String, Float> topics) {
    JsonObject scores = new JsonObject();
    for (Map.Entry<String, Float> t : topics.entrySet()) {
      scores.addProperty(t.getKey(), Math.round(t.getValue() * 10000) / 10000.0);
    }
    return scores.toString();
  }

  /** What {@code HitReader} made of it. */
  private static Map<String, Float> legacyFloats(String json) {
    Map<String, Float> scores = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e :
        JsonParser.parseString(json).getAsJsonObject().entrySet()) {
      scores.put(e.getKey(), e.getValue().getAsFloat());
    }
    return scores;
  }

  /** What {@code Reranker} made of it. */
  private static Map<String, Double> legacyDoubles(String json) {
    Map<String, Double> out = new HashMap<>();
    for (Map.Entry<String, JsonElement> e :
        JsonParser.parseString(json).getAsJsonObject().entrySet()) {
      out.put(e.getKey(), e.getValue().getAsDouble());
    }
    return out;
  }

  private static void assertSameAsJson(Map<String, Float> topics, String why) {
    String json = legacyJson(topics);
    BytesRef stored = StoredTopics.encode(topics);
    Map<String, Float> floats = StoredTopics.floats(stored);
    assertEquals(legacyFloats(json), floats, why);
    // same order, bit for bit
    assertEquals(
        new ArrayList<>(legacyFloats(json).entrySet()).toString(),
        new ArrayList<>(floats.entrySet()).toString(),
        why);
    for (Map.Entry<String, Float> e : legacyFloats(json).entrySet()) {
      assertEquals(
          Float.floatToRawIntBits(e.getValue()),
          Float.floatToRawIntBits(floats.get(e.getKey())),
          why + " " + e);
    }
    assertEquals(legacyDoubles(json), StoredTopics.doubles(stored), why);
  }

  private static Map<String, Float> topics(Object... nameScore) {
    Map<String, Float> m = new LinkedHashMap<>();
    for (int i = 0; i < nameScore.length; i += 2) {
      m.put((String) nameScore[i], (Float) nameScore[i + 1]);
    }
    return m;
  }

  @Test
  void aPassagesScoresAreStoredInFewBytes() {
    BytesRef stored = StoredTopics.encode(topics("diplomacy", 0.93124f, "sanctions", 0.00004f));
    // count 2; name length 9, "diplomacy", 9312 zig-zag 18624 as a varint (c0 91 01); name
    // length 9, "sanctions", 0
    java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
    expected.writeBytes(new byte[] {2, 9});
    expected.writeBytes("diplomacy".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    expected.writeBytes(new byte[] {(byte) 0xc0, (byte) 0x91, 0x01, 9});
    expected.writeBytes("sanctions".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    expected.writeBytes(new byte[] {0});
    assertArrayEquals(
        expected.toByteArray(),
        Arrays.copyOfRange(stored.bytes, stored.offset, stored.offset + stored.length));
    assertEquals(topics("diplomacy", 0.9312f, "sanctions", 0.0f), StoredTopics.floats(stored));
  }

  @Test
  void fixedScoresDecodeAsTheJsonDid() {
    assertSameAsJson(topics(), "no topics");
    assertSameAsJson(
        topics("diplomacy", 0.9312f, "sanctions", 0.0123f, "summits", 0.4567f), "three topics");
    float[] edges = {
      0f,
      -0f,
      1f,
      0.00005f,
      0.00004999f,
      0.99995f,
      0.12345f,
      1e-4f,
      1e-3f,
      0.1f,
      0.3f,
      0.7f,
      2f,
      -0.25f,
      1234.5678f,
      Float.MIN_VALUE,
      Float.NaN
    };
    for (float edge : edges) {
      assertSameAsJson(topics("diplomacy", edge), "score " + edge);
    }
    // names of the app's own topics: any text, in the enricher's order
    assertSameAsJson(
        topics("Übersee-Gipfel", 0.5f, "日本", 0.25f, "a\"b\\c", 0.125f, "", 1f, "😀", 0.0001f),
        "unusual names");
  }

  @Test
  void everyFourDecimalScoreBetweenZeroAndOneDecodesAsTheJsonDid() {
    for (int q = 0; q <= 10_000; q++) {
      assertSameAsJson(topics("diplomacy", q / 10000f), "q " + q);
    }
  }

  @Test
  void randomScoresDecodeAsTheJsonDid() {
    long seed = System.nanoTime();
    System.out.println("StoredTopicsTest seed " + seed);
    Random random = new Random(seed);
    String[] names = {"diplomacy", "sanctions", "summits", "trade", "elections", "x"};
    for (int i = 0; i < 20_000; i++) {
      Map<String, Float> m = new LinkedHashMap<>();
      int n = random.nextInt(names.length + 1);
      for (int k = 0; k < n; k++) {
        float score =
            switch (random.nextInt(4)) {
              case 0 -> random.nextFloat();
              case 1 -> random.nextInt(10_001) / 10000f;
              case 2 -> (float) random.nextGaussian() * 3;
              default -> Float.intBitsToFloat(random.nextInt()) % 100_000f;
            };
        m.put(names[random.nextInt(names.length)] + (random.nextBoolean() ? "" : k), score);
      }
      assertSameAsJson(m, "seed " + seed + " topics " + m);
    }
  }

  @Test
  void noStoredValueIsNoTopicsAndADamagedOneIsRefused() {
    assertEquals(Map.of(), StoredTopics.floats(null));
    BytesRef stored = StoredTopics.encode(topics("diplomacy", 0.5f));
    for (BytesRef bad :
        List.of(
            new BytesRef(stored.bytes, stored.offset, stored.length - 1),
            new BytesRef(new byte[] {5}),
            new BytesRef(new byte[] {1, 20, 'a'}))) {
      assertEquals(
          "stored topics value of "
              + bad.length
              + " bytes does not decode (an index of another schema, or damaged): re-index",
          assertThrows(IllegalArgumentException.class, () -> StoredTopics.floats(bad))
              .getMessage());
    }
  }
}
