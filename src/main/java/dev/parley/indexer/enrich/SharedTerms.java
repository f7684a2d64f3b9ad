package dev.parley.indexer.enrich;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Word lists that several cues share, named in a cue's term lists as {@code @name} (resource {@code
 * shared-terms.json}): {@code "notNear": ["@non-state-sanctioners"]}. Why: the exceptions for a
 * kind (a market regulator's or a sports league's sanctions) must hold for every cue that reads the
 * word, in every topic; copies of one list in several cues drifted apart (diplomacy's {@code
 * sanctions} cue had none of the sanctions topic's regulator exceptions). A topic file keeps the
 * reference as written; the list is expanded where the cue is matched, and its content is part of
 * the topic model's version.
 *
 * <p>Thread safety: immutable after class loading, safe to share.
 */
public final class SharedTerms {
  /** The prefix that marks a shared list's name inside a term list. */
  public static final String PREFIX = "@";

  private static final String RESOURCE = "shared-terms.json";
  private static final Map<String, List<String>> LISTS = load();
  private static final String TEXT = LISTS.toString();

  private SharedTerms() {}

  /** The names of the shared lists, in file order. */
  public static List<String> names() {
    return List.copyOf(LISTS.keySet());
  }

  /**
   * {@code terms} with every {@code @name} replaced by that shared list's terms, in place.
   *
   * @throws IllegalArgumentException naming the reference and the known lists, if a list is unknown
   */
  public static List<String> expand(List<String> terms) {
    boolean any = false;
    for (String t : terms) {
      any |= t != null && t.startsWith(PREFIX);
    }
    if (!any) {
      return terms;
    }
    List<String> out = new ArrayList<>();
    for (String t : terms) {
      if (t != null && t.startsWith(PREFIX)) {
        List<String> list = LISTS.get(t.substring(PREFIX.length()));
        if (list == null) {
          throw new IllegalArgumentException(
              "unknown shared term list '" + t + "' (known: @" + String.join(", @", names()) + ")");
        }
        out.addAll(list);
      } else {
        out.add(t);
      }
    }
    return out;
  }

  /** The lists' content as one string, for the topic model's version. */
  static String text() {
    return TEXT;
  }

  private static Map<String, List<String>> load() {
    try (InputStream in = SharedTerms.class.getResourceAsStream(RESOURCE)) {
      Objects.requireNonNull(in, "missing resource " + RESOURCE);
      JsonObject o =
          JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
              .getAsJsonObject();
      Map<String, List<String>> lists = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> e : o.entrySet()) {
        if (e.getKey().startsWith("_")) {
          continue; // a comment
        }
        List<String> terms = new ArrayList<>();
        e.getValue().getAsJsonArray().forEach(t -> terms.add(t.getAsString()));
        lists.put(e.getKey(), List.copyOf(terms));
      }
      return java.util.Collections.unmodifiableMap(lists);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
