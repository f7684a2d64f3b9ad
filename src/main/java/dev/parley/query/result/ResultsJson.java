package dev.parley.query.result;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.LocalDate;

/**
 * The JSON form of results, the contract apps consume (documented in README.md). Field names are
 * stable: new fields may be added, none renamed or removed.
 *
 * <p>Thread safety: stateless.
 */
public final class ResultsJson {
  private ResultsJson() {}

  private static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  /** {@code results} as one JSON object on one line. */
  public static String toJson(SearchResults results) {
    return toJson(toTree(results));
  }

  /** {@code stats} as one JSON object on one line. */
  public static String toJson(IndexStats stats) {
    return toJson(toTree(stats));
  }

  /**
   * The results as a JSON tree: {@code query}, {@code totalHits} (hits in the ranked list, what
   * {@code offset} pages through), {@code totalHitsRelation} ({@code "eq"} or {@code "gte"}: exact
   * or a lower bound), {@code ownTextHits} (of those, the hits holding a query word in their own
   * text), {@code matchingPassages} (before the per-article limit and folding), {@code order}
   * ({@code "relevance"}, {@code "newest"} or {@code "topic"}), {@code partial} (true when the
   * search was cut short by its time limit), {@code hits} (each with {@code rank}, {@code score},
   * {@code articleId}, {@code passageId}, {@code paragraphs} as {@code [from, to]}, {@code offsets}
   * as {@code [start, end]} in UTF-16 code units, {@code codePointOffsets} the same in code points,
   * {@code date}, {@code heading}, {@code text}, {@code snippet}, {@code topics}, {@code entities},
   * {@code duplicates}, and {@code explanation} when requested), and {@code facets} when requested.
   */
  public static JsonObject toTree(SearchResults results) {
    JsonObject o = new JsonObject();
    o.addProperty("query", results.query());
    o.addProperty("totalHits", results.totalHits());
    o.addProperty("totalHitsRelation", results.totalHitsRelation().json());
    o.addProperty("ownTextHits", results.ownTextHits());
    o.addProperty("matchingPassages", results.matchingPassages());
    o.addProperty("order", results.order().json());
    o.addProperty("partial", results.partial());
    JsonArray hits = new JsonArray();
    results.hits().forEach(h -> hits.add(toTree(h)));
    o.add("hits", hits);
    if (!results.facets().isEmpty()) {
      JsonObject facets = new JsonObject();
      results.facets().forEach((dim, counts) -> facets.add(dim, counts(counts)));
      o.add("facets", facets);
    }
    return o;
  }

  /** One hit as a JSON tree. */
  public static JsonObject toTree(Hit h) {
    JsonObject o = new JsonObject();
    o.addProperty("rank", h.rank());
    o.addProperty("score", h.score());
    o.addProperty("articleId", h.articleId());
    o.addProperty("passageId", h.passageId());
    o.add("paragraphs", pair(h.from(), h.to()));
    o.add("offsets", pair(h.start(), h.end()));
    o.add("codePointOffsets", pair(h.codePointStart(), h.codePointEnd()));
    o.add("date", date(h.date()));
    o.addProperty("heading", h.heading());
    o.addProperty("text", h.text());
    o.addProperty("snippet", h.snippet());
    JsonObject topics = new JsonObject();
    h.topics().forEach((k, v) -> topics.addProperty(k, v));
    o.add("topics", topics);
    o.add("entities", strings(h.entities()));
    o.add("duplicates", strings(h.duplicates()));
    if (h.unit() == Unit.ARTICLE) {
      // Only article hits say so: passage hits keep exactly the fields they always had.
      o.addProperty("unit", h.unit().jsonName());
    }
    if (h.explanation() != null) {
      o.addProperty("explanation", h.explanation());
    }
    return o;
  }

