package dev.parley.query.result;

import dev.parley.schema.DenseSpec;
import dev.parley.schema.IndexManifest;
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
 * @param topicModel the version of the topic model that scored the passages (the manifest's; empty
 *     when the index records none): a different model re-enriches on the next indexing run
 * @param gazetteer the version of the gazetteer whose mentions the index holds (empty when none)
 * @param vectors the embedding model of the passages' vectors as {@code name/dimension}, or {@code
 *     null} when the index has none
 */
public record IndexStats(
    long articles,
    long passages,
    LocalDate firstDate,
    LocalDate lastDate,
    int schemaVersion,
    List<FacetCount> topics,
    List<FacetCount> entities,
    String topicModel,
    String gazetteer,
    String vectors) {
  /** Copies the lists; {@code topicModel} and {@code gazetteer} are never null. */
  public IndexStats {
    topics = List.copyOf(topics);
    entities = List.copyOf(entities);
    topicModel = topicModel == null ? "" : topicModel;
    gazetteer = gazetteer == null ? "" : gazetteer;
  }

  /**
   * Stats whose model versions are those {@code manifest} records.
   *
   * @param topics passages labelled with each topic, in topic order
   * @param entities the most mentioned entities, by passages, most first
   */
  public static IndexStats of(
      long articles,
      long passages,
      LocalDate firstDate,
      LocalDate lastDate,
      IndexManifest manifest,
      List<FacetCount> topics,
      List<FacetCount> entities) {
    DenseSpec dense = manifest.dense();
    return new IndexStats(
        articles,
        passages,
        firstDate,
        lastDate,
        manifest.schemaVersion(),
        topics,
        entities,
        manifest.topicModel(),
        manifest.gazetteer(),
        dense == null ? null : dense.model() + "/" + dense.dimension());
  }
}
