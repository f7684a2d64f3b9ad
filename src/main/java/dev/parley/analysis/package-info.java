/**
 * Language knowledge both sides share: the one analyzer chain of the indexer and the searcher
 * (built from Lucene's own tokenizer and filters and described by an {@link
 * dev.parley.analysis.AnalysisConfig} that every commit records, so queries are always analyzed the
 * way the index was), British/American spelling variants, and the {@link
 * dev.parley.analysis.Gazetteer} of countries, organisations and leaders with the {@link
 * dev.parley.analysis.EntityTagger} that finds them in text and the query-time synonyms built from
 * their aliases.
 */
package dev.parley.analysis;
