/**
 * Enriching passages before they are written: {@link dev.parley.indexer.enrich.NewsEnricher} cuts
 * each passage into words once ({@link dev.parley.analysis.TokenView}), tags the gazetteer's
 * countries, organisations and leaders on those words ({@link dev.parley.analysis.EntityTagger}),
 * and scores each topic in [0, 1] with the {@link dev.parley.indexer.enrich.TopicModel}: logistic
 * regression over words, word pairs, curated {@link dev.parley.indexer.enrich.Cue}s, entity
 * patterns and the article's context, whose weights {@link dev.parley.indexer.enrich.TopicTrainer}
 * learns from labelled passages and {@link dev.parley.indexer.enrich.TopicFiles} reads and writes.
 * {@link dev.parley.indexer.enrich.Enricher} is the one-method stage the indexer calls, and apps
 * can supply their own.
 */
package dev.parley.indexer.enrich;
