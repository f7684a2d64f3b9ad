/**
 * Snippets: the best sentences of each hit with the query words marked, from Lucene's {@link
 * org.apache.lucene.search.uhighlight.UnifiedHighlighter} reading offsets from the postings. The
 * article text inside a snippet is HTML-escaped unless {@link
 * dev.parley.query.highlight.SnippetEscaping#NONE} is asked for. The hits of one search share one
 * weight, whose postings enumerators are recycled from hit to hit, and sentences are scored as
 * Lucene scores them without its per-sentence hash (docs/performance.md, sixth session): the
 * snippets are Lucene's own.
 */
package dev.parley.query.highlight;
