package dev.parley.indexer.ingest;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds a key that occurs twice in one JSON object, at any depth. Gson's tree keeps the last value
 * of a repeated key without a word, so {@code {"id":"a1","id":"a2"}} would be indexed as {@code
 * a2}; a line like that is ambiguous and is rejected instead of guessed.
 *
 * <p>Thread safety: stateless.
 */
final class DuplicateKeys {
  private DuplicateKeys() {}

  /** A repeated key and the JSON path where it repeats. */
  record Duplicate(String key, String path) {}

  /**
   * The first repeated key in {@code json} ({@code $.id}, {@code $.meta.source}), or null when
   * every object's keys are distinct. {@code json} must already be known to parse.
   */
  static Duplicate find(String json) {
    try (JsonReader reader = new JsonReader(new StringReader(json))) {
      // The same leniency as JsonParser.parseString, which has already accepted the line.
      reader.setStrictness(Strictness.LENIENT);
      Deque<Set<String>> objects = new ArrayDeque<>();
      while (true) {
        JsonToken token = reader.peek();
        switch (token) {
          case BEGIN_OBJECT -> {
            reader.beginObject();
            objects.push(new HashSet<>());
          }
          case END_OBJECT -> {
            reader.endObject();
            objects.pop();
          }
          case BEGIN_ARRAY -> reader.beginArray();
          case END_ARRAY -> reader.endArray();
          case NAME -> {
            String name = reader.nextName();
            if (!objects.peek().add(name)) {
              return new Duplicate(name, reader.getPath());
            }
          }
          case END_DOCUMENT -> {
            return null;
          }
          default -> reader.skipValue();
        }
      }
    } catch (IOException | IllegalStateException e) {
      return null; // not reached for a line JsonParser accepted; its own checks report bad JSON
    }
  }
}
