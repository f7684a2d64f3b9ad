package dev.parley.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.indexer.Article;
import dev.parley.indexer.Paragraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFormatTest {
  @TempDir Path dir;

  private SeedFormatTest.Collect parse(String content) throws IOException {
    Path file = dir.resolve("a.jsonl");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    SeedFormatTest.Collect c = new SeedFormatTest.Collect();
    new JsonLinesFormat().parse(file, c);
    return c;
  }

  @Test
  void readsTextAndParagraphForms() throws IOException {
    SeedFormatTest.Collect c =
        parse(
            "{\"id\": \"x1\", \"date\": \"2004-03-01\", \"title\": \"Talks\", \"text\": \"One.\\n\\nTwo.\"}\n"
                + "\n"
                + "{\"id\": \"x2\", \"date\": \"2004-03-02\", \"paragraphs\": [\"A.\", \" \", \"B.\"]}\n");
    assertEquals(List.of(), c.rejected);
    Article first = c.articles.get(0);
    assertEquals("x1", first.id());
    assertEquals("Talks", first.title());
    assertEquals(
        List.of("One.", "Two."), first.paragraphs().stream().map(Paragraph::text).toList());
    assertEquals(dir.resolve("a.jsonl") + ":1", first.source());
    assertEquals(
        List.of("A.", "B."), c.articles.get(1).paragraphs().stream().map(Paragraph::text).toList());
    assertEquals(dir.resolve("a.jsonl") + ":3", c.articles.get(1).source());
  }

  @Test
  void badLinesAreRejectedWithTheirLineAndTheRestIsRead() throws IOException {
    SeedFormatTest.Collect c =
        parse(
            "{\"id\": \"ok1\", \"date\": \"2004-03-01\", \"text\": \"Fine.\"}\n"
                + "{\"id\": \"broken\", \n"
                + "[1, 2]\n"
                + "{\"id\": 7, \"date\": \"2004-03-01\", \"text\": \"x\"}\n"
                + "{\"id\": \"nodate\", \"text\": \"x\"}\n"
                + "{\"id\": \"notext\", \"date\": \"2004-03-01\"}\n"
                + "{\"id\": \"a/b\", \"date\": \"2004-03-01\", \"text\": \"x\"}\n"
                + "{\"id\": \"ok2\", \"date\": \"2004-02-30\", \"text\": \"x\"}\n"
                + "{\"id\": \"ok3\", \"date\": \"2004-03-03\", \"text\": \"Also fine.\"}\n");
    assertEquals(List.of("ok1", "ok3"), c.articles.stream().map(Article::id).toList());
    String f = dir.resolve("a.jsonl").toString();
    assertEquals(f + ":2", c.rejected.get(0).source());
    assertEquals(true, c.rejected.get(0).reason().startsWith("not JSON: "));
    assertEquals(
        List.of(
            "expected a JSON object {\"id\", \"date\", \"text\"}, found an array",
            "\"id\" must be a string, found a number",
            "missing \"date\"",
            "missing \"text\" (a string) or \"paragraphs\" (strings)",
            "article id 'a/b' contains '/' at position 1: ids may not contain / \\ # or control characters",
            "impossible date 2004-02-30: no such day"),
        c.rejected.subList(1, c.rejected.size()).stream().map(r -> r.reason()).toList());
    assertEquals(f + ":8", c.rejected.get(6).source());
  }

  @Test
  void emptyFileIsRejected() throws IOException {
    SeedFormatTest.Collect c = parse("\n\n");
    assertEquals("empty file: no JSON lines", c.rejected.get(0).reason());
  }
}
