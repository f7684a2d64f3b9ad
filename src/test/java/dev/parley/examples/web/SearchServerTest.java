package dev.parley.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.ChildJvm;
import dev.parley.cli.Main;
import dev.parley.testutil.StrictJson;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web example's JSON API against a fixed index: {@code /api/search} answers exactly what {@code
 * parley search --json} prints for the same options, {@code /api/stats} what {@code stats --json}
 * prints, {@code /api/article/ID} the article; bad parameters are a 400 with one line of JSON
 * naming the parameter, unknown things a 404, and {@code parley serve} prints its address.
 */
class SearchServerTest {
  @TempDir static Path dir;
  static Path index;
  static SearchServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    index = WebFixture.index(dir);
    server = SearchServer.start(index, 0);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery.substring(1))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * A GET sent byte for byte over a socket, for request lines {@link HttpClient} refuses to send (a
   * malformed percent-encoding): returns the status code and the body.
   */
  static String[] rawGet(String pathAndQuery) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket
          .getOutputStream()
          .write(
              ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int bodyStart = response.indexOf("\r\n\r\n");
      return new String[] {response.substring(9, 12), response.substring(bodyStart + 4)};
    }
  }

  static String cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  @Test
  void searchIsExactlyTheCommandLineJson() throws Exception {
    String[][] cases = {
      {"/api/search?q=banquet&k=3&facets=true", "banquet", "--k", "3", "--facets"},
      {
        "/api/search?q=talks+Geneva&offset=1&perArticle=0",
        "talks Geneva",
        "--offset",
        "1",
        "--per-article",
        "0"
      },
      {
        "/api/search?q=sanctions&rankTopic=sanctions&entity=DPRK&since=2019-01-01&until=2020-12-31",
        "sanctions",
        "--topic",
        "sanctions",
        "--entity",
        "DPRK",
        "--since",
        "2019-01-01",
        "--until",
        "2020-12-31"
      },
      {"/api/search?rankTopic=summits&k=5", "--topic", "summits", "--k", "5"},
      {"/api/search?topic=summits&k=5", "--filter-topic", "summits", "--k", "5"},
      {
        "/api/search?q=talks&topic=sanctions&topic=diplomacy&rankTopic=diplomacy",
        "talks",
        "--filter-topic",
        "sanctions",
        "--filter-topic",
        "diplomacy",
        "--topic",
        "diplomacy"
      },
      {"/api/search?q=talks+envoys&match=all", "talks envoys", "--match-all"},
      // Valid UTF-8 beyond ASCII passes; only bytes that are not UTF-8 are refused.
      {"/api/search?q=Erdo%C4%9Fan+%EF%BF%BD", "Erdo\u011fan \ufffd"},
      {
        "/api/search?q=" + URLEncoder.encode("\"sanctions relief\" -coal", StandardCharsets.UTF_8),
        "--",
        "\"sanctions relief\" -coal"
      },
    };
    for (String[] c : cases) {
      HttpResponse<String> r = get(c[0]);
      assertEquals(200, r.statusCode(), c[0] + " " + r.body());
      assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").get());
      String[] args = new String[c.length - 1 + 4];
      args[0] = "search";
      args[1] = "--index";
      args[2] = index.toString();
      args[3] = "--json";
      System.arraycopy(c, 1, args, 4, c.length - 1);
      assertEquals(cli(args), r.body(), c[0]);
      StrictJson.parseObject(r.body());
    }
    JsonObject banquet = StrictJson.parseObject(get("/api/search?q=banquet&k=1").body());
    JsonObject first = banquet.getAsJsonArray("hits").get(0).getAsJsonObject();
    assertEquals("000_36ca1f6425bbafbc#19-19", first.get("passageId").getAsString());
    assertTrue(first.get("snippet").getAsString().contains("<em>banquet</em>"));
  }

  @Test
  void snippetsOfMarkupAreEscaped() throws Exception {
    JsonObject r =
        StrictJson.parseObject(get("/api/search?q=sanctions+relief+Geneva&perArticle=0").body());
    String snippet = null;
    for (var h : r.getAsJsonArray("hits")) {
      String text = h.getAsJsonObject().get("snippet").getAsString();
      if (h.getAsJsonObject().get("articleId").getAsString().equals(WebFixture.HOSTILE_ID)
          && text.contains("script")) {
        snippet = text;
      }
    }
    assertTrue(snippet != null && snippet.contains("&lt;script&gt;"), String.valueOf(snippet));
    assertFalse(snippet.contains("<script") || snippet.contains("<img"), snippet);
  }

  @Test
  void statsIsTheCommandLineJson() throws Exception {
    HttpResponse<String> r = get("/api/stats");
    assertEquals(200, r.statusCode());
    assertEquals(cli("stats", "--index", index.toString(), "--json"), r.body());
  }

  @Test
  void articleGivesParagraphsAndPassageSpans() throws Exception {
    HttpResponse<String> r = get("/api/article/000_36ca1f6425bbafbc");
    assertEquals(200, r.statusCode(), r.body());
    JsonObject a = StrictJson.parseObject(r.body());
    assertEquals("2019-01-10", a.get("date").getAsString());
    JsonArray paragraphs = a.getAsJsonArray("paragraphs");
    JsonObject heading = paragraphs.get(15).getAsJsonObject();
    assertEquals("– Birthday banquet –", heading.get("text").getAsString());
    assertTrue(heading.get("heading").getAsBoolean());
    assertFalse(paragraphs.get(19).getAsJsonObject().get("heading").getAsBoolean());
    boolean found = false;
    for (var p : a.getAsJsonArray("passages")) {
      JsonObject span = p.getAsJsonObject();
      if (span.get("passageId").getAsString().equals("000_36ca1f6425bbafbc#19-19")) {
        found = true;
        assertEquals("[19,19]", span.get("paragraphs").toString());
        assertEquals("[3082,3232]", span.get("offsets").toString());
      }
    }
    assertTrue(found, r.body());
    JsonObject hostile =
        StrictJson.parseObject(get("/api/article/" + WebFixture.HOSTILE_ID).body());
    assertEquals(
        WebFixture.HOSTILE_TEXT,
        hostile.getAsJsonArray("paragraphs").get(0).getAsJsonObject().get("text").getAsString());
    // Ids with spaces or other characters arrive percent-encoded.
    assertEquals(404, get("/api/article/no%20such%20article").statusCode());
    assertEquals(
        "{\"error\":\"no article 'no such article' in the index\"}",
        get("/api/article/no%20such%20article").body());
  }

  @Test
  void badParametersAreOneLineJson400s() throws Exception {
    String[][] cases = {
      {"/api/search?q=x&k=zero", "k must be a whole number, got: zero"},
      {"/api/search?q=x&k=0", "k must be in [1, 1000], got: 0"},
      {"/api/search?q=x&k=%EF%BC%95", "k must be a whole number, got: \uff15"},
      {"/api/search?q=x&k=%2B5", "k must be a whole number, got: +5"},
      {"/api/search?q=x&offset=1e3", "offset must be a whole number, got: 1e3"},
      {"/api/search?q=x&k=1001", "k must be in [1, 1000], got: 1001"},
      {"/api/search?q=x&offset=-1", "offset must be in [0, 10000], got: -1"},
      {"/api/search?q=x&perArticle=x", "perArticle must be a whole number, got: x"},
      {"/api/search?q=x&since=2019-02-30", "since must be a day that exists, got: 2019-02-30"},
      {"/api/search?q=x&since=%2B2019-01-01", "since must be a date YYYY-MM-DD, got: +2019-01-01"},
      {"/api/search?q=x&until=-2019-01-01", "until must be a date YYYY-MM-DD, got: -2019-01-01"},
      {"/api/search?q=x&until=2019-1-1", "until must be a date YYYY-MM-DD, got: 2019-1-1"},
      {"/api/search?q=x&until=yesterday", "until must be a date YYYY-MM-DD, got: yesterday"},
      {
        "/api/search?since=2020-01-01&until=2019-01-01",
        "since 2020-01-01 is after until 2019-01-01"
      },
      {"/api/search?q=x&q=y", "parameter 'q' given twice"},
      {"/api/search?q=x&facets=maybe", "facets must be true or false, got: maybe"},
      {"/api/search?q=x&match=some", "match must be any or all, got: some"},
      {"/api/search?q=x&topic=", "topic must not be empty"},
      {"/api/search?q=x&rankTopic=", "rankTopic must not be empty"},
      {"/api/search?q=%E2%28", "the query string is not UTF-8 after decoding: %E2%28"},
      {"/api/search?q=a%FFb", "the query string is not UTF-8 after decoding: a%FFb"},
      {
        "/api/search?q=x&topic=sport",
        "unknown topic 'sport': this index has diplomacy, sanctions, summits"
      },
      {
        "/api/search?q=x&since=",
        "since must be a date YYYY-MM-DD, got an empty value (leave it out for no limit)"
      },
      {
        "/api/search?q=x&size=3",
        "unknown parameter 'size' (known: q, k, offset, since, until, topic, rankTopic, entity,"
            + " perArticle, facets, match)"
      },
      {"/api/stats?x=1", "this API takes no parameters, got: x=1"},
    };
    for (String[] c : cases) {
      HttpResponse<String> r = get(c[0]);
      assertEquals(400, r.statusCode(), c[0] + " " + r.body());
      assertEquals(c[1], StrictJson.parseObject(r.body()).get("error").getAsString(), c[0]);
      assertEquals(1, StrictJson.parseObject(r.body()).size());
      assertFalse(r.body().contains("\n"), r.body());
    }
    // A request line that is not a URI (a malformed %-escape) is refused by the JDK's server
    // itself, before any handler runs: a 400 still, without a stack trace (DESIGN.md).
    String[] bad = rawGet("/api/search?q=%zz");
    assertEquals("400", bad[0]);
    assertFalse(bad[1].contains("\tat "), bad[1]);
    // Errors from the library (unknown topic or entity) are 400s too, in its words.
    HttpResponse<String> topic = get("/api/search?q=x&topic=weather");
    assertEquals(400, topic.statusCode());
    assertTrue(topic.body().startsWith("{\"error\":\"unknown topic 'weather'"), topic.body());
    HttpResponse<String> entity = get("/api/search?entity=nobody");
    assertEquals(400, entity.statusCode());
    assertTrue(entity.body().startsWith("{\"error\":\"unknown entity 'nobody'"), entity.body());
  }

  @Test
  void unknownPathsAre404sAndOtherMethods405s() throws Exception {
    for (String path : new String[] {"/api/nothing", "/api/article/", "/secret.txt", "/api"}) {
      HttpResponse<String> r = get(path);
      assertEquals(404, r.statusCode(), path);
      assertTrue(StrictJson.parseObject(r.body()).has("error"), r.body());
    }
    HttpResponse<String> post =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.url() + "api/search?q=x"))
                .POST(HttpRequest.BodyPublishers.ofString("q=x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
    assertEquals("{\"error\":\"only GET is served, got: POST\"}", post.body());
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<script src=\"/app.js\" defer></script>"));
    assertEquals(200, get("/app.js").statusCode());
    assertEquals(200, get("/style.css").statusCode());
  }

  /**
   * Random query strings (seed printed) never give a 500 or a body that is not strict JSON: every
   * answer is results (200) or one error line (400).
   */
  @Test
  void randomQueryStringsAreResultsOr400s() throws Exception {
    long seed = System.nanoTime();
    System.out.println("SearchServerTest seed: " + seed);
    Random random = new Random(seed);
    String[] names = {"q", "k", "offset", "since", "until", "topic", "entity", "perArticle", "x"};
    String[] values = {
      "",
      "0",
      "1",
      "-5",
      "99999",
      "2019-01-10",
      "2019-13-01",
      "sanctions",
      "DPRK",
      "%25",
      "%2525",
      "%41",
      "a+b",
      "\"",
      "<script>",
      "%F0%9F%98%80",
      "%C3",
      "NaN",
      "true"
    };
    for (int i = 0; i < 120; i++) {
      StringBuilder qs = new StringBuilder();
      for (int p = random.nextInt(4); p >= 0; p--) {
        qs.append(qs.length() == 0 ? "" : "&")
            .append(names[random.nextInt(names.length)])
            .append('=')
            .append(values[random.nextInt(values.length)]);
      }
      String path =
          "/api/search?"
              + qs.toString().replace("\"", "%22").replace("<", "%3C").replace(">", "%3E");
      HttpResponse<String> r = get(path);
      assertTrue(
          r.statusCode() == 200 || r.statusCode() == 400,
          "seed " + seed + ": " + path + " -> " + r.statusCode() + " " + r.body());
      JsonObject o = StrictJson.parseObject(r.body());
      assertTrue(
          r.statusCode() == 200 ? o.has("hits") : o.keySet().equals(java.util.Set.of("error")),
          "seed " + seed + ": " + path + " -> " + r.body());
      assertFalse(r.body().contains("Exception"), "seed " + seed + ": " + r.body());
    }
  }

  @Test
  void serveCommandPrintsTheAddressAndServesUntilStopped() throws Exception {
    Process p =
        ChildJvm.builder("256m", Main.class, "serve", "--index", index.toString(), "--port", "0")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertTrue(line != null && line.matches("http://127\\.0\\.0\\.1:\\d+/"), line);
      HttpResponse<String> stats =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(line + "api/stats")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, stats.statusCode());
      assertTrue(p.isAlive(), "serve runs until interrupted");
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  @Test
  void serveRefusesABadPortOrAMissingIndexInOneLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(2, Main.run(new String[] {"serve", "--port", "70000"}, o, e));
    assertEquals(
        "parley serve: --port must be in [0, 65535], got: 70000 (see: parley serve --help)",
        err.toString(StandardCharsets.UTF_8).strip());
    err.reset();
    Path missing = dir.resolve("no-index");
    assertEquals(2, Main.run(new String[] {"serve", "--index", missing.toString()}, o, e));
    String message = err.toString(StandardCharsets.UTF_8).strip();
    assertTrue(message.startsWith("parley serve: ") && message.contains("no-index"), message);
    assertFalse(message.contains("\n"), message);
  }
}
