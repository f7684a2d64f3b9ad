package dev.parley.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.parley.ChildJvm;
import dev.parley.cli.Main;
import dev.parley.testutil.StrictJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus: every kind of bad input is rejected with the file (and line) and the exact
 * reason, and everything else is indexed. Small cases live in {@code
 * src/test/resources/dev/parley/bad-input}; large, binary and oddly named ones are made here.
 */
class BadInputTest {
  @TempDir static Path tmp;
  static Path corpus;

  /** A 50 MB file that is one line: rejected unread, whatever the heap. */
  static final int HUGE_BYTES = 50 * 1024 * 1024;

  @BeforeAll
  static void makeCorpus() throws IOException, URISyntaxException {
    corpus = tmp.resolve("corpus");
    Path resources = Path.of(BadInputTest.class.getResource("/dev/parley/bad-input").toURI());
    Files.createDirectories(corpus);
    try (var files = Files.list(resources)) {
      for (Path f : files.toList()) {
        Files.copy(f, corpus.resolve(f.getFileName().toString()));
      }
    }
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H'};
    Files.write(corpus.resolve("binary.txt"), png);
    Files.write(corpus.resolve("nul.txt"), bytes("date 2019-01-10 Text with a \0 NUL byte.\n"));
    Files.write(
        corpus.resolve("invalid-utf8.txt"),
        "date 2019-01-10 Caf\u00e9 talks.\n".getBytes(StandardCharsets.ISO_8859_1));
    Files.write(
        corpus.resolve("utf16.txt"),
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            "date 2019-01-10 \u00dcberall Gipfel.\n".getBytes(StandardCharsets.UTF_16LE)));
    Files.write(
        corpus.resolve("crlf.txt"), bytes("date 2019-01-10 Windows lines.\r\n\r\nSecond.\r\n"));
    Files.write(corpus.resolve("cr.txt"), bytes("date 2019-01-10 Old Mac lines.\r\rSecond.\r"));
    Files.write(
        corpus.resolve("long-paragraph.txt"),
        bytes("date 2019-01-10 " + "word ".repeat(30_000) + "\n"));
    try (OutputStream out = Files.newOutputStream(corpus.resolve("huge.txt"))) {
      byte[] chunk = "summit ".repeat(1024).getBytes(StandardCharsets.US_ASCII);
      out.write(bytes("date 2019-01-10 "));
      for (int written = 16; written < HUGE_BYTES; written += chunk.length) {
        out.write(chunk);
      }
    }
    try (OutputStream out = Files.newOutputStream(corpus.resolve("huge-line.jsonl"))) {
      out.write(bytes("{\"id\": \"j-huge\", \"date\": \"2019-01-10\", \"text\": \""));
      out.write("x".repeat(JsonLinesFormatLimit.CHARS + 1).getBytes(StandardCharsets.US_ASCII));
      out.write(
          bytes(
              "\"}\n{\"id\": \"j-after-huge\", \"date\": \"2019-01-10\", \"text\": \"Read on.\"}\n"));
    }
    Files.write(corpus.resolve("back\\slash.txt"), bytes("date 2019-01-10 Backslash.\n"));
    Files.write(corpus.resolve("bell\u0007.txt"), bytes("date 2019-01-10 Bell.\n"));
    Files.createDirectories(corpus.resolve("loop"));
    Files.write(corpus.resolve("loop/inside.txt"), bytes("date 2019-01-10 Inside the loop.\n"));
    Files.createSymbolicLink(corpus.resolve("loop/again"), corpus.resolve("loop"));
    Files.createSymbolicLink(corpus.resolve("broken.txt"), corpus.resolve("gone.txt"));
  }

  /** The JSON Lines line limit, named for the test. */
  private static final class JsonLinesFormatLimit {
    static final int CHARS = dev.parley.indexer.ingest.JsonLinesFormat.MAX_LINE_CHARS;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A source relative to the corpus, for readable expectations. */
  private static String relative(String source) {
    String prefix = corpus + "/";
    return source.startsWith(prefix) ? source.substring(prefix.length()) : source;
  }

  static final List<String> EXPECTED_REJECTIONS =
      List.of(
          "broken.txt: broken symbolic link: its target " + "CORPUS/gone.txt does not exist",
          "loop/again: directory already visited (symbolic link loop?), skipped",
          "ancient-date.txt: date 1712-05-04 is out of range: article dates must be from"
              + " 1800-01-01 to 2100-12-31",
          "back\\slash.txt: article id 'back\\slash' contains '\\' at position 4: ids may not"
              + " contain / \\ # or control characters: rename the file",
          "bell\u0007.txt: article id 'bell?' contains U+0007 at position 4: ids may not contain /"
              + " \\ # or control characters: rename the file",
          "binary.txt: binary file (NUL byte at offset 8): articles must be UTF-8 text",
          "empty.txt: empty file",
          "future-date.txt: date 2500-01-01 is out of range: article dates must be from 1800-01-01"
              + " to 2100-12-31",
          "huge-line.jsonl:1: line is 4194355 characters long, more than the 4194304-character"
              + " limit for one article: split the article",
          "huge.txt: file is HUGESIZE bytes, larger than the 4194304-byte limit for one article:"
              + " split it into articles",
          "impossible-date.txt: impossible date 2019-02-30: no such day",
          "invalid-utf8.txt: invalid UTF-8 at byte 19: save the file as UTF-8",
          "lines.jsonl:2: not JSON: malformed JSON at column 7",
          "lines.jsonl:3: expected a JSON object {\"id\", \"date\", \"text\"}, found an array",
          "lines.jsonl:4: \"id\" must be a string, found a number",
          "lines.jsonl:5: duplicate article id 'j-good': already read from CORPUS/lines.jsonl:1"
              + " in this run; give one of them another id",
          "lines.jsonl:6: article id 'a/b' contains '/' at position 1: ids may not contain / \\ #"
              + " or control characters",
          "lines.jsonl:7: article id 'bell?id' contains U+0007 at position 4: ids may not contain"
              + " / \\ # or control characters",
          "lines.jsonl:8: NUL character (\\u0000) in the text: articles must be text",
          "lines.jsonl:9: date 2999-01-01 is out of range: article dates must be from 1800-01-01"
              + " to 2100-12-31",
          "long-paragraph.txt: paragraph 0 is 149999 characters long, more than the"
              + " 100000-character limit: separate paragraphs with blank lines",
          "malformed-date.txt: malformed date '10/01/2019': expected YYYY-MM-DD or an ISO-8601 date-time such as"
              + " 2020-07-09T08:30:00Z",
          "no-date.txt: no date line: line 1 must start with 'date YYYY-MM-DD ' then the first"
              + " paragraph, found 'Talks resumed in Geneva on Monday.'",
          "nul.txt: binary file (NUL byte at offset 28): articles must be UTF-8 text",
          "only-date.txt: no text after the date line");

  private static List<String> expectedRejections() {
    List<String> out = new ArrayList<>();
    for (String e : EXPECTED_REJECTIONS) {
      out.add(
          e.replace("CORPUS", corpus.toString())
              .replace("HUGESIZE", Long.toString(corpus.resolve("huge.txt").toFile().length())));
    }
    return out;
  }

  @Test
  void everyBadInputIsRejectedWithItsReasonAndTheRestIsIndexed() throws IOException {
    Path index = tmp.resolve("in-process");
    IngestReport report;
    try (Indexer indexer = Indexer.builder(index).build()) {
      report = indexer.index(List.of(corpus));
    }
    List<String> rejected =
        report.rejected().stream().map(r -> relative(r.source()) + ": " + r.reason()).toList();
    assertEquals(expectedRejections(), rejected);
    assertEquals(
        List.of("README.md", "notes.tsv"),
        report.skipped().stream().map(p -> relative(p.toString())).toList());
    assertEquals(8, report.articles());
    try (var s = dev.parley.query.Searcher.open(index)) {
      assertEquals(8, s.stats().articles());
      var hits =
          s.search(dev.parley.query.SearchRequest.builder("").withK(100).withPerArticle(0).build())
              .hits();
      assertEquals(
          List.of(
              "cr#0-0",
              "cr#1-1",
              "crlf#0-0",
              "crlf#1-1",
              "good#0-0",
              "good#1-1",
              "inside#0-0",
              "j-after-huge#0-0",
              "j-good#0-0",
              "j-second#0-0",
              "j-second#1-1",
              "utf16#0-0"),
          hits.stream().map(h -> h.passageId()).sorted().toList());
      assertEquals(
          "\u00dcberall Gipfel.",
          hits.stream()
              .filter(h -> h.articleId().equals("utf16"))
              .findFirst()
              .orElseThrow()
              .text());
    }
  }

  @Test
  void commandLineInA256MbHeapRejectsOneLinePerInput() throws Exception {
    Path index = tmp.resolve("cli");
    Process p =
        ChildJvm.builder(
                "256m",
                Main.class,
                "index",
                "--input",
                corpus.toString(),
                "--index",
                index.toString(),
                "--json")
            .redirectError(tmp.resolve("cli.err").toFile())
            .redirectOutput(tmp.resolve("cli.out").toFile())
            .start();
    // Generous: six builds share two cores while the tests run; no figure depends on it.
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the child JVM did not finish in 300 s");
    String err = Files.readString(tmp.resolve("cli.err"));
    assertEquals(1, p.exitValue(), err);
    assertFalse(err.contains("\tat "), err);
    assertFalse(err.contains("OutOfMemoryError"), err);
    // Progress lines ("indexed 15/21 files: ...") appear once a run takes over a second, which
    // depends on the machine's load, so they are set aside; every other line is a rejection.
    List<String> lines =
        err.lines().filter(l -> !l.matches("indexed \\d+/\\d+ files: .*")).toList();
    assertEquals(expectedRejections().size(), lines.size(), err);
    assertTrue(lines.stream().allMatch(l -> l.startsWith("rejected ")), err);
    assertTrue(
        lines.contains(
            "rejected "
                + corpus
                + "/bell?.txt: article id 'bell?' contains U+0007 at position 4: ids may not"
                + " contain / \\ # or control characters: rename the file"),
        err);
    assertFalse(err.contains("\u0007"), "control characters are not printed raw");
    JsonObject json = StrictJson.parseObject(Files.readString(tmp.resolve("cli.out")));
    assertEquals(8, json.get("articles").getAsInt());
  }
}
