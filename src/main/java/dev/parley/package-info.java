/**
 * Parley turns news articles into a Lucene index of passages and ranks the passages about
 * diplomacy, sanctions and summits.
 *
 * <p>Two front doors, one per side: {@link dev.parley.indexer.Indexer} reads articles, cuts them
 * into passages and writes the index; {@link dev.parley.query.Searcher} ranks passages for a query
 * and returns {@link dev.parley.query.result.SearchResults} as Java values or JSON. Both sides
 * share one schema ({@link dev.parley.schema}) and one analyzer ({@link dev.parley.analysis}).
 *
 * <pre>{@code
 * try (Indexer indexer = Indexer.builder(indexDir).build()) {
 *   indexer.index(List.of(Path.of("seeds")));
 * }
 * try (Searcher searcher = Searcher.open(indexDir)) {
 *   SearchResults results = searcher.search(SearchRequest.of("summit"));
 * }
 * }</pre>
 */
package dev.parley;
