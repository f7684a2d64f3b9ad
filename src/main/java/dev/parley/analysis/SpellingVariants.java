package dev.parley.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * The British-to-American spelling list ({@code spelling-variants.txt} beside this class): word
 * families by suffix ({@code organise -> organize}, {@code colour -> color}, {@code centre ->
 * center}, {@code travelled -> traveled}) and single pairs ({@code defence -> defense}). The file's
 * header documents the format and what was left out on purpose.
 *
 * <p>Thread safety: immutable after loading.
 */
public final class SpellingVariants {
  private static final Map<String, List<List<String>>> FAMILIES =
      Map.of(
          "ise",
          List.of(
              List.of(
                  "ise", "ised", "ises", "ising", "isation", "isations", "iser", "isers", "isable"),
              List.of(
                  "ize",
                  "ized",
                  "izes",
                  "izing",
                  "ization",
                  "izations",
                  "izer",
                  "izers",
                  "izable")),
          "yse",
          List.of(List.of("yse", "ysed", "yses", "ysing"), List.of("yze", "yzed", "yzes", "yzing")),
          "our",
          List.of(
              List.of(
                  "our", "ours", "oured", "ouring", "ourable", "ourite", "ourites", "ourful",
                  "ourless"),
              List.of(
                  "or", "ors", "ored", "oring", "orable", "orite", "orites", "orful", "orless")),
          "re",
          List.of(List.of("re", "res", "red", "ring"), List.of("er", "ers", "ered", "ering")),
          "ll",
          List.of(List.of("led", "ling", "ler", "lers"), List.of("ed", "ing", "er", "ers")));

  private static final SpellingVariants DEFAULT = load();

  private final Map<String, String> map;

  /** The same pairs keyed by characters, so a token filter looks a term up without a String. */
  private final CharArrayMap<char[]> chars;

  private SpellingVariants(Map<String, String> map) {
    this.map = Map.copyOf(map);
    this.chars = new CharArrayMap<>(map.size(), false);
    this.map.forEach((british, american) -> chars.put(british, american.toCharArray()));
  }

  /** The list shipped with Parley. */
  public static SpellingVariants defaults() {
    return DEFAULT;
  }

  /** The American form of a lower-case British spelling, or {@code null} if none is listed. */
  public String americanOf(String word) {
    return map.get(word);
  }

  /**
   * {@link #americanOf(String)} for the first {@code length} characters of {@code word}, as
   * characters: the analyzer's per-token lookup, which allocates nothing.
   */
  char[] americanOf(char[] word, int length) {
    return chars.get(word, 0, length);
  }

  /** How many British forms are listed. */
  public int size() {
    return map.size();
  }

  private static SpellingVariants load() {
    String name = "spelling-variants.txt";
    try (InputStream in = SpellingVariants.class.getResourceAsStream(name)) {
      Objects.requireNonNull(in, "missing resource " + name);
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** Parses the list format; continuation lines end with a backslash. */
  static SpellingVariants parse(BufferedReader reader, String name) throws IOException {
    Map<String, String> map = new HashMap<>();
    StringBuilder logical = new StringBuilder();
    int lineNumber = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      String stripped = line.strip();
      if (stripped.endsWith("\\")) {
        logical.append(stripped, 0, stripped.length() - 1).append(' ');
        continue;
      }
      logical.append(stripped);
      String entry = logical.toString().strip();
      logical.setLength(0);
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      String[] words = entry.split("\\s+");
      if (words[0].equals("pair") && words.length == 3) {
        map.put(words[1], words[2]);
      } else if (words[0].equals("family") && words.length >= 3 && FAMILIES.containsKey(words[1])) {
        List<List<String>> suffixes = FAMILIES.get(words[1]);
        for (int i = 2; i < words.length; i++) {
          for (int s = 0; s < suffixes.get(0).size(); s++) {
            map.put(words[i] + suffixes.get(0).get(s), words[i] + suffixes.get(1).get(s));
          }
        }
      } else {
        throw new IllegalArgumentException(
            name
                + ":"
                + lineNumber
                + ": expected 'pair BRITISH AMERICAN' or 'family ise|yse|our|re|ll"
                + " ROOT...', found: "
                + entry);
      }
    }
    return new SpellingVariants(map);
  }
}
