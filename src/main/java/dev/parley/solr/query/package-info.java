/**
 * The query side on SolrCloud. Inside Solr: {@link dev.parley.solr.query.ParleyQParserPlugin} (the
 * {@code {!parley}} query parser, which builds the embedded first-stage query with the library's
 * own code and the collection's statistics) and {@link
 * dev.parley.solr.query.ParleySnippetHighlighter} (Solr's unified highlighter formatting snippets
 * as the embedded searcher does). In the client: {@link dev.parley.solr.query.SolrSearcher}, which
 * collects the global top passages and applies the per-article limit, folding and paging as the
 * embedded searcher does. Imports {@code query}, never {@code indexer}.
 */
package dev.parley.solr.query;
