package dev.parley.solr.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A busy port is named before anything starts (found by a new-user review: "STOPPED"). */
class LocalClusterPortTest {
  @TempDir Path dir;

  @Test
  void aBusyPortIsNamedAndNothingIsLeftBehind() throws IOException {
    for (int node = 0; node < 2; node++) {
      try (ServerSocket busy = new ServerSocket()) {
        busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        // The first node's port, then the second's: each is checked.
        int port = busy.getLocalPort() - node;
        Path out = dir.resolve("cluster" + node);
        IOException e = assertThrows(IOException.class, () -> LocalCluster.start(2, 2, port, out));
        assertEquals(
            "port "
                + busy.getLocalPort()
                + " is in use (another cluster or server?): stop it or choose another --port",
            e.getMessage());
        assertFalse(Files.exists(out), "nothing created in --dir");
      }
    }
  }
}
