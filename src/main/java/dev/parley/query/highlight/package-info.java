/**
 * Snippets: the best sentences of each hit with the query words marked, from Lucene's {@link
 * org.apache.lucene.search.uhighlight.UnifiedHighlighter} reading offsets from the postings.
 */
package dev.parley.query.highlight;
