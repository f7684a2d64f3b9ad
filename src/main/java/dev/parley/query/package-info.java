/**
 * The query side: {@link dev.parley.query.Searcher} turns a {@link dev.parley.query.SearchRequest}
 * into a Lucene query ({@code build}), ranks passages ({@code rank}), highlights them ({@code
 * highlight}) and returns {@link dev.parley.query.result.SearchResults} ({@code result}). Inside
 * the package, {@code QueryPreparer} builds the first-stage query, {@code Rescoring} the second
 * stage, {@code HitReader} the hits and {@code IndexSearchers} hands out refreshed Lucene
 * searchers, so {@code Searcher} itself reads as the manual.
 */
package dev.parley.query;