  /**
   * Stats as a JSON tree: {@code articles, passages, firstDate, lastDate, schemaVersion, topics,
   * entities, topicModel, gazetteer, vectors} (the last {@code null} without vectors).
   */
  public static JsonObject toTree(IndexStats s) {
    JsonObject o = new JsonObject();
    o.addProperty("articles", s.articles());
    o.addProperty("passages", s.passages());
    o.add("firstDate", date(s.firstDate()));
    o.add("lastDate", date(s.lastDate()));
    o.addProperty("schemaVersion", s.schemaVersion());
    o.add("topics", counts(s.topics()));
    o.add("entities", counts(s.entities()));
    o.addProperty("topicModel", s.topicModel());
    o.addProperty("gazetteer", s.gazetteer());
    o.addProperty("vectors", s.vectors()); // JSON null without vectors
    return o;
  }

  /** {@code article} as one JSON object on one line. */
  public static String toJson(StoredArticle article) {
    return toJson(toTree(article));
  }

  /**
   * An article as a JSON tree: {@code id}, {@code date}, {@code title} (or null), {@code
   * paragraphs} (each {@code number}, {@code text}, {@code heading} true or false, {@code offsets}
   * as {@code [start, end]} in UTF-16 code units) and {@code passages} (each {@code passageId},
   * {@code paragraphs} as {@code [from, to]}, {@code offsets}). Texts are the article's own
   * characters, not escaped.
   */
  public static JsonObject toTree(StoredArticle article) {
    JsonObject o = new JsonObject();
    o.addProperty("id", article.id());
    o.add("date", date(article.date()));
    o.addProperty("title", article.title());
    JsonArray paragraphs = new JsonArray();
    for (StoredArticle.Paragraph p : article.paragraphs()) {
      JsonObject j = new JsonObject();
      j.addProperty("number", p.number());
      j.addProperty("text", p.text());
      j.addProperty("heading", p.heading());
      j.add("offsets", pair(p.start(), p.end()));
      paragraphs.add(j);
    }
    o.add("paragraphs", paragraphs);
    JsonArray passages = new JsonArray();
    for (StoredArticle.Span s : article.passages()) {
      JsonObject j = new JsonObject();
      j.addProperty("passageId", s.passageId());
      j.add("paragraphs", pair(s.from(), s.to()));
      j.add("offsets", pair(s.start(), s.end()));
      passages.add(j);
    }
    o.add("passages", passages);
    return o;
  }

  /**
   * Serializes any tree with the same settings (no HTML escaping, nulls kept), as strict JSON (RFC
   * 8259).
   *
   * @throws IllegalArgumentException if the tree holds a number that is not finite ({@code NaN},
   *     {@code Infinity}), naming where: Gson would print it as a bare {@code NaN}, which {@code
   *     JSON.parse} and every strict parser reject, so it is refused here, before any app sees it
   */
  public static String toJson(JsonElement tree) {
    requireFinite(tree, "$");
    return GSON.toJson(tree);
  }

  private static void requireFinite(JsonElement e, String path) {
    if (e.isJsonObject()) {
      e.getAsJsonObject()
          .entrySet()
          .forEach(m -> requireFinite(m.getValue(), path + "." + m.getKey()));
    } else if (e.isJsonArray()) {
      for (int i = 0; i < e.getAsJsonArray().size(); i++) {
        requireFinite(e.getAsJsonArray().get(i), path + "[" + i + "]");
      }
    } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      double d = e.getAsDouble();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(
            "JSON has no " + d + " (at " + path + "): a bug in Parley, please report it");
      }
    }
  }

  private static JsonArray counts(java.util.List<FacetCount> counts) {
    JsonArray array = new JsonArray();
    for (FacetCount c : counts) {
      JsonObject o = new JsonObject();
      o.addProperty("label", c.label());
      o.addProperty("count", c.count());
      array.add(o);
    }
    return array;
  }

  private static JsonArray strings(java.util.List<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }

  private static JsonArray pair(int a, int b) {
    JsonArray array = new JsonArray(2);
    array.add(a);
    array.add(b);
    return array;
  }

  private static JsonElement date(LocalDate date) {
    return date == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(date.toString());
  }
}
