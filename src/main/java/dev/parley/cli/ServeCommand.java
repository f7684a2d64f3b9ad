package dev.parley.cli;

import dev.parley.examples.web.SearchServer;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley serve}: the search page (the web example, {@link SearchServer}) on 127.0.0.1, until
 * interrupted. Thin: options in, the example's server does the rest.
 */
@Command(
    name = "serve",
    description = {
      "Serve the search page and its JSON API on http://127.0.0.1:PORT/ until interrupted.",
      "Prints the page's address; /api/search answers with the JSON of search --json."
    })
final class ServeCommand extends CliCommand {
  @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: index).")
  Path index = Path.of("index");

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "Port on 127.0.0.1 (default 8080; 0 picks a free one).")
  int port = 8080;

  @Override
  public Integer call() throws IOException {
    inRange("--port", port, 0, 65535);
    try {
      SearchServer.serveUntilInterrupted(index, port, out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
