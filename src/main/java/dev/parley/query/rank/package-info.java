/**
 * Ranking: BM25 scores from Lucene, ties broken by passage id, then at most N passages per article
 * and the requested page.
 */
package dev.parley.query.rank;
