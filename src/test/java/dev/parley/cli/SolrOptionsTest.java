package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.cli.MainTest.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the command line says when asked for what Solr does not do, or for a bad --solr. */
class SolrOptionsTest {
  static final String URL = "http://127.0.0.1:1/solr/parley";

  static void usage(String expected, String... args) {
    Run r = MainTest.run(args);
    assertEquals(2, r.code(), r.err());
    assertEquals(expected + "\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void embedOnSolrIsNotSupported() {
    usage(
        "parley index: --embed is not supported on Solr (hybrid search needs an embedded index:"
            + " --index DIR) (see: parley index --help)",
        "index",
        "--input",
        "seeds",
        "--solr",
        URL,
        "--embed",
        "e5-small-v2");
  }

  @Test
  void articlesOnSolrAreNotSupported() {
    usage(
        "parley search: --articles is not supported on Solr (search passages, or use an embedded"
            + " index: --index DIR) (see: parley search --help)",
        "search",
        "--solr",
        URL,
        "--articles",
        "summit");
    usage(
        "parley batch: --articles is not supported on Solr (rank passages, or use an embedded"
            + " index: --index DIR) (see: parley batch --help)",
        "batch",
        "--solr",
        URL,
        "--articles",
        "--queries",
        "q.tsv",
        "--run",
        "r.trec");
  }

  @Test
  void deleteAndPruneOnSolrAreNotSupported() {
    usage(
        "parley index: --delete is not supported on Solr (use an embedded index: --index DIR)"
            + " (see: parley index --help)",
        "index",
        "--solr",
        URL,
        "--delete",
        "a1");
    usage(
        "parley index: --prune is not supported on Solr (use an embedded index: --index DIR)"
            + " (see: parley index --help)",
        "index",
        "--solr",
        URL,
        "--prune");
  }

  @Test
  void indexAndSolrTogetherIsAUsageError() {
    usage(
        "parley search: give --index DIR or --solr URL, not both (see: parley search --help)",
        "search",
        "--index",
        "index",
        "--solr",
        URL,
        "summit");
    usage(
        "parley stats: give --index DIR or --solr URL, not both (see: parley stats --help)",
        "stats",
        "--index",
        "index",
        "--solr",
        URL);
    usage(
        "parley index: give --index DIR or --solr URL, not both (see: parley index --help)",
        "index",
        "--index",
        "index",
        "--solr",
        URL);
  }

  @Test
  void badSolrUrlIsNamedWithAnExample() {
    for (String command : new String[] {"search", "stats"}) {
      Run r =
          command.equals("search")
              ? MainTest.run(command, "--solr", "localhost:8983", "summit")
              : MainTest.run(command, "--solr", "localhost:8983");
      assertEquals(2, r.code());
      assertEquals(
          "parley "
              + command
              + ": --solr needs a collection URL such as http://127.0.0.1:8983/solr/parley, got:"
              + " localhost:8983\n",
          r.err());
    }
  }

  @Test
  void unreachableClusterIsOneLineWithWhatToDo() {
    for (String[] args :
        List.of(
            new String[] {"search", "--solr", URL, "summit"},
            new String[] {"stats", "--solr", URL},
            new String[] {"index", "--solr", URL, "--input", "seeds"})) {
      Run r = MainTest.run(args);
      assertEquals(2, r.code());
      assertEquals(
          "parley "
              + args[0]
              + ": cannot read the manifest of Solr collection "
              + URL
              + ": Error refreshing state for collection parley (is the cluster running? start one"
              + " with: parley cluster)\n",
          r.err());
    }
  }

  @Test
  void clusterChecksItsNumbers() {
    usage(
        "parley cluster: --nodes must be in [1, 16], got: 0 (see: parley cluster --help)",
        "cluster",
        "--nodes",
        "0");
    usage(
        "parley cluster: --shards must be in [1, 64], got: 100 (see: parley cluster --help)",
        "cluster",
        "--shards",
        "100");
    usage(
        "parley cluster: --port must be in [1024, 65534], got: 80 (see: parley cluster --help)",
        "cluster",
        "--port",
        "80");
  }
}
