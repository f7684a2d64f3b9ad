package dev.parley.indexer.ingest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.parley.indexer.Article;
import dev.parley.indexer.Paragraph;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines ({@code .jsonl}): one article per line, {@code {"id", "date", "title"?, "text" |
 * "paragraphs": [...]}}. A bad line is rejected as {@code file:line} and the next line is read; a
 * line whose object repeats a key (at any depth) is rejected naming the key, since which value was
 * meant cannot be known; only bytes that are not UTF-8 stop the file, at the line where they occur,
 * since nothing after them can be trusted to be split into the right lines.
 *
 * <p>Thread safety: stateless, safe to share.
 */
public final class JsonLinesFormat implements ArticleParser {

  /**
   * Longest line read, in characters (as many as {@link SeedFormat#MAX_FILE_BYTES} has bytes): a
   * longer line is rejected without being held in memory, and the next line is read.
   */
  public static final int MAX_LINE_CHARS = (int) SeedFormat.MAX_FILE_BYTES;

  @Override
  public void parse(Path file, ArticleSink sink) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    int lineNumber = 0;
    boolean any = false;
    try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
      BoundedLineReader lines = new BoundedLineReader(reader, MAX_LINE_CHARS);
      while (true) {
        BoundedLineReader.Line read;
        try {
          read = lines.next();
        } catch (CharacterCodingException e) {
          sink.reject(
              file + ":" + (lineNumber + 1),
              "invalid UTF-8: save the file as UTF-8 (the rest of the file was not read)");
          return;
        }
        if (read == null) {
          break;
        }
        lineNumber++;
        String source = file + ":" + lineNumber;
        if (read.text() == null) {
          any = true;
          sink.reject(
              source,
              "line is "
                  + read.length()
                  + " characters long, more than the "
                  + MAX_LINE_CHARS
                  + "-character limit for one article: split the article");
          continue;
        }
        String line = read.text();
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        any = true;
        try {
          sink.accept(parseLine(line, source));
        } catch (ArticleFormatException e) {
          sink.reject(source, e.getMessage());
        }
      }
    }
    if (!any) {
      sink.reject(file.toString(), "empty file: no JSON lines");
    }
  }

  /**
   * Parses one JSON line into an article.
   *
   * @throws ArticleFormatException if the line is not JSON or not an article object
   */
  /**
   * One JSON Lines line as an object, with the checks every JSON Lines input of Parley gets (the
   * articles here, the labelled passages of {@code classify} and {@code tune-topics}): valid JSON,
   * an object, and no key twice in one object (Gson would keep the last value without a word).
   *
   * @param shape the expected object, for the message ({@code {"id", "text"}})
   * @throws ArticleFormatException with a one-line reason: Gson's, cut to one line, or ours
   */
  public static JsonObject parseObject(String line, String shape) throws ArticleFormatException {
    JsonElement element;
    try {
      element = JsonParser.parseString(line);
    } catch (JsonParseException e) {
      throw new ArticleFormatException("not JSON: " + rootCause(e));
    }
    if (!element.isJsonObject()) {
      throw new ArticleFormatException(
          "expected a JSON object " + shape + ", found " + kindOf(element));
    }
    DuplicateKeys.Duplicate duplicate = DuplicateKeys.find(line);
    if (duplicate != null) {
      throw new ArticleFormatException(
          "duplicate key \""
              + SeedFormat.abbreviate(duplicate.key())
              + "\" (at "
              + SeedFormat.abbreviate(duplicate.path())
              + "): each key may occur once per object; remove one of them");
    }
    return element.getAsJsonObject();
  }

  public static Article parseLine(String line, String source) throws ArticleFormatException {
    if (line.indexOf('\0') >= 0) {
      throw new ArticleFormatException("NUL character in line: articles must be text");
    }
    JsonObject object = parseObject(line, "{\"id\", \"date\", \"text\"}");
    String id = string(object, "id", true);
    try {
      Article.checkId(id);
    } catch (IllegalArgumentException e) {
      throw new ArticleFormatException(e.getMessage());
    }
    LocalDate date = SeedFormat.parseDate(string(object, "date", true));
    String title = string(object, "title", false);
    List<Paragraph> paragraphs;
    if (object.has("paragraphs") && !object.get("paragraphs").isJsonNull()) {
      paragraphs = Paragraphs.of(stringArray(object, "paragraphs"));
    } else if (object.has("text") && !object.get("text").isJsonNull()) {
      paragraphs =
          Paragraphs.split(TextDecoding.normalizeLineEndings(string(object, "text", true)));
    } else {
      throw new ArticleFormatException("missing \"text\" (a string) or \"paragraphs\" (strings)");
    }
    if (paragraphs.isEmpty()) {
      throw new ArticleFormatException("article " + id + " has no text");
    }
    if ((title != null && title.indexOf('\0') >= 0)
        || paragraphs.stream().anyMatch(p -> p.text().indexOf('\0') >= 0)) {
      throw new ArticleFormatException(
          "NUL character (\\u0000) in the text: articles must be text");
    }
    Paragraphs.checkLengths(paragraphs);
    return new Article(id, date, title, paragraphs, source);
  }

  private static String string(JsonObject object, String key, boolean required)
      throws ArticleFormatException {
    JsonElement value = object.get(key);
    if (value == null || value.isJsonNull()) {
      if (required) {
        throw new ArticleFormatException("missing \"" + key + "\"");
      }
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new ArticleFormatException("\"" + key + "\" must be a string, found " + kindOf(value));
    }
    return value.getAsString();
  }

  private static List<String> stringArray(JsonObject object, String key)
      throws ArticleFormatException {
    JsonElement value = object.get(key);
    if (!value.isJsonArray()) {
      throw new ArticleFormatException(
          "\"" + key + "\" must be an array of strings, found " + kindOf(value));
    }
    JsonArray array = value.getAsJsonArray();
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonElement e = array.get(i);
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
        throw new ArticleFormatException(
            "\"" + key + "\"[" + i + "] must be a string, found " + kindOf(e));
      }
      out.add(e.getAsString());
    }
    return out;
  }

  private static String kindOf(JsonElement e) {
    if (e.isJsonObject()) {
      return "an object";
    } else if (e.isJsonArray()) {
      return "an array";
    } else if (e.isJsonNull()) {
      return "null";
    } else if (e.getAsJsonPrimitive().isNumber()) {
      return "a number";
    } else if (e.getAsJsonPrimitive().isBoolean()) {
      return "a boolean";
    }
    return "a string";
  }

  /**
   * Gson's reason, cut to one line and without its advice to parse leniently (which is for
   * programmers, not for whoever fixes the file): {@code malformed JSON at column 7}.
   */
  private static String rootCause(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage();
    if (message == null) {
      return t.getClass().getSimpleName();
    }
    return message
        .lines()
        .findFirst()
        .orElse("")
        .replaceFirst("^Use JsonReader\\.set\\w+\\([^)]*\\) to accept ", "")
        .replaceFirst(" at line 1 column (\\d+) path \\S*$", " at column $1");
  }
}
