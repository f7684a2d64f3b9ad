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

  /**
   * The entity mentions of a text that is not a passage (an article's title and lead, a heading),
   * in text order, so the indexer can write entity tokens into the article context as it does into
   * passages ({@link Enrichment#mentions()}). None by default.
   */
  default java.util.List<dev.parley.analysis.Mention> mentions(String text) {
    return java.util.List.of();
  }

  /**
   * The version of the gazetteer whose mentions this enricher reports ({@code
   * Gazetteer.version()}), recorded in the index manifest: an incremental run with another version
   * rewrites every article, and a searcher with another gazetteer refuses the index, because the
   * index holds one token per tagged mention. Empty (the default) when it reports no mentions.
   */
  default String gazetteerVersion() {
    return "";
  }
}
