/**
 * Enriching passages before they are written: {@link dev.parley.analysis.EntityTagger} finds the
 * gazetteer's countries, organisations and leaders; {@link dev.parley.indexer.enrich.TopicModel}
 * scores each topic in [0, 1]; {@link dev.parley.indexer.enrich.Enricher} is the one-method stage
 * the indexer calls, and apps can supply their own.
 */
package dev.parley.indexer.enrich;
