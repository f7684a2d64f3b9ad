package dev.parley.solr.cluster;

import dev.parley.schema.Fields;
import dev.parley.solr.schema.SolrSchema;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A SolrCloud of {@code nodes} Jetty nodes and an embedded ZooKeeper in this process, with the
 * {@value SolrSchema#COLLECTION} collection of {@code shards} shards (one replica each, spread over
 * the nodes) on Parley's configset. Node {@code i} (from 0) listens on {@code port + i}.
 *
 * <p>It runs on solr-test-framework's {@link MiniSolrCloudCluster}: in Solr 9.10 the embedded Jetty
 * runner ships only there, and the mini cluster adds what a one-process cluster needs (ZooKeeper,
 * solr.xml in ZooKeeper, waiting for nodes). DESIGN.md, "SolrCloud", weighs the alternative.
 *
 * <p>Thread safety: start and close from one thread; {@link #stopNode} and {@link #startNode} are
 * for tests that take a node away while others index.
 */
public final class LocalCluster implements AutoCloseable {
  private final MiniSolrCloudCluster cluster;
  private final List<JettySolrRunner> nodes;
  private final int shards;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private LocalCluster(MiniSolrCloudCluster cluster, List<JettySolrRunner> nodes, int shards) {
    this.cluster = cluster;
    this.nodes = nodes;
    this.shards = shards;
  }

  /**
   * Starts the cluster and creates the collection; returns when every replica is active.
   *
   * @param nodes Solr nodes, 1 to 16
   * @param shards shards of the collection, 1 to 64
   * @param port the first node's port, 0 for any free ports
   * @param dir where nodes keep their cores (created if missing)
   * @throws IllegalArgumentException for counts or a port out of range
   * @throws IOException if the cluster cannot start (a port in use, for example)
   */
  public static LocalCluster start(int nodes, int shards, int port, Path dir) throws IOException {
    if (nodes < 1 || nodes > 16) {
      throw new IllegalArgumentException("--nodes must be in [1, 16], got: " + nodes);
    }
    if (shards < 1 || shards > 64) {
      throw new IllegalArgumentException("--shards must be in [1, 64], got: " + shards);
    }
    if (port != 0 && (port < 1024 || port + nodes - 1 > 65535)) {
      throw new IllegalArgumentException(
          "--port must leave room for " + nodes + " ports in [1024, 65535], got: " + port);
    }
    Objects.requireNonNull(dir, "dir");
    if (port != 0) {
      for (int i = 0; i < nodes; i++) {
        checkFree(port + i);
      }
    }
    prepareJvm();
    Files.createDirectories(dir);
    MiniSolrCloudCluster cluster = null;
    List<JettySolrRunner> started = new ArrayList<>();
    try {
      cluster = new MiniSolrCloudCluster(0, dir, JettyConfig.builder().build());
      for (int i = 0; i < nodes; i++) {
        JettyConfig config =
            JettyConfig.builder().setPort(port == 0 ? 0 : port + i).setContext("/solr").build();
        started.add(cluster.startJettySolrRunner("node" + (i + 1), "/solr", config));
      }
      cluster.waitForAllNodes(60);
      cluster.uploadConfigSet(
          SolrSchema.write(Files.createTempDirectory(dir, "configset")), SolrSchema.CONFIGSET);
      CollectionAdminRequest.createCollection(
              SolrSchema.COLLECTION, SolrSchema.CONFIGSET, shards, 1)
          // Every document of an article on one shard: replacing an article is one shard's job.
          .setRouterField(Fields.ARTICLE_ID)
          .process(cluster.getSolrClient());
      cluster.waitForActiveCollection(SolrSchema.COLLECTION, 60, TimeUnit.SECONDS);
      return new LocalCluster(cluster, started, shards);
    } catch (IOException e) {
      shutdown(cluster);
      throw e;
    } catch (Exception e) {
      shutdown(cluster);
      throw new IOException("the local SolrCloud did not start: " + e.getMessage(), e);
    }
  }

  /**
   * Fails with a one-line message when {@code port} is taken, before anything starts: Jetty's own
   * failure surfaces only as "STOPPED", after ZooKeeper and the node folders were made.
   */
  private static void checkFree(int port) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new IOException(
          "port "
              + port
              + " is in use (another cluster or server?): stop it or choose another --port");
    }
  }

  private static void shutdown(MiniSolrCloudCluster cluster) {
    if (cluster != null) {
      try {
        cluster.shutdown();
      } catch (Exception ignored) {
        // Already failing: the start error is the one to report.
      }
    }
  }

  /**
   * What a plain {@code java -jar} needs before Solr starts: a non-blocking seed source (ZooKeeper
   * and Jetty ask for secure random seeds; a headless machine's /dev/random can stall for minutes)
   * and no Solr security manager or module checks meant for a full install.
   */
  private static void prepareJvm() {
    Security.setProperty("securerandom.source", "file:/dev/urandom");
    System.setProperty("java.security.egd", "file:/dev/./urandom");
    setIfAbsent("solr.log.dir", System.getProperty("java.io.tmpdir"));
    setIfAbsent("solr.install.dir", System.getProperty("java.io.tmpdir"));
    setIfAbsent("solr.enableMetrics", "false");
    setIfAbsent("solr.disableDefaultJmxReporter", "true");
    setIfAbsent("solr.ulog.numRecordsToKeep", "100");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** The nodes' base URLs, {@code http://127.0.0.1:PORT/solr}, node 1 first. */
  public List<String> baseUrls() {
    return nodes.stream().map(n -> n.getBaseUrl().toString()).toList();
  }

  /** The collection's URL on node 1, what {@code --solr} takes. */
  public String collectionUrl() {
    return baseUrls().get(0) + "/" + SolrSchema.COLLECTION;
  }

  /** The embedded ZooKeeper's address ({@code host:port}). */
  public String zkAddress() {
    return cluster.getZkServer().getZkAddress();
  }

  /** Shards of the collection. */
  public int shards() {
    return shards;
  }

  /** A client of the cluster; closed with it. */
  public CloudSolrClient client() {
    return cluster.getSolrClient();
  }

  /**
   * Stops node {@code i} (from 0); its replicas become unavailable until {@link #startNode}.
   *
   * @throws IOException if it does not stop
   */
  public void stopNode(int i) throws IOException {
    try {
      cluster.stopJettySolrRunner(nodes.get(i));
      cluster.waitForJettyToStop(nodes.get(i));
    } catch (Exception e) {
      throw new IOException("node " + (i + 1) + " did not stop: " + e.getMessage(), e);
    }
  }

  /**
   * Starts node {@code i} again on its port and waits until the collection is active.
   *
   * @throws IOException if it does not start
   */
  public void startNode(int i) throws IOException {
    try {
      cluster.startJettySolrRunner(nodes.get(i), true);
      cluster.waitForNode(nodes.get(i), 60);
      cluster.waitForActiveCollection(SolrSchema.COLLECTION, 60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException("node " + (i + 1) + " did not start: " + e.getMessage(), e);
    }
  }

  /** Stops every node and ZooKeeper; closing twice is harmless. */
  @Override
  public void close() throws IOException {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      cluster.shutdown();
    } catch (Exception e) {
      throw new IOException("the local SolrCloud did not shut down cleanly: " + e.getMessage(), e);
    }
  }
}
