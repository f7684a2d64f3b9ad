/**
 * Snippets: the best sentences of each hit with the query words marked, from Lucene's {@link
 * org.apache.lucene.search.uhighlight.UnifiedHighlighter} reading offsets from the postings. The
 * article text inside a snippet is HTML-escaped unless {@link
 * dev.parley.query.highlight.SnippetEscaping#NONE} is asked for.
 */
package dev.parley.query.highlight;
