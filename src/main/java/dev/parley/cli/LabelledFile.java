package dev.parley.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.parley.eval.Utf8Lines;
import dev.parley.indexer.ingest.ArticleFormatException;
import dev.parley.indexer.ingest.JsonLinesFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A JSON Lines file of texts to classify: {@code {"id": ..., "text": ..., "context"?: ...,
 * "labels"?: ...}}. {@code labels} comes in either shape: an object of topic to 0/1 ({@code
 * {"summits": 1, "sanctions": 0}}, as in the evaluation files: the topics named are judged) or a
 * list of topic names ({@code ["summits"]}, as {@code classify} prints: every topic of the model is
 * judged, the named ones are true). {@code context} is the article's headline and lead, optional.
 * Bad lines, and lines whose text has no words (empty, spaces, invisible characters only), are
 * reported on stderr as one line {@code file:line: reason; line skipped} and skipped.
 */
final class LabelledFile {
  private LabelledFile() {}

  /**
   * One line.
   *
   * @param labels the topics labelled true
   * @param judged the topics the labels speak for; null when the labels were a list (then every
   *     topic of the model is judged)
   * @param labelled whether the line had labels at all
   */
  record Line(
      String id,
      String text,
      String context,
      Set<String> labels,
      Set<String> judged,
      boolean labelled,
      int number) {}

  /** The lines read, and how many were bad. */
  record Contents(List<Line> lines, int bad) {}

  /**
   * Reads {@code file}. Topic names in labels are matched to {@code topics} ignoring case; a list
   * naming a topic the model does not have is a bad line (every topic is judged, so a typo would
   * turn the passage into a negative for all of them); an object's other topics are ignored with
   * one warning per name, since a file may label topics the model being trained does not score.
   */
  static Contents read(Path file, List<String> topics, PrintStream err) throws IOException {
    List<Line> lines = new ArrayList<>();
    // Per unknown topic name: the first line naming it and how many lines do.
    Map<String, int[]> ignored = new TreeMap<>();
    int bad = 0;
    int n = 0;
    for (String raw : Utf8Lines.readKeepingBadLines(file)) {
      n++;
      if (raw == null) {
        err.println(file + ":" + n + ": invalid UTF-8 (save the file as UTF-8); line skipped");
        bad++;
        continue;
      }
      if (raw.isBlank()) {
        continue;
      }
      try {
        lines.add(parse(raw, n, topics, ignored));
      } catch (IllegalArgumentException | IllegalStateException e) {
        err.println(file + ":" + n + ": " + e.getMessage() + "; line skipped");
        bad++;
      }
    }
    for (var e : ignored.entrySet()) {
      int[] seen = e.getValue();
      err.println(
          file
              + ":"
              + seen[0]
              + ": \"labels\" names the topic '"
              + e.getKey()
              + "', which the model does not have ("
              + String.join(", ", topics)
              + "); that label ignored"
              + (seen[1] > 1 ? " here and on " + (seen[1] - 1) + " more lines" : "")
              + " (check the spelling; other topics of the line are kept)");
    }
    return new Contents(lines, bad);
  }

  private static Line parse(
      String raw, int number, List<String> topics, Map<String, int[]> ignored) {
    JsonObject o;
    try {
      o = JsonLinesFormat.parseObject(raw, "{\"id\", \"text\"}");
    } catch (ArticleFormatException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    JsonElement id = o.get("id");
    JsonElement text = o.get("text");
    if (id == null || !id.isJsonPrimitive()) {
      throw new IllegalArgumentException("missing \"id\"");
    }
    if (text == null || !isString(text)) {
      throw new IllegalArgumentException("missing \"text\" (a string)");
    }
    // A text with no letter or digit (empty, spaces, invisible characters such as U+200B) has no
    // words to score: scoring it would print the topics' bias-only scores as if they judged it.
    if (text.getAsString().codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw new IllegalArgumentException("\"text\" is empty: no words to score");
    }
    String context = null;
    JsonElement c = o.get("context");
    if (c != null && !c.isJsonNull()) {
      if (!isString(c)) {
        throw new IllegalArgumentException("\"context\" must be a string");
      }
      context = c.getAsString();
    }
    Set<String> labels = new LinkedHashSet<>();
    Set<String> judged = new LinkedHashSet<>();
    JsonElement l = o.get("labels");
    boolean labelled = l != null && !l.isJsonNull();
    if (!labelled) {
      judged = Set.of();
    } else if (l.isJsonObject()) {
      for (var e : l.getAsJsonObject().entrySet()) {
        boolean value = label(e.getKey(), e.getValue());
        String topic = topic(e.getKey(), topics);
        if (topic == null) {
          ignored.computeIfAbsent(e.getKey(), k -> new int[] {number, 0})[1]++;
          continue;
        }
        judged.add(topic);
        if (value) {
          labels.add(topic);
        }
      }
    } else if (l.isJsonArray()) {
      for (JsonElement t : l.getAsJsonArray()) {
        if (!isString(t)) {
          throw new IllegalArgumentException(
              "\"labels\" as a list must hold topic names (strings), got: " + t);
        }
        String topic = topic(t.getAsString(), topics);
        if (topic == null) {
          throw new IllegalArgumentException(
              "\"labels\" names the topic '"
                  + t.getAsString()
                  + "', which the model does not have ("
                  + String.join(", ", topics)
                  + ")");
        }
        labels.add(topic);
      }
      judged = null;
    } else {
      throw new IllegalArgumentException(
          "\"labels\" must be an object {\"topic\": 0|1} or a list of topic names, got: " + l);
    }
    return new Line(
        id.getAsString(), text.getAsString(), context, labels, judged, labelled, number);
  }

  /** The model's name for {@code name}, ignoring case, or null. */
  private static String topic(String name, List<String> topics) {
    for (String t : topics) {
      if (t.equalsIgnoreCase(name)) {
        return t;
      }
    }
    return null;
  }

  private static boolean label(String topic, JsonElement v) {
    if (v.isJsonPrimitive()) {
      JsonPrimitive p = v.getAsJsonPrimitive();
      if (p.isBoolean()) {
        return p.getAsBoolean();
      }
      if (p.isNumber() && (p.getAsDouble() == 0 || p.getAsDouble() == 1)) {
        return p.getAsDouble() == 1;
      }
    }
    throw new IllegalArgumentException(
        "label of \"" + topic + "\" must be 0 or 1 (or true/false), got: " + v);
  }

  private static boolean isString(JsonElement e) {
    return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
  }
}
