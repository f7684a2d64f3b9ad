package dev.parley.query.result;

import java.time.LocalDate;
import java.util.List;

/**
 * What an index holds.
 *
 * @param articles number of articles
 * @param passages number of passages
 * @param firstDate earliest article date, or {@code null} when empty
 * @param lastDate latest article date, or {@code null} when empty
 * @param schemaVersion the index's schema version
 * @param topics passages labelled with each topic, in topic order
 * @param entities the most mentioned entities, by passages, most first
 */
public record IndexStats(
    long articles,
    long passages,
    LocalDate firstDate,
    LocalDate lastDate,
    int schemaVersion,
    List<FacetCount> topics,
    List<FacetCount> entities) {
  /** Copies the lists. */
  public IndexStats {
    topics = List.copyOf(topics);
    entities = List.copyOf(entities);
  }
}
