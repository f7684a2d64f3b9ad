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
        SearchRequest.builder("Kim").withK(3).withOffset(2).withPerArticle(2).build(),
        // Phrases whose words live in one article, so on one shard: the context field's statistics
        // must still be the collection's (seed 29623631083225 of the random test found the first).
        SearchRequest.builder("\"trade deal\"").withK(3).withOffset(1).withCollapse(true).build(),
        SearchRequest.of("\"trade deal\""),
        SearchRequest.of("\"birthday banquet\""),
        SearchRequest.of("\"economic sanctions\" \"Minsk peace\""),
        SearchRequest.builder("\"working lunch\"").withPerArticle(0).build(),
        SearchRequest.builder("\"fireworks display\"").addTopic("diplomacy").build());
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

  /** Random requests over the fixture's words, names and dates: the same top 10 both ways. */
  @Test
  void randomRequestsRankAsEmbedded() throws Exception {
    long seed = Long.getLong("parley.seed", System.nanoTime()); // -Dparley.seed=N replays a run
    System.out.println("SolrCloudParityTest seed: " + seed);
    java.util.Random random = new java.util.Random(seed);
    String[] words = {
      "summit",
      "sanctions",
      "talks",
      "Kim",
      "Trump",
      "DPRK",
      "North Korea",
      "Pyongyang",
      "\"trade deal\"",
      "banquet",
      "Putin",
      "Russia",
      "peninsula",
      "-Hanoi",
      "declaration",
      "United States",
      "tariffs",
      "Moon",
      "Olympics",
      "nuclear",
      "OR",
      "the",
      "Seoul"
    };
    String[] topics = {"diplomacy", "sanctions", "summits"};
    String[] entities = {"north-korea", "united-states", "DPRK", "china", "russia"};
    for (int i = 0; i < 60; i++) {
      StringBuilder q = new StringBuilder();
      int n = random.nextInt(4);
      for (int w = 0; w < n; w++) {
        q.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
      }
      SearchRequest.Builder b =
          SearchRequest.builder(q.toString())
              .withK(1 + random.nextInt(10))
              .withOffset(random.nextInt(4))
              .withPerArticle(random.nextInt(3))
              .withCollapse(random.nextBoolean());
      if (random.nextInt(4) == 0 || n == 0) {
        b.addTopic(topics[random.nextInt(topics.length)]);
      }
      if (random.nextInt(5) == 0) {
        b.addEntity(entities[random.nextInt(entities.length)]);
      }
      if (random.nextInt(5) == 0) {
        b.filterTopic(topics[random.nextInt(topics.length)]);
      }
      if (random.nextInt(4) == 0) {
        b.withSince(LocalDate.of(2018, 1, 1).plusDays(random.nextInt(800)));
      }
      SearchRequest request = b.build();
      SearchResults e = embedded.search(request);
      SearchResults s = solr.search(request);
      assertEquals(ids(e), ids(s), "seed " + seed + ": " + request);
      for (int h = 0; h < e.hits().size(); h++) {
        assertEquals(e.hits().get(h).score(), s.hits().get(h).score(), 1e-4, "seed " + seed);
        assertEquals(e.hits().get(h).snippet(), s.hits().get(h).snippet(), "seed " + seed);
      }
      assertEquals(e.totalHits(), s.totalHits(), "seed " + seed + ": " + request);
      assertEquals(e.ownTextHits(), s.ownTextHits(), "seed " + seed + ": " + request);
    }
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

  @Test
  void commandLineOnSolrPrintsWhatItPrintsOnTheEmbeddedIndex() throws Exception {
    String index = dir.resolve("index").toString();
    String url = cluster.collectionUrl();
    for (String[] args :
        List.of(
            new String[] {"search", "--json", "--facets", "summit talks"},
            new String[] {"search", "--k", "3", "--offset", "1", "--explain", "Kim"},
            new String[] {"search", "--per-article", "1", "--collapse", "peninsula declaration"},
            new String[] {"search", "--since", "2019-01-01", "--until", "2019-06-30", "sanctions"},
            new String[] {"search", "--topic", "summits", "--entity", "north-korea", "talks"},
            new String[] {"search", "--topic", "nonsense", "talks"},
            new String[] {"search", "--entity", "Atlantis", "talks"},
            new String[] {"stats", "--json"})) {
      dev.parley.cli.CliRuns.Run e = dev.parley.cli.CliRuns.run(with(args, "--index", index));
      dev.parley.cli.CliRuns.Run s = dev.parley.cli.CliRuns.run(with(args, "--solr", url));
      assertEquals(e.code(), s.code(), String.join(" ", args) + ": " + s.err());
      assertEquals(e.err(), s.err(), String.join(" ", args));
      if (args[0].equals("stats")) {
        assertEquals(e.out(), s.out());
      } else if (!List.of(args).contains("--explain")) {
        assertEquals(e.out(), s.out(), String.join(" ", args));
      } else {
        // Explanations: the same lines but the search engine's own wording of a few nodes.
        assertEquals(firstLines(e.out()), firstLines(s.out()));
        assertEquals(blankLines(e.out()), blankLines(s.out()), "blank lines in " + s.out());
      }
    }
    Path queries = dir.resolve("q.tsv");
    Files.writeString(
        queries, "q1\tsummit talks\nq2\tsanctions North Korea\nq3\tbirthday banquet\n");
    dev.parley.cli.CliRuns.Run e =
        dev.parley.cli.CliRuns.run(
            "batch",
            "--index",
            index,
            "--queries",
            queries.toString(),
            "--run",
            dir.resolve("e.trec").toString(),
            "--k",
            "10");
    dev.parley.cli.CliRuns.Run s =
        dev.parley.cli.CliRuns.run(
            "batch",
            "--solr",
            url,
            "--queries",
            queries.toString(),
            "--run",
            dir.resolve("s.trec").toString(),
            "--k",
            "10");
    assertEquals(0, e.code());
    assertEquals(0, s.code(), s.err());
    List<String> el = Files.readAllLines(dir.resolve("e.trec"));
    List<String> sl = Files.readAllLines(dir.resolve("s.trec"));
    assertEquals(el.size(), sl.size());
    for (int i = 0; i < el.size(); i++) {
      String[] a = el.get(i).split(" ");
      String[] b = sl.get(i).split(" ");
      assertEquals(List.of(a[0], a[2], a[3]), List.of(b[0], b[2], b[3]));
      assertEquals(Double.parseDouble(a[4]), Double.parseDouble(b[4]), 1e-4);
    }
  }

  /** The hit lines of text output (rank, id, date, paragraphs, score), without explanations. */
  static List<String> firstLines(String out) {
    return out.lines().filter(l -> l.matches("\\s*\\d+\\. .*")).toList();
  }

  static long blankLines(String out) {
    return out.lines().filter(String::isBlank).count();
  }

  static String[] with(String[] args, String option, String value) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.add(1, value);
    all.add(1, option);
    return all.toArray(String[]::new);
  }

  static List<String> ids(SearchResults r) {
    return r.hits().stream().map(Hit::passageId).toList();
  }
}
