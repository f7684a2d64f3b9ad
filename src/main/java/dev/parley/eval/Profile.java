package dev.parley.eval;

import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.fuse.Fusion;
import dev.parley.query.rank.RerankModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A named ranking configuration to evaluate: how to build the searcher and each request.
 *
 * @param name the name used on the command line
 * @param description what the profile does
 * @param searcher configures the searcher builder
 * @param request configures each request builder
 */
public record Profile(
    String name,
    String description,
    UnaryOperator<Searcher.Builder> searcher,
    UnaryOperator<SearchRequest.Builder> request) {

  /** Validates the values. */
  public Profile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(searcher, "searcher");
    Objects.requireNonNull(request, "request");
  }

  /** Whether the profile only makes sense on an index with passage vectors. */
  public boolean needsVectors() {
    return name.startsWith("hybrid");
  }

  /** The built-in profiles, reference first. */
  public static Map<String, Profile> builtIn() {
    Map<String, Profile> profiles = new LinkedHashMap<>();
    add(
        profiles,
        "bm25",
        "Parley 1 ranking: BM25 (k1=0.9, b=0.4) over passage text plus article context at 0.2;"
            + " no entity synonyms",
        s -> s.withEntitySynonyms(false),
        r -> r.withDense(false));
    add(
        profiles,
        "bm25+collapse",
        "bm25 with near-duplicate folding",
        s -> s.withEntitySynonyms(false),
        r -> r.withCollapse(true).withDense(false));
    add(
        profiles,
        "bm25+synonyms",
        "bm25 with entity synonyms at query time",
        s -> s,
        r -> r.withDense(false));
    add(
        profiles,
        "parley",
        "the lexical first stage: bm25 with entity synonyms (dense vectors off)",
        s -> s,
        r -> r.withDense(false));
    add(
        profiles,
        "hybrid",
        "the default searcher on an index with vectors: the parley first stage's top 100 and the"
            + " 100 nearest passages by e5 vector, fused by a min-max interpolation whose dense"
            + " part is scaled by the dense side's confidence over the model's floor"
            + " (Fusion.learned())",
        s -> s,
        r -> r);
    add(
        profiles,
        "hybrid-rescore",
        "hybrid, but only the first stage's top 100 are candidates (re-scored with the vectors)",
        s -> s.withFusion(Fusion.learnedRescore()),
        r -> r);
    add(
        profiles,
        "rerank",
        "parley, then the top 200 passages re-scored by the learned second stage"
            + " (RerankModel.learned(): proximity, RM3, article, topic, entity, position and length"
            + " features; weights by parley tune)",
        s -> s.withReranker(RerankModel.learned()),
        r -> r.withDense(false));
    return profiles;
  }

  private static void add(
      Map<String, Profile> profiles,
      String name,
      String description,
      UnaryOperator<Searcher.Builder> searcher,
      UnaryOperator<SearchRequest.Builder> request) {
    profiles.put(name, new Profile(name, description, searcher, request));
  }

  /**
   * The built-in profile called {@code name}.
   *
   * @throws IllegalArgumentException naming the known profiles
   */
  public static Profile named(String name) {
    Profile p = builtIn().get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "unknown profile '"
              + name
              + "': known profiles are "
              + String.join(", ", builtIn().keySet()));
    }
    return p;
  }
}
