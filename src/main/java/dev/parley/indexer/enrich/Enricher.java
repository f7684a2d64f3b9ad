package dev.parley.indexer.enrich;

import dev.parley.indexer.Article;
import dev.parley.indexer.Passage;

/**
 * Adds topics and entities to a passage before it is written. The default is {@link NewsEnricher};
 * an app can supply its own to the {@link dev.parley.indexer.Indexer.Builder}. Implementations must
 * be thread-safe: the indexer may call them from several threads.
 */
@FunctionalInterface
public interface Enricher {
  /** The enrichment of {@code passage}, a passage of {@code article}. */
  Enrichment enrich(Article article, Passage passage);

  /** The topic names this enricher scores, in order (recorded in the index manifest). */
  default java.util.List<String> topics() {
    return java.util.List.of();
  }

  /**
   * What identifies this enricher's output beyond its topic names (for the built-in one, the topic
   * model's version), recorded in the index manifest: an incremental run whose enricher has another
   * version rewrites every article, so no passage keeps scores of an older model. Empty by default.
   */
  default String version() {
    return "";
  }
}
