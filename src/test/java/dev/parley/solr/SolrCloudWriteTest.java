package dev.parley.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Indexer;
import dev.parley.indexer.IngestReport;
import dev.parley.query.result.IndexStats;
import dev.parley.schema.Fields;
import dev.parley.solr.cluster.LocalCluster;
import dev.parley.solr.query.SolrSearcher;
import dev.parley.solr.write.SolrIndexer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing to a 2-node, 2-shard SolrCloud: a run repeated changes nothing, a changed article is
 * replaced whole (no stale passages), and a node stopped in the middle of a run and started again
 * loses nothing and doubles nothing (the batches are resent and replace themselves by id).
 */
class SolrCloudWriteTest {
  static Path dir;
  static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("parley-solr-write");
    cluster = LocalCluster.start(2, 2, 0, dir.resolve("cluster"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Deletes everything, so each test starts from an empty collection. */
  static void empty() throws Exception {
    cluster.client().deleteByQuery("parley", "*:*");
    cluster.client().commit("parley");
  }

  @Test
  void runRepeatedChangesNothingAndChangedArticleIsReplacedWhole(@TempDir Path in)
      throws Exception {
    empty();
    Path fixture = Path.of("src/test/resources/dev/parley/solr/fixture");
    for (Path f : Files.list(fixture).sorted().toList()) {
      Files.copy(f, in.resolve(f.getFileName()));
    }
    // An id with a comma and a space: looked up as itself, not as two ids.
    Files.writeString(
        in.resolve("talks, day two.txt"), "date 2019-03-01 Envoys met again for talks.\n");
    IngestReport first;
    try (SolrIndexer indexer = SolrIndexer.builder(cluster.collectionUrl()).build()) {
      first = indexer.index(List.of(in));
    }
    assertEquals(9, first.articles());
    Set<String> before = ids();
    IngestReport second;
    try (SolrIndexer indexer = SolrIndexer.builder(cluster.collectionUrl()).build()) {
      second = indexer.index(List.of(in));
    }
    assertEquals(0, second.articles());
    assertEquals(9, second.unchanged());
    assertEquals(before, ids());

    // a3 loses its last two paragraphs: its passages #2-2 and #3-3 must go.
    Files.writeString(
        in.resolve("a3.txt"),
        "date 2019-02-28 Hanoi talks collapse\n\nThe second summit ended without an agreement.\n",
        StandardCharsets.UTF_8);
    try (SolrIndexer indexer = SolrIndexer.builder(cluster.collectionUrl()).build()) {
      assertEquals(1, indexer.index(List.of(in)).articles());
    }
    Set<String> after = ids();
    assertTrue(after.contains("a3#0-0"), after.toString());
    assertTrue(after.contains("a3#1-1"), after.toString());
    assertTrue(!after.contains("a3#2-2") && !after.contains("a3#3-3"), after.toString());
    assertEquals(before.size() - 2, after.size());
    // The same collection as a directory index of the same files.
    try (Indexer indexer = Indexer.builder(dir.resolve("replaced")).build()) {
      indexer.index(List.of(in));
    }
    try (var embedded = dev.parley.query.Searcher.open(dir.resolve("replaced"));
        SolrSearcher solr = SolrSearcher.open(cluster.collectionUrl())) {
      IndexStats e = embedded.stats();
      assertEquals(e, solr.stats());
    }
  }

  @Test
  void nodeStoppedDuringIndexingLosesNothingAndDoublesNothing(@TempDir Path in) throws Exception {
    empty();
    long seed = System.nanoTime();
    System.out.println("SolrCloudWriteTest seed: " + seed);
    Random random = new Random(seed);
    String[] words = {
      "summit",
      "sanctions",
      "talks",
      "envoy",
      "ministers",
      "treaty",
      "embassy",
      "ceasefire",
      "delegation",
      "tariffs",
      "Pyongyang",
      "Brussels",
      "agreement",
      "negotiators",
      "visit"
    };
    int articles = 400;
    for (int i = 0; i < articles; i++) {
      StringBuilder text =
          new StringBuilder("date " + LocalDate.of(2019, 1, 1).plusDays(random.nextInt(700)) + " ");
      int paragraphs = 1 + random.nextInt(4);
      for (int p = 0; p < paragraphs; p++) {
        for (int w = 0; w < 12 + random.nextInt(20); w++) {
          text.append(words[random.nextInt(words.length)]).append(' ');
        }
        text.append("article ").append(i).append(" paragraph ").append(p).append(".\n\n");
      }
      Files.writeString(in.resolve(String.format("n%04d.txt", i)), text.toString());
    }
    try (Indexer indexer = Indexer.builder(dir.resolve("failover")).build()) {
      indexer.index(List.of(in));
    }
    IndexStats expected;
    try (var embedded = dev.parley.query.Searcher.open(dir.resolve("failover"))) {
      expected = embedded.stats();
    }
    try (SolrIndexer indexer =
        SolrIndexer.builder(cluster.collectionUrl())
            .withBatchDocs(40)
            .withThreads(1)
            .withRetryFor(Duration.ofSeconds(120))
            .build()) {
      CompletableFuture<IngestReport> run =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return indexer.index(List.of(in));
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              });
      while (indexer.sentRequests() < 3 && !run.isDone()) {
        Thread.sleep(5);
      }
      cluster.stopNode(1);
      Thread.sleep(2000);
      cluster.startNode(1);
      IngestReport report = run.get();
      assertEquals(articles, report.articles());
      assertTrue(indexer.retries() > 0, "the stopped node made some batch fail and be resent");
    }
    try (SolrSearcher solr = SolrSearcher.open(cluster.collectionUrl())) {
      assertEquals(expected, solr.stats());
    }
    SolrQuery q = new SolrQuery("*:*");
    q.addFilterQuery(Fields.KIND + ":" + Fields.KIND_PASSAGE);
    q.setRows(0);
    assertEquals(
        expected.passages(), cluster.client().query("parley", q).getResults().getNumFound());
  }

  @Test
  void rejectedInputGivesExitOneAndIsNamedAsEmbedded(@TempDir Path in) throws Exception {
    empty();
    Files.writeString(in.resolve("good.txt"), "date 2019-01-10 One.\n");
    Files.writeString(in.resolve("empty.txt"), "");
    Files.writeString(in.resolve("nodate.txt"), "Envoys met.\n");
    String[] inputs = {
      in.resolve("good.txt").toString(),
      in.resolve("empty.txt").toString(),
      in.resolve("nodate.txt").toString()
    };
    dev.parley.cli.CliRuns.Run e =
        dev.parley.cli.CliRuns.run(
            concat(
                new String[] {"index", "--index", dir.resolve("rejects").toString(), "--input"},
                inputs));
    dev.parley.cli.CliRuns.Run s =
        dev.parley.cli.CliRuns.run(
            concat(new String[] {"index", "--solr", cluster.collectionUrl(), "--input"}, inputs));
    assertEquals(1, e.code());
    assertEquals(1, s.code(), s.err());
    assertEquals(e.err(), s.err());
    assertTrue(s.err().contains("empty.txt") && s.err().contains("nodate.txt"), s.err());
    assertTrue(s.out().startsWith("indexed 1 articles into " + cluster.collectionUrl()), s.out());
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static Set<String> ids() throws Exception {
    SolrQuery q = new SolrQuery("*:*");
    q.setFields("id");
    q.setRows(10_000);
    Set<String> ids = new HashSet<>();
    for (SolrDocument d : cluster.client().query("parley", q).getResults()) {
      ids.add((String) d.getFirstValue("id"));
    }
    return ids;
  }
}
