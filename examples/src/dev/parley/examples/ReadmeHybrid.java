package dev.parley.examples;

import dev.parley.embed.DenseModel;
import dev.parley.indexer.Indexer;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Unit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

public class ReadmeHybrid {
  public static void main(String[] args) throws IOException {
    Path index = Path.of(args.length > 0 ? args[0] : "index");
    try (Indexer indexer = Indexer.builder(index).withEmbeddings(DenseModel.E5_SMALL_V2).build()) {
      indexer.index(List.of(Path.of("seeds"))); // each passage gets a vector
    }
    try (Searcher searcher = Searcher.open(index)) { // embeds queries with the same model
      searcher.search(SearchRequest.of("trade ban on Pyongyang")); // hybrid
      searcher.search(SearchRequest.builder("sanctions").withDense(false).build()); // lexical
      searcher.search(
          SearchRequest.builder("sanctions").withUnit(Unit.ARTICLE).build()); // articles
    }
  }
}
