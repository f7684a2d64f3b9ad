/**
 * Passage vectors at index time: {@link dev.parley.indexer.embed.PassageVectors} embeds the
 * passages of an article with the index's {@link dev.parley.embed.Embedder}, reusing the vector of
 * every passage whose text is unchanged since the last run, so an incremental run embeds only new
 * and changed passages.
 */
package dev.parley.indexer.embed;
