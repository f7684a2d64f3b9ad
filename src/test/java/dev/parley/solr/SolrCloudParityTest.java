package dev.parley.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Indexer;
import dev.parley.indexer.IngestReport;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import dev.parley.query.result.IndexStats;
import dev.parley.query.result.ResultsJson;
import dev.parley.query.result.SearchResults;
import dev.parley.solr.cluster.LocalCluster;
import dev.parley.solr.query.SolrSearcher;
import dev.parley.solr.write.SolrIndexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same passages and the same ranking on a 2-node, 2-shard SolrCloud as in the embedded index:
 * the seed article plus a fixture of eight articles, indexed both ways; for text, topic, entity,
 * date-range, per-article and folding queries the top 10 passage ids are equal, scores agree to
 * 1e-4, and snippets and counts are equal.
 */
class SolrCloudParityTest {
  static Path dir;
  static LocalCluster cluster;
  static Searcher embedded;
  static SolrSearcher solr;
  static List<Path> inputs;

  @BeforeAll
  static void indexBothWays() throws Exception {
    dir = Files.createTempDirectory("parley-solr-parity");
    inputs = List.of(Path.of("seeds"), Path.of("src/test/resources/dev/parley/solr/fixture"));
    try (Indexer indexer = Indexer.builder(dir.resolve("index")).build()) {
      assertTrue(indexer.index(inputs).ok());
    }
    embedded = Searcher.open(dir.resolve("index"));
    cluster = LocalCluster.start(2, 2, 0, dir.resolve("cluster"));
    try (SolrIndexer indexer = SolrIndexer.builder(cluster.collectionUrl()).build()) {
      IngestReport report = indexer.index(inputs);
      assertTrue(report.ok(), report.rejected().toString());
      assertEquals(9, report.articles());
    }
    solr = SolrSearcher.open(cluster.collectionUrl());
  }

  @AfterAll
  static void stop() throws Exception {
    if (solr != null) {
      solr.close();
    }
    if (embedded != null) {
      embedded.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  static Stream<SearchRequest> requests() {
    LocalDate y2019 = LocalDate.of(2019, 1, 1);
    return Stream.of(
        SearchRequest.of("summit"),
        SearchRequest.of("birthday banquet"),
        SearchRequest.of("sanctions North Korea"),
        SearchRequest.of("DPRK"),
        SearchRequest.of("\"trade deal\" tariffs"),
        SearchRequest.of("talks -Hanoi"),
        SearchRequest.builder("talks").addTopic("sanctions").build(),
        SearchRequest.builder("").addTopic("summits").build(),
        SearchRequest.builder("summit").addEntity("north-korea").build(),
        SearchRequest.builder("").addEntity("DPRK").build(),
        SearchRequest.builder("sanctions")
            .withSince(y2019)
            .withUntil(LocalDate.of(2019, 12, 31))
            .build(),
        SearchRequest.builder("summit").withPerArticle(1).build(),
        SearchRequest.builder("talks").filterTopic("sanctions").build(),
        SearchRequest.builder("declaration denuclearisation peninsula").withCollapse(true).build(),
        SearchRequest.builder("Kim").withK(3).withOffset(2).withPerArticle(2).build());
  }

  @ParameterizedTest
  @MethodSource("requests")
  void topTenEqualsEmbedded(SearchRequest request) throws Exception {
    SearchResults e = embedded.search(request);
    SearchResults s = solr.search(request);
    assertFalse(e.hits().isEmpty(), "the embedded index finds " + request.query());
    assertEquals(ids(e), ids(s), request.toString());
    for (int i = 0; i < e.hits().size(); i++) {
      Hit eh = e.hits().get(i);
      Hit sh = s.hits().get(i);
      assertEquals(eh.score(), sh.score(), 1e-4, eh.passageId());
      assertEquals(eh.snippet(), sh.snippet(), eh.passageId());
      assertEquals(eh.duplicates(), sh.duplicates(), eh.passageId());
      assertEquals(eh.entities(), sh.entities(), eh.passageId());
      assertEquals(eh.topics(), sh.topics(), eh.passageId());
    }
    assertEquals(e.totalHits(), s.totalHits());
    assertEquals(e.ownTextHits(), s.ownTextHits());
    assertEquals(e.matchingPassages(), s.matchingPassages());
    assertEquals(e.order(), s.order());
  }

  @Test
  void jsonWithFacetsEqualsEmbedded() throws Exception {
    SearchRequest request = SearchRequest.builder("summit talks").withFacets(true).build();
    assertEquals(
        ResultsJson.toJson(embedded.search(request)), ResultsJson.toJson(solr.search(request)));
  }

  @Test
  void statsEqualEmbedded() throws Exception {
    IndexStats e = embedded.stats();
    IndexStats s = solr.stats();
    assertEquals(e, s);
  }

  static List<String> ids(SearchResults r) {
    return r.hits().stream().map(Hit::passageId).toList();
  }
}
