package dev.parley.indexer.enrich;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What enrichment adds to a passage.
 *
 * @param topics each topic's score in [0, 1], in topic order
 * @param labels the topics whose score reaches their threshold
 * @param entities canonical ids of the entities mentioned, in order of first mention (a leader's
 *     family name alone counts where the article context names the leader in full)
 * @param mentions where the passage's own words name an entity by one of its gazetteer names, in
 *     text order, offsets into the passage: the entity tokens written at those places text (not its
 *     heading): the indexer writes one entity token at each mention named by one of the entity's
 *     aliases ({@link dev.parley.analysis.Mention.Kind#NAME}), which is what a query naming the
 *     entity by any alias matches; empty when the enricher tags no entities
 */
public record Enrichment(
    Map<String, Float> topics,
    List<String> labels,
    List<String> entities,
    List<dev.parley.analysis.Mention> mentions) {
  /** Nothing added. */
  public static final Enrichment NONE = new Enrichment(Map.of(), List.of(), List.of());

  /** An enrichment without mentions (no entity tokens are written for the passage). */
  public Enrichment(Map<String, Float> topics, List<String> labels, List<String> entities) {
    this(topics, labels, entities, List.of());
  }

  /** Validates the values and copies the collections (keeping topic order). */
  public Enrichment {
    topics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(topics));
    labels = List.copyOf(labels);
    entities = List.copyOf(entities);
    mentions = List.copyOf(mentions);
    for (Map.Entry<String, Float> e : topics.entrySet()) {
      float v = Objects.requireNonNull(e.getValue(), e.getKey());
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(
            "topic " + e.getKey() + " score must be in [0, 1], got: " + v);
      }
    }
  }
}
