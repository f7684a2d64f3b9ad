/**
 * The write side on SolrCloud: {@link dev.parley.solr.write.SolrIndexer} reads, segments and
 * enriches articles with the library's own pipeline and builds their documents with {@link
 * dev.parley.indexer.write.ArticleDocuments}; {@link dev.parley.solr.write.SolrDocuments} turns
 * them into Solr documents; {@link dev.parley.solr.write.SolrArticleWriter} sends them in batches,
 * retried, idempotent by passage id. Imports {@code indexer}, never {@code query}.
 */
package dev.parley.solr.write;
