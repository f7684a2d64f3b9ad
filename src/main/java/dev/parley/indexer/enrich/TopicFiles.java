package dev.parley.indexer.enrich;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The topic file format, version {@value #FORMAT}: one JSON object per topic.
 *
 * <pre>{@code
 * {
 *   "format": 2,
 *   "name": "summits",
 *   "description": "A meeting of heads of state or government ...",
 *   "threshold": 0.45,
 *   "bias": -3.2,
 *   "cues": [
 *     {"name": "summit-word", "terms": ["summit", "summits", "summitry"],
 *      "notBefore": ["budget", "tax"], "notAfter": ["petroleum", "corp"], "window": 1}
 *   ],
 *   "priors": {"ent:head-travels-to-country": 3.0},
 *   "weights": {"cue:summit-word": 2.1, "ent:head-meets-country": 1.3, "w:summit": 0.4,
 *               "p:state visit": 0.8, "ctx:w:summit": 0.2}
 * }
 * }</pre>
 *
 * <p>{@code format} is required and must be {@value #FORMAT}. {@code threshold} (default 0.5),
 * {@code bias} (default 0) and {@code weights} (default none: an untrained topic) are written by
 * {@code parley tune-topics}; {@code cues} are written by people (see {@link Cue} for their fields
 * and defaults), and so are the optional {@code priors} (curated feature to the weight the
 * definition expects, which training shrinks towards; scoring does not read them). Files of format
 * 1 (a {@code "features"} list of regular expressions) are rejected with a message that says how to
 * convert them.
 *
 * <p>Thread safety: stateless.
 */
public final class TopicFiles {
  /** The format version this Parley reads and writes. */
  public static final int FORMAT = 2;

  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private TopicFiles() {}

  /**
   * Reads a topic definition.
   *
   * @param source how to name the source in messages (a path or resource name)
   * @throws IllegalArgumentException if the JSON is not a topic definition of this format; the
   *     one-line message names the source and what to do
   */
  public static TopicDefinition read(Reader json, String source) {
    JsonObject o;
    try {
      JsonElement e = JsonParser.parseReader(json);
      if (!e.isJsonObject()) {
        throw new IllegalArgumentException(
            source + ": not a topic definition (expected an object)");
      }
      o = e.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          source + ": not valid JSON (" + jsonProblem(e) + "): fix the JSON", e);
    }
    if (o.has("features") || isFormatOne(o.get("format"))) {
      throw new IllegalArgumentException(
          source
              + (isFormatOne(o.get("format")) || !o.has("format")
                  ? ": a topic file in the old format 1 (regular-expression \"features\"), which"
                  : ": \"features\" is the old format 1's list of regular expressions, which")
              + " this Parley no longer reads; convert it: keep \"name\" and \"description\", add"
              + " \"format\": 2, rewrite each feature's pattern as word \"cues\" (docs/topics.md),"
              + " drop \"features\", then learn its weights with parley tune-topics --topics DIR"
              + " --labels LABELS.jsonl --out DIR");
    }
    try {
      JsonElement format = o.get("format");
      if (format == null || !format.isJsonPrimitive() || format.getAsInt() != FORMAT) {
        throw new IllegalArgumentException(
            "\"format\" must be " + FORMAT + ", got: " + (format == null ? "none" : format));
      }
      checkKeys(o, "format", RawTopic.class, "");
      // Gson's own messages for these name no key ("name", or a number parser's text).
      JsonElement name = o.get("name");
      if (name == null || name.isJsonNull()) {
        throw new IllegalArgumentException("no \"name\": give the topic a name");
      }
      for (String key : List.of("weights", "priors")) {
        JsonElement map = o.get(key);
        if (map != null && map.isJsonObject()) {
          for (var entry : map.getAsJsonObject().entrySet()) {
            if (!isNumber(entry.getValue())) {
              throw new IllegalArgumentException(
                  key
                      + " \""
                      + entry.getKey()
                      + "\" must be a number, got: "
                      + entry.getValue()
                      + ": give a number");
            }
          }
        }
      }
      JsonElement rawCues = o.get("cues");
      if (rawCues != null && rawCues.isJsonArray()) {
        for (int i = 0; i < rawCues.getAsJsonArray().size(); i++) {
          JsonElement c = rawCues.getAsJsonArray().get(i);
          if (c.isJsonObject()) {
            checkKeys(c.getAsJsonObject(), null, RawCue.class, " in cue " + (i + 1));
          }
        }
      }
      RawTopic raw = GSON.fromJson(o, RawTopic.class);
      List<Cue> cues = new ArrayList<>();
      if (raw.cues != null) {
        for (RawCue c : raw.cues) {
          cues.add(
              new Cue(
                  c.name,
                  c.terms,
                  c.caseSensitive,
                  c.notBefore,
                  c.notAfter,
                  c.window == 0 ? 1 : c.window,
                  c.near,
                  c.nearWindow == 0 ? 10 : c.nearWindow,
                  c.cap == 0 ? 1 : c.cap,
                  c.perWords,
                  c.notNear,
                  c.notNearWindow == 0 ? 10 : c.notNearWindow,
                  c.notBeforeUnless,
                  c.unless,
                  c.unlessWindow == 0 ? 10 : c.unlessWindow,
                  c.countOf,
                  c.minCount == 0 ? 1 : c.minCount,
                  c.notInName));
        }
      }
      double threshold = raw.threshold == null ? 0.5 : raw.threshold;
      double bias = raw.bias == null ? 0 : raw.bias;
      return new TopicDefinition(
          raw.name, raw.description, threshold, bias, cues, raw.weights, raw.priors);
    } catch (JsonParseException
        | IllegalArgumentException
        | NullPointerException
        | UnsupportedOperationException e) {
      throw new IllegalArgumentException(
          source + ": not a topic definition (" + oneLine(e) + ")", e);
    }
  }

  /**
   * Reads a topic file.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException as {@link #read(Reader, String)}
   */
  public static TopicDefinition read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + ": is a directory, give a topic file");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8: save the file as UTF-8", e);
    }
    return read(new java.io.StringReader(text), file.toString());
  }

  private static boolean isNumber(JsonElement e) {
    return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber();
  }

  /** Gson's parse error without Java class names: what is wrong and where (line, column). */
  private static String jsonProblem(JsonParseException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String m = cause.getMessage() == null ? "" : cause.getMessage();
    java.util.regex.Matcher where =
        java.util.regex.Pattern.compile("line (\\d+) column (\\d+)").matcher(m);
    String at = where.find() ? " at line " + where.group(1) + " column " + where.group(2) : "";
    if (cause instanceof java.io.EOFException || m.startsWith("End of input")) {
      return "the file ends before the JSON is complete" + at;
    }
    String what = m.replaceAll("^[\\w.$]+(Exception|Error): ", "");
    int cut = what.indexOf(" at line ");
    what = cut < 0 ? what : what.substring(0, cut);
    int nl = what.indexOf('\n');
    return (nl < 0 ? what : what.substring(0, nl)).strip() + at;
  }

  /**
   * Whether a file says it is format 1 ({@code 1}, {@code "1"}, {@code 1.0}): such a file, or any
   * file with format 1's {@code "features"} list, gets the message on how to convert it.
   */
  private static boolean isFormatOne(JsonElement format) {
    if (format == null || !format.isJsonPrimitive()) {
      return false;
    }
    try {
      return new java.math.BigDecimal(format.getAsString().strip())
              .compareTo(java.math.BigDecimal.ONE)
          == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A topic definition as pretty JSON in this format, ending with a newline. */
  public static String toJson(TopicDefinition t) {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    o.addProperty("name", t.name());
    o.addProperty("description", t.description());
    o.addProperty("threshold", t.threshold());
    o.addProperty("bias", t.bias());
    JsonArray cues = new JsonArray();
    for (Cue c : t.cues()) {
      JsonObject co = new JsonObject();
      co.addProperty("name", c.name());
      if (!c.terms().isEmpty()) {
        co.add("terms", GSON.toJsonTree(c.terms()));
      }
      if (!c.countOf().isEmpty()) {
        co.add("countOf", GSON.toJsonTree(c.countOf()));
      }
      if (c.caseSensitive()) {
        co.addProperty("caseSensitive", true);
      }
      if (!c.notBefore().isEmpty()) {
        co.add("notBefore", GSON.toJsonTree(c.notBefore()));
      }
      if (!c.notAfter().isEmpty()) {
        co.add("notAfter", GSON.toJsonTree(c.notAfter()));
      }
      if (c.window() != 1) {
        co.addProperty("window", c.window());
      }
      if (!c.near().isEmpty()) {
        co.add("near", GSON.toJsonTree(c.near()));
      }
      if (c.nearWindow() != 10) {
        co.addProperty("nearWindow", c.nearWindow());
      }
      if (c.cap() != 1) {
        co.addProperty("cap", c.cap());
      }
      if (c.perWords() != 0) {
        co.addProperty("perWords", c.perWords());
      }
      if (c.notInName()) {
        co.addProperty("notInName", true);
      }
      if (c.minCount() != 1) {
        co.addProperty("minCount", c.minCount());
      }
      if (!c.notNear().isEmpty()) {
        co.add("notNear", GSON.toJsonTree(c.notNear()));
      }
      if (c.notNearWindow() != 10) {
        co.addProperty("notNearWindow", c.notNearWindow());
      }
      if (!c.notBeforeUnless().isEmpty()) {
        co.add("notBeforeUnless", GSON.toJsonTree(c.notBeforeUnless()));
      }
      if (!c.unless().isEmpty()) {
        co.add("unless", GSON.toJsonTree(c.unless()));
      }
      if (c.unlessWindow() != 10) {
        co.addProperty("unlessWindow", c.unlessWindow());
      }
      cues.add(co);
    }
    o.add("cues", cues);
    if (!t.priors().isEmpty()) {
      JsonObject priors = new JsonObject();
      t.priors().forEach(priors::addProperty);
      o.add("priors", priors);
    }
    JsonObject weights = new JsonObject();
    t.weights().forEach(weights::addProperty);
    o.add("weights", weights);
    return GSON.toJson(o) + "\n";
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).trim();
  }

  /** The JSON shape of a topic file. */
  private static final class RawTopic {
    String name;
    String description;
    Double threshold;
    Double bias;
    List<RawCue> cues;
    LinkedHashMap<String, Double> weights;
    LinkedHashMap<String, Double> priors;
  }

  /**
   * Refuses a key the format does not have ({@code "notbefore"} for {@code "notBefore"}): Gson
   * would drop it silently, and {@code tune-topics --out} would then rewrite the file without the
   * rule.
   */
  private static void checkKeys(JsonObject o, String extra, Class<?> shape, String where) {
    java.util.Set<String> known = new java.util.TreeSet<>();
    for (java.lang.reflect.Field f : shape.getDeclaredFields()) {
      known.add(f.getName());
    }
    if (extra != null) {
      known.add(extra);
    }
    for (String key : o.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            "unknown key \"" + key + "\"" + where + " (known: " + String.join(", ", known) + ")");
      }
    }
  }

  /** The JSON shape of one cue. */
  private static final class RawCue {
    String name;
    List<String> terms;
    boolean caseSensitive;
    List<String> notBefore;
    List<String> notAfter;
    int window;
    List<String> near;
    int nearWindow;
    int cap;
    int perWords;
    List<String> notNear;
    int notNearWindow;
    List<String> notBeforeUnless;
    List<String> unless;
    int unlessWindow;
    List<String> countOf;
    int minCount;
    boolean notInName;
  }
}
