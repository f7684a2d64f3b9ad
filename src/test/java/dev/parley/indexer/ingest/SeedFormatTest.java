package dev.parley.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Article;
import dev.parley.indexer.Paragraph;
import dev.parley.indexer.Rejection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFormatTest {
  @TempDir Path dir;

  /** Collects what the parser reports. */
  static final class Collect implements ArticleSink {
    final List<Article> articles = new ArrayList<>();
    final List<Rejection> rejected = new ArrayList<>();

    @Override
    public void accept(Article article) {
      articles.add(article);
    }

    @Override
    public void reject(String source, String reason) {
      rejected.add(new Rejection(source, reason));
    }
  }

  private Collect parse(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    Collect c = new Collect();
    new SeedFormat().parse(file, c);
    return c;
  }

  private Collect parse(String name, String text) throws IOException {
    return parse(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private String rejection(String name, String text) throws IOException {
    Collect c = parse(name, text);
    assertEquals(List.of(), c.articles, "expected a rejection");
    assertEquals(1, c.rejected.size());
    assertEquals(dir.resolve(name).toString(), c.rejected.get(0).source());
    return c.rejected.get(0).reason();
  }

  private Article article(String name, String text) throws IOException {
    Collect c = parse(name, text);
    assertEquals(List.of(), c.rejected);
    return c.articles.get(0);
  }

  @Test
  void readsDateFirstParagraphAndBlocks() throws IOException {
    Article a =
        article(
            "a1.txt",
            "date 2019-01-10 First paragraph\ncontinues here.\n\nSecond one.\n\n\n\nThird.  \n");
    assertEquals("a1", a.id());
    assertEquals(LocalDate.of(2019, 1, 10), a.date());
    assertEquals(
        List.of("First paragraph continues here.", "Second one.", "Third."),
        a.paragraphs().stream().map(Paragraph::text).toList());
    assertEquals("First paragraph continues here.\n\nSecond one.\n\nThird.", a.text());
    assertNull(a.title());
  }

  @Test
  void shortStandaloneLineIsAHeadingWithItsOwnNumber() throws IOException {
    Article a =
        article(
            "h.txt",
            "date 2019-01-10 Lead.\n\nBody one.\n\n– Birthday banquet –\n\nXi hosted a banquet.\n");
    assertEquals(4, a.paragraphs().size());
    Paragraph heading = a.paragraphs().get(2);
    assertTrue(heading.isHeading());
    assertEquals(2, heading.number());
    assertEquals("Birthday banquet", heading.label());
    assertTrue(a.paragraphs().stream().filter(Paragraph::isHeading).count() == 1);
  }

  @Test
  void sentencesAndNumbersAreNotHeadings() {
    assertTrue(Paragraphs.isHeading("Reaction in Seoul"));
    assertTrue(Paragraphs.isHeading("– Birthday banquet –"));
    assertTrue(!Paragraphs.isHeading("He said so."));
    assertTrue(!Paragraphs.isHeading("V 4.65 --"));
    assertTrue(!Paragraphs.isHeading("Mr. President,"));
    assertTrue(!Paragraphs.isHeading("the lower-case start of a line"));
  }

  @Test
  void crlfCrBomAndTrailingSpacesAreNormalised() throws IOException {
    String body = "date 2020-05-01 One  \r\n\r\nTwo\rstill two\r\rThree\t \r\n";
    byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[utf8.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, withBom, 3, utf8.length);
    Collect c = parse("crlf.txt", withBom);
    assertEquals(List.of(), c.rejected);
    assertEquals("One\n\nTwo still two\n\nThree", c.articles.get(0).text());
  }

  @Test
  void utf16WithBomIsRead() throws IOException {
    byte[] text = "date 2020-05-01 Überall Gipfel.".getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[text.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(text, 0, bytes, 2, text.length);
    Collect c = parse("u16.txt", bytes);
    assertEquals(List.of(), c.rejected);
    assertEquals("Überall Gipfel.", c.articles.get(0).text());
  }

  @Test
  void rejectsEmptyFile() throws IOException {
    assertEquals("empty file", rejection("empty.txt", ""));
  }

  @Test
  void rejectsMissingDateLine() throws IOException {
    assertEquals(
        "no date line: line 1 must start with 'date YYYY-MM-DD ' then the first paragraph, found"
            + " 'Talks resumed.'",
        rejection("nodate.txt", "Talks resumed.\n\nMore.\n"));
  }

  @Test
  void rejectsMalformedAndImpossibleDates() throws IOException {
    assertEquals(
        "malformed date '10/01/2019': expected YYYY-MM-DD or an ISO-8601 date-time such as"
            + " 2020-07-09T08:30:00Z",
        rejection("bad.txt", "date 10/01/2019 Text.\n"));
    assertEquals(
        "impossible date 2019-02-30: no such day", rejection("feb.txt", "date 2019-02-30 Text.\n"));
  }

  @Test
  void rejectsDateLineWithoutText() throws IOException {
    assertEquals("no text after the date line", rejection("only.txt", "date 2019-01-10\n\n  \n"));
  }

  @Test
  void rejectsBinaryAndInvalidUtf8() throws IOException {
    Collect nul = parse("bin.txt", new byte[] {'d', 'a', 't', 'e', ' ', 0, 1, 2});
    assertEquals(
        "binary file (NUL byte at offset 5): articles must be UTF-8 text",
        nul.rejected.get(0).reason());
    byte[] latin1 = "date 2019-01-10 Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    Collect bad = parse("latin1.txt", latin1);
    assertEquals("invalid UTF-8 at byte 19: save the file as UTF-8", bad.rejected.get(0).reason());
  }

  @Test
  void rejectsIdsThatCannotBeIds() throws IOException {
    String reason = rejection("a#b.txt", "date 2019-01-10 Text.\n");
    assertEquals(
        "article id 'a#b' contains '#' at position 1: ids may not contain / \\ # or control"
            + " characters: rename the file",
        reason);
  }
}
