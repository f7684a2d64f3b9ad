/**
 * From the user's query text to a Lucene query: {@link dev.parley.query.build.SimpleQuery} parses
 * the safe syntax (words, quoted phrases, exclusions, OR) without ever failing, and {@link
 * dev.parley.query.build.QueryFactory} analyzes it with the index's analyzer into field queries.
 */
package dev.parley.query.build;
