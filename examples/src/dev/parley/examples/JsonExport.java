package dev.parley.examples;

import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.ResultsJson;
import java.io.IOException;
import java.nio.file.Path;

/** JSON export: the top passages for a query as the JSON an app consumes. */
public final class JsonExport {
  private JsonExport() {}

  /** The JSON of the top {@code k} passages for {@code query} in the index at {@code indexDir}. */
  public static String export(Path indexDir, String query, int k) throws IOException {
    try (Searcher searcher = Searcher.open(indexDir)) {
      return ResultsJson.toJson(searcher.search(SearchRequest.builder(query).withK(k).build()));
    }
  }

  /** Prints the JSON for {@code args[0]} (default "sanctions") from the index in {@code index/}. */
  public static void main(String[] args) throws IOException {
    System.out.println(export(Path.of("index"), args.length > 0 ? args[0] : "sanctions", 5));
  }
}
