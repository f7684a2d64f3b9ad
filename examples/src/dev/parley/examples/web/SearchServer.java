package dev.parley.examples.web;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.ResultsJson;
import dev.parley.query.result.StoredArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The search page's server: one {@link Searcher} over an index, answering on {@code
 * http://127.0.0.1:PORT/} (loopback only: the page is for the person at this machine).
 *
 * <ul>
 *   <li>{@code GET /} the page; {@code /app.js}, {@code /style.css} its script and style
 *   <li>{@code GET
 *       /api/search?q=&k=&offset=&since=&until=&topic=&rankTopic=&entity=&perArticle=&facets=&match=}
 *       the JSON of {@code parley search --json} ({@link ResultsJson}, the same code path), see
 *       {@link SearchParameters}
 *   <li>{@code GET /api/article/ID} the article's paragraphs and passage spans ({@link
 *       ResultsJson#toTree(StoredArticle)}); 404 when the index has no such article
 *   <li>{@code GET /api/stats} the JSON of {@code parley stats --json}
 * </ul>
 *
 * <p>A bad parameter is a 400 with one line of JSON, {@code {"error": "..."}}; an unknown path a
 * 404, another method than GET a 405, a failure inside a 500, all in the same shape and never with
 * a stack trace.
 *
 * <p>Thread safety: requests are served by a small pool of threads over the one thread-safe
 * searcher; {@link #close()} may be called from any thread.
 */
public final class SearchServer implements AutoCloseable {
  /** Where the page's files are, on the class path. */
  private static final String STATIC = "/dev/parley/examples/web/static/";

  private static final Map<String, String> FILES =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/app.js", "app.js",
          "/style.css", "style.css");

  private final Searcher searcher;
  private final HttpServer http;
  private final ExecutorService pool;
  private final CountDownLatch closed = new CountDownLatch(1);

  private SearchServer(Searcher searcher, HttpServer http, ExecutorService pool) {
    this.searcher = searcher;
    this.http = http;
    this.pool = pool;
  }

  /**
   * Opens the index and starts serving on 127.0.0.1:{@code port} ({@code 0} picks a free port).
   *
   * @throws IOException if the index cannot be opened or the port is taken
   * @throws IllegalArgumentException if {@code port} is not in [0, 65535]
   */
  public static SearchServer start(Path index, int port) throws IOException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got: " + port);
    }
    Searcher searcher = Searcher.open(index);
    try {
      HttpServer http;
      try {
        http =
            HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
      } catch (java.net.BindException e) {
        throw new IOException(
            "port "
                + port
                + " on 127.0.0.1 is taken ("
                + e.getMessage()
                + "): choose another"
                + " with --port, or --port 0 for any free one",
            e);
      }
      AtomicInteger n = new AtomicInteger();
      ExecutorService pool =
          Executors.newFixedThreadPool(
              4,
              r -> {
                Thread t = new Thread(r, "parley-web-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      http.setExecutor(pool);
      SearchServer server = new SearchServer(searcher, http, pool);
      http.createContext("/", server::handle);
      http.start();
      return server;
    } catch (IOException | RuntimeException e) {
      searcher.close();
      throw e;
    }
  }

  /** The port the server listens on. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** The page's address, {@code http://127.0.0.1:PORT/}. */
  public String url() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /** Blocks until {@link #close()} is called (from another thread or a shutdown hook). */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops serving and releases the index. Closing twice is harmless. */
  @Override
  public void close() throws IOException {
    if (closed.getCount() == 0) {
      return;
    }
    try {
      http.stop(0);
      pool.shutdownNow();
      searcher.close();
    } finally {
      closed.countDown();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET")
          && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        json(exchange, 405, error("only GET is served, got: " + exchange.getRequestMethod()));
      } else if (path.startsWith("/api/")) {
        api(exchange, path);
      } else if (FILES.containsKey(path)) {
        file(exchange, FILES.get(path));
      } else {
        json(exchange, 404, error("no such page: " + path));
      }
    } catch (IOException e) {
      // The browser went away mid-answer; nothing to tell it.
    }
  }

  private void api(HttpExchange exchange, String path) throws IOException {
    String body;
    int status = 200;
    try {
      String raw = exchange.getRequestURI().getRawQuery();
      if (path.equals("/api/search")) {
        SearchRequest request = SearchParameters.parse(raw);
        body = ResultsJson.toJson(searcher.search(request));
      } else if (path.equals("/api/stats")) {
        noParameters(raw);
        body = ResultsJson.toJson(searcher.stats());
      } else if (path.startsWith("/api/article/") && path.length() > "/api/article/".length()) {
        noParameters(raw);
        String id = path.substring("/api/article/".length());
        Optional<StoredArticle> article = searcher.article(id);
        if (article.isPresent()) {
          body = ResultsJson.toJson(article.get());
        } else {
          status = 404;
          body = error("no article '" + id + "' in the index");
        }
      } else {
        status = 404;
        body = error("no such API: " + path + " (see /api/search, /api/article/ID, /api/stats)");
      }
    } catch (IllegalArgumentException e) {
      status = 400;
      body = error(e.getMessage());
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      status = 500;
      body = error("the index could not be read: " + e.getMessage());
    } catch (RuntimeException e) {
      status = 500;
      body = error("internal error: " + e);
    }
    json(exchange, status, body);
  }

  private static void noParameters(String raw) {
    if (raw != null && !raw.isEmpty()) {
      throw new IllegalArgumentException("this API takes no parameters, got: " + raw);
    }
  }

  /** {@code {"error": message}} on one line. */
  static String error(String message) {
    JsonObject o = new JsonObject();
    o.addProperty(
        "error", message == null ? "unknown error" : message.replaceAll("\\s*\\R\\s*", " "));
    return ResultsJson.toJson(o);
  }

  private static void json(HttpExchange exchange, int status, String body) throws IOException {
    send(
        exchange, status, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  private static void file(HttpExchange exchange, String name) throws IOException {
    byte[] bytes;
    try (InputStream in = SearchServer.class.getResourceAsStream(STATIC + name)) {
      if (in == null) {
        json(exchange, 500, error("the page's file " + name + " is missing from the jar"));
        return;
      }
      bytes = in.readAllBytes();
    }
    String type =
        name.endsWith(".html")
            ? "text/html; charset=utf-8"
            : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
    send(exchange, 200, type, bytes);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    // Defence in depth: no inline script or handler runs even if some text were ever inserted
    // as HTML by mistake. The browser test checks the page's own escaping without relying on it.
    exchange
        .getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
                + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * Serves {@code --index DIR} (default {@code index}) on {@code --port P} (default 8080) until
   * interrupted, printing the page's address. {@code parley serve} is the usual way to start it.
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path index = Path.of("index");
    int port = 8080;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--index" -> index = Path.of(args[i + 1]);
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    serveUntilInterrupted(index, port, System.out);
  }

  /**
   * Starts the server, prints its address on {@code out} as one line, and blocks until the process
   * is interrupted (Ctrl-C), then closes it: what {@code parley serve} runs.
   *
   * @throws IOException if the index cannot be opened or the port is taken
   */
  public static void serveUntilInterrupted(Path index, int port, java.io.PrintStream out)
      throws IOException, InterruptedException {
    SearchServer server = start(index, port);
    Thread hook =
        new Thread(
            () -> {
              try {
                server.close();
              } catch (IOException e) {
                // Exiting anyway.
              }
            },
            "parley-web-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println(server.url());
    out.flush();
    server.awaitClose();
  }
}
