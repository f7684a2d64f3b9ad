/**
 * The query side: {@link dev.parley.query.Searcher} turns a {@link dev.parley.query.SearchRequest}
 * into a Lucene query ({@code build}), ranks passages ({@code rank}), highlights them ({@code
 * highlight}) and returns {@link dev.parley.query.result.SearchResults} ({@code result}).
 */
package dev.parley.query;
