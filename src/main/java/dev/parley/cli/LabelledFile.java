package dev.parley.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Lines file of texts to classify: {@code {"id": ..., "text": ..., "labels"?: {"topic":
 * 0|1}}}. Bad lines are reported on stderr as {@code file:line: reason} and skipped.
 */
final class LabelledFile {
  private LabelledFile() {}

  /** One line. */
  record Line(String id, String text, Map<String, Integer> labels) {}

  /** The lines read, and how many were bad. */
  record Contents(List<Line> lines, int bad) {}

  static Contents read(Path file, PrintStream err) throws IOException {
    List<Line> lines = new ArrayList<>();
    int bad = 0;
    int n = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String raw;
      while ((raw = reader.readLine()) != null) {
        n++;
        if (raw.isBlank()) {
          continue;
        }
        try {
          lines.add(parse(raw));
        } catch (IllegalArgumentException | JsonParseException | IllegalStateException e) {
          err.println(file + ":" + n + ": " + e.getMessage() + "; line skipped");
          bad++;
        }
      }
    }
    return new Contents(lines, bad);
  }

  private static Line parse(String raw) {
    JsonElement element = JsonParser.parseString(raw);
    if (!element.isJsonObject()) {
      throw new IllegalArgumentException("expected a JSON object {\"id\", \"text\"}");
    }
    JsonObject o = element.getAsJsonObject();
    JsonElement id = o.get("id");
    JsonElement text = o.get("text");
    if (id == null || !id.isJsonPrimitive()) {
      throw new IllegalArgumentException("missing \"id\"");
    }
    if (text == null || !text.isJsonPrimitive() || !text.getAsJsonPrimitive().isString()) {
      throw new IllegalArgumentException("missing \"text\" (a string)");
    }
    Map<String, Integer> labels = new LinkedHashMap<>();
    JsonElement l = o.get("labels");
    if (l != null && l.isJsonObject()) {
      for (var e : l.getAsJsonObject().entrySet()) {
        labels.put(e.getKey(), e.getValue().getAsInt());
      }
    }
    return new Line(id.getAsString(), text.getAsString(), labels);
  }
}
