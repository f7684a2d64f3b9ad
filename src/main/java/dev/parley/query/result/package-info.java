/**
 * What a search returns, as immutable values ({@link dev.parley.query.result.SearchResults}, {@link
 * dev.parley.query.result.Hit}, {@link dev.parley.query.result.IndexStats}) and as the stable JSON
 * documented in README.md ({@link dev.parley.query.result.ResultsJson}).
 */
package dev.parley.query.result;
