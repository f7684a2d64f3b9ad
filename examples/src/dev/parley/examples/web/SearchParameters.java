package dev.parley.examples.web;

import dev.parley.query.DayParam;
import dev.parley.query.MatchMode;
import dev.parley.query.SearchRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query string of {@code /api/search} as a {@link SearchRequest}: the same options as {@code
 * parley search}, with the same defaults and bounds. Strict: an unknown parameter, a single-valued
 * parameter given twice, or a value out of range is an {@link IllegalArgumentException} whose
 * message is one line naming the parameter (the server answers 400 with it).
 *
 * <p>Parameters: {@code q} (query text; empty browses), {@code k} (1 to 1000, default 10), {@code
 * offset} (0 to 10000, default 0), {@code since} and {@code until} ({@code YYYY-MM-DD}), {@code
 * topic} (repeatable: keeps passages labelled with any of them, as {@code --filter-topic} does),
 * {@code rankTopic} (repeatable: adds the topic's score to the ranking, as {@code --topic} does),
 * {@code entity} (repeatable), {@code perArticle} (0 to 1000, default 2), {@code facets} ({@code
 * true} or {@code false}, default false), {@code match} ({@code any} or {@code all}).
 *
 * <p>Thread safety: stateless.
 */
public final class SearchParameters {
  private SearchParameters() {}

  private static final Set<String> SINGLE =
      Set.of("q", "k", "offset", "since", "until", "perArticle", "facets", "match");
  private static final Set<String> REPEATABLE = Set.of("topic", "rankTopic", "entity");

  /**
   * Parses a raw (still percent-encoded) query string, {@code null} or empty for none.
   *
   * @throws IllegalArgumentException for a bad parameter, naming it
   */
  public static SearchRequest parse(String rawQuery) {
    Map<String, List<String>> params = decode(rawQuery);
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      String name = e.getKey();
      if (!SINGLE.contains(name) && !REPEATABLE.contains(name)) {
        throw new IllegalArgumentException(
            "unknown parameter '"
                + name
                + "' (known: q, k, offset, since, until, topic, rankTopic, entity, perArticle, facets,"
                + " match)");
      }
      if (SINGLE.contains(name) && e.getValue().size() > 1) {
        throw new IllegalArgumentException("parameter '" + name + "' given twice");
      }
    }
    SearchRequest.Builder b = SearchRequest.builder(one(params, "q", ""));
    for (String topic : params.getOrDefault("topic", List.of())) {
      b.filterTopic(nonEmpty("topic", topic));
    }
    for (String topic : params.getOrDefault("rankTopic", List.of())) {
      b.addTopic(nonEmpty("rankTopic", topic));
    }
    for (String entity : params.getOrDefault("entity", List.of())) {
      b.addEntity(nonEmpty("entity", entity));
    }
    return b.withK(integer(params, "k", 10, 1, SearchRequest.MAX_K))
        .withOffset(integer(params, "offset", 0, 0, SearchRequest.MAX_OFFSET))
        .withSince(date(params, "since"))
        .withUntil(date(params, "until"))
        .withPerArticle(integer(params, "perArticle", 2, 0, 1000))
        .withFacets(bool(params, "facets"))
        .withMatch(match(one(params, "match", "any")))
        .build();
  }

  /** Decodes {@code a=1&b=2&a=3} into names and their values in order. */
  static Map<String, List<String>> decode(String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String percentDecode(String s) {
    String decoded;
    try {
      decoded = URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad percent-encoding in the query string: " + s);
    }
    // URLDecoder turns bytes that are not UTF-8 into U+FFFD without a word; a replacement
    // character the client did not send means the bytes were bad, and searching for it would
    // answer a question nobody asked.
    if (decoded.indexOf('\uFFFD') >= 0
        && s.indexOf('\uFFFD') < 0
        && !s.toUpperCase(Locale.ROOT).contains("%EF%BF%BD")) {
      throw new IllegalArgumentException("the query string is not UTF-8 after decoding: " + s);
    }
    return decoded;
  }

  private static String one(Map<String, List<String>> params, String name, String fallback) {
    List<String> values = params.get(name);
    return values == null ? fallback : values.get(0);
  }

  private static String nonEmpty(String name, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  private static int integer(
      Map<String, List<String>> params, String name, int fallback, int min, int max) {
    String value = one(params, name, null);
    if (value == null) {
      return fallback;
    }
    int n;
    try {
      // ASCII digits only, as the command line reads them: Integer.parseInt alone would also take
      // "+5", and full-width or other scripts' digits ("５").
      if (!value.strip().matches("-?[0-9]{1,9}")) {
        throw new NumberFormatException(value);
      }
      n = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got: " + value);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], got: " + n);
    }
    return n;
  }

  private static LocalDate date(Map<String, List<String>> params, String name) {
    String value = one(params, name, null);
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          name + " must be a date YYYY-MM-DD, got an empty value (leave it out for no limit)");
    }
    return DayParam.parse(name, value);
  }

  private static boolean bool(Map<String, List<String>> params, String name) {
    String value = one(params, name, "false");
    return switch (value) {
      case "true", "1" -> true;
      case "false", "0", "" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false, got: " + value);
    };
  }

  private static MatchMode match(String value) {
    return switch (value) {
      case "any", "" -> MatchMode.ANY;
      case "all" -> MatchMode.ALL;
      default -> throw new IllegalArgumentException("match must be any or all, got: " + value);
    };
  }
}
