/**
 * Parley on SolrCloud: the same passages and the same ranking on a sharded collection. {@code
 * schema} generates the configset from {@link dev.parley.schema.Fields} and holds the classes Solr
 * loads for it (the analyzer, the topic-score field); {@code write} indexes through SolrJ; {@code
 * query} holds the {@code {!parley}} query parser, the highlighter and the client-side searcher;
 * {@code cluster} starts a local SolrCloud in one process.
 *
 * <p>Solr is an optional dependency: an app that embeds Lucene only never loads these classes.
 */
package dev.parley.solr;
