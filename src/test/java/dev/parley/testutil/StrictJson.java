package dev.parley.testutil;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict JSON reader for tests that claim an output is valid JSON. It accepts exactly RFC 8259
 * JSON: Gson's {@link JsonReader} in {@link Strictness#STRICT} mode (no {@code NaN}, {@code
 * Infinity}, unquoted names or strings, single quotes, comments or trailing data), and on top of
 * that rejects duplicate names in one object and numbers that do not fit a finite {@code double}
 * (such as {@code 1e999}), which the JavaScript {@code JSON.parse} of a browser would turn into
 * {@code Infinity}. Gson's {@code JsonParser.parseString} is lenient and accepts {@code
 * {"score":NaN}}, so it must not be used to check well-formedness.
 *
 * <p>Every method throws {@link AssertionError} naming what is wrong and where, so a test fails
 * with the reason. Thread-safe (stateless).
 */
public final class StrictJson {
  private StrictJson() {}

  /** Parses one JSON value that must be the whole of {@code json} (surrounding space allowed). */
  public static JsonElement parse(String json) {
    try (JsonReader reader = new JsonReader(new StringReader(json))) {
      reader.setStrictness(Strictness.STRICT);
      JsonElement value = read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new AssertionError("not strict JSON: data after the value at " + reader.getPath());
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new AssertionError("not strict JSON: " + e.getMessage() + "\n" + clip(json), e);
    }
  }

  /** Parses {@code json}, which must be one JSON object. */
  public static JsonObject parseObject(String json) {
    JsonElement e = parse(json);
    if (!e.isJsonObject()) {
      throw new AssertionError("expected a JSON object, got: " + clip(json));
    }
    return e.getAsJsonObject();
  }

  /** Parses JSON Lines: every non-empty line one strict JSON object. */
  public static List<JsonObject> parseLines(String jsonLines) {
    List<JsonObject> objects = new ArrayList<>();
    jsonLines.lines().filter(l -> !l.isBlank()).forEach(l -> objects.add(parseObject(l)));
    return objects;
  }

  private static JsonElement read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        JsonObject o = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (o.has(name)) {
            throw new AssertionError("duplicate name \"" + name + "\" at " + reader.getPath());
          }
          o.add(name, read(reader));
        }
        reader.endObject();
        return o;
      }
      case BEGIN_ARRAY -> {
        JsonArray a = new JsonArray();
        reader.beginArray();
        while (reader.hasNext()) {
          a.add(read(reader));
        }
        reader.endArray();
        return a;
      }
      case STRING -> {
        return new JsonPrimitive(reader.nextString());
      }
      case NUMBER -> {
        String path = reader.getPath();
        String text = reader.nextString();
        double d = Double.parseDouble(text);
        if (!Double.isFinite(d)) {
          throw new AssertionError("number " + text + " at " + path + " is not a finite double");
        }
        return new JsonPrimitive(new BigDecimal(text));
      }
      case BOOLEAN -> {
        return new JsonPrimitive(reader.nextBoolean());
      }
      case NULL -> {
        reader.nextNull();
        return JsonNull.INSTANCE;
      }
      default ->
          throw new AssertionError("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  private static String clip(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}
