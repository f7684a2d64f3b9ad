package dev.parley.cli;

import dev.parley.solr.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley cluster}: a local SolrCloud in this process (embedded ZooKeeper, Jetty nodes,
 * Parley's configset, the {@code parley} collection), printing each node's base URL on stdout and
 * running until interrupted.
 */
@Command(
    name = "cluster",
    description = {
      "Start a local SolrCloud in this process and run until interrupted (Ctrl-C).",
      "Node 1 listens on --port, the others on the next ports; each prints its base URL on stdout.",
      "Index and search it with --solr http://127.0.0.1:PORT/solr/parley."
    })
final class ClusterCommand extends CliCommand {
  @Option(names = "--nodes", paramLabel = "N", description = "Solr nodes (default 2).")
  int nodes = 2;

  @Option(
      names = "--shards",
      paramLabel = "S",
      description = "Shards of the collection (default 2).")
  int shards = 2;

  @Option(names = "--port", paramLabel = "P", description = "Port of node 1 (default 8983).")
  int port = 8983;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where the nodes keep their data (default: a new temporary directory).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    inRange("--nodes", nodes, 1, 16);
    inRange("--shards", shards, 1, 64);
    inRange("--port", port, 1024, 65535 - nodes + 1);
    Path where = dir != null ? dir : Files.createTempDirectory("parley-cluster");
    err.println(
        "starting " + nodes + " Solr nodes with " + shards + " shards in " + where + " ...");
    LocalCluster cluster;
    try {
      cluster = LocalCluster.start(nodes, shards, port, where);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    cluster.close();
                  } catch (IOException e) {
                    err.println("parley cluster: " + e.getMessage());
                  } finally {
                    stopped.countDown();
                  }
                }));
    cluster.baseUrls().forEach(out::println);
    out.flush();
    err.println(
        "collection parley is ready: index with parley index --input DIR --solr "
            + cluster.collectionUrl()
            + " (Ctrl-C stops the cluster)");
    // Runs until interrupted, or until the process that started it is gone (a script that ran it
    // in the background and ended): a cluster nobody can reach any more would hold its ports.
    java.util.Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    try {
      while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
        if (parent.isPresent() && !parent.get().isAlive()) {
          err.println("parley cluster: the process that started it ended; stopping");
          cluster.close();
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
