package dev.parley.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.indexer.Article;
import dev.parley.indexer.Paragraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input as news really arrives (Parley 9, items 3 to 5): Unicode line and paragraph separators in
 * seed files, ISO-8601 date-times from news APIs, and repeated JSON keys.
 */
class NewsInputShapesTest {
  @TempDir Path dir;

  private static List<String> texts(Article a) {
    return a.paragraphs().stream().map(Paragraph::text).toList();
  }

  // ---- item 3: line and paragraph separators in .txt ----

  @Test
  void lineSeparatorOnTheDateLineIsALineBreakInsideTheFirstParagraph() throws Exception {
    Article a =
        SeedFormat.parse(
            "doha",
            TextDecoding.normalizeLineEndings(
                "date 2020-07-09 The envoy landed in Doha.\u2028Talks began at once."),
            "doha.txt");
    assertEquals(LocalDate.of(2020, 7, 9), a.date());
    assertEquals(List.of("The envoy landed in Doha. Talks began at once."), texts(a));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u2028", "\u0085", "\u000B", "\r", "\r\n", "\n"})
  void everyLineSeparatorJoinsLinesOfOneParagraph(String sep) throws Exception {
    Article a =
        SeedFormat.parse(
            "x",
            TextDecoding.decode(
                ("date 2020-07-09 First line" + sep + "same paragraph." + sep + sep + "Second.")
                    .getBytes(StandardCharsets.UTF_8)),
            "x.txt");
    // one separator joins lines; two in a row make a blank line, a paragraph break
    assertEquals(List.of("First line same paragraph.", "Second."), texts(a));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u2029", "\f"})
  void paragraphSeparatorsEndAParagraph(String sep) throws Exception {
    Article a =
        SeedFormat.parse(
            "x",
            TextDecoding.decode(
                ("date 2020-07-09 Lead paragraph.\nstill lead." + sep + "Second." + sep + "Third.")
                    .getBytes(StandardCharsets.UTF_8)),
            "x.txt");
    assertEquals(List.of("Lead paragraph. still lead.", "Second.", "Third."), texts(a));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u00A0", "\u2002", "\u3000", "\t"})
  void anyHorizontalSpaceSeparatesTheDateLine(String space) throws Exception {
    Article a =
        SeedFormat.parse("x", "date" + space + "2020-07-09" + space + "Text here.", "x.txt");
    assertEquals(LocalDate.of(2020, 7, 9), a.date());
    assertEquals(List.of("Text here."), texts(a));
  }

  @Test
  void aLineThatStartsLikeADateLineGetsAMessageThatShowsWhatIsWrong() {
    ArticleFormatException e =
        assertThrows(
            ArticleFormatException.class,
            () -> SeedFormat.parse("x", "date\u200B2020-07-09 Text.", "x.txt"));
    assertEquals(
        "malformed date line: line 1 must be 'date', a space, YYYY-MM-DD, a space, then the first"
            + " paragraph, found 'date\\u200B2020-07-09 Text.'",
        e.getMessage());
    ArticleFormatException none =
        assertThrows(
            ArticleFormatException.class, () -> SeedFormat.parse("x", "Hello\tworld", "x.txt"));
    assertEquals(
        "no date line: line 1 must start with 'date YYYY-MM-DD ' then the first paragraph, found"
            + " 'Hello\\u0009world'",
        none.getMessage());
  }

  // ---- item 4: ISO-8601 date-times ----

  @ParameterizedTest
  @CsvSource({
    "2020-07-09T08:30:00Z, 2020-07-09",
    "2020-07-09T08:30:00+09:00, 2020-07-09",
    "2020-07-09T23:30:00-05:00, 2020-07-09",
    "2020-07-09T00:10:00.123456789+14:00, 2020-07-09",
    "2020-07-09T08:30Z, 2020-07-09",
    "2020-07-09T08:30:00, 2020-07-09",
    "2020-07-09 08:30:00+0900, 2020-07-09",
    "2020-07-09t08:30:00z, 2020-07-09",
    "2020-07-09T08:30:00.5+09, 2020-07-09",
    "2020-02-29T12:00:00Z, 2020-02-29"
  })
  void dateTimesKeepTheCalendarDateAsWritten(String value, String expected) throws Exception {
    assertEquals(LocalDate.parse(expected), SeedFormat.parseDate(value));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2021-02-29T08:30:00Z|impossible date 2021-02-29T08:30:00Z: no such day",
        "2020-07-09T25:00:00Z|impossible date 2020-07-09T25:00:00Z: no such time or offset",
        "2020-07-09T08:61Z|impossible date 2020-07-09T08:61Z: no such time or offset",
        "2020-07-09T08:30:00+19:00|impossible date 2020-07-09T08:30:00+19:00: no such time or"
            + " offset",
        "2020-07-09T08|malformed date '2020-07-09T08': expected YYYY-MM-DD or an ISO-8601 date-time"
            + " such as 2020-07-09T08:30:00Z",
        "1700-07-09T08:30:00Z|date 1700-07-09T08:30:00Z is out of range: article dates must be from"
            + " 1800-01-01 to 2100-12-31"
      })
  void impossibleDateTimesAreStillRejected(String value, String message) {
    ArticleFormatException e =
        assertThrows(ArticleFormatException.class, () -> SeedFormat.parseDate(value));
    assertEquals(message, e.getMessage());
  }

  @Test
  void jsonLinesAcceptDateTimes() throws Exception {
    Article a =
        JsonLinesFormat.parseLine(
            "{\"id\":\"n1\",\"date\":\"2020-07-09T08:30:00+09:00\",\"text\":\"Talks.\"}", "f:1");
    assertEquals(LocalDate.of(2020, 7, 9), a.date());
  }

  // ---- item 5: duplicate keys ----

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"id\":\"a1\",\"id\":\"a2\",\"date\":\"2020-01-01\",\"text\":\"x\"}|id|$.id",
        "{\"id\":\"a1\",\"date\":\"2020-01-01\",\"text\":\"x\",\"date\":\"2020-01-02\"}|date|$.date",
        "{\"id\":\"a1\",\"date\":\"2020-01-01\",\"text\":\"x\",\"text\":\"y\"}|text|$.text",
        "{\"id\":\"a1\",\"date\":\"2020-01-01\",\"text\":\"x\",\"meta\":{\"by\":1,\"by\":2}}|by|$.meta.by",
        "{\"id\":\"a1\",\"date\":\"2020-01-01\",\"text\":\"x\",\"tags\":[{\"k\":1},{\"k\":1,\"k\":2}]}|k|$.tags[1].k"
      })
  void aRepeatedKeyRejectsTheLineNamingTheKey(String line, String key, String path) {
    ArticleFormatException e =
        assertThrows(ArticleFormatException.class, () -> JsonLinesFormat.parseLine(line, "f:1"));
    assertEquals(
        "duplicate key \""
            + key
            + "\" (at "
            + path
            + "): each key may occur once per object; remove one of them",
        e.getMessage());
  }

  @Test
  void theSameKeyInSeparateObjectsIsFine() throws Exception {
    Article a =
        JsonLinesFormat.parseLine(
            "{\"id\":\"a1\",\"date\":\"2020-01-01\",\"text\":\"x\",\"m\":[{\"k\":1},{\"k\":2}],"
                + "\"n\":{\"k\":3}}",
            "f:1");
    assertEquals("a1", a.id());
  }

  @Test
  void aDuplicateKeyLineIsRejectedWithItsLineAndTheRestIsIndexed() throws IOException {
    Path file = dir.resolve("d.jsonl");
    Files.writeString(
        file,
        "{\"id\":\"a1\",\"id\":\"a2\",\"date\":\"2020-01-01\",\"text\":\"One.\"}\n"
            + "{\"id\":\"a3\",\"date\":\"2020-01-01\",\"text\":\"Two.\"}\n",
        StandardCharsets.UTF_8);
    SeedFormatTest.Collect c = new SeedFormatTest.Collect();
    new JsonLinesFormat().parse(file, c);
    assertEquals(List.of("a3"), c.articles.stream().map(Article::id).toList());
    assertEquals(file + ":1", c.rejected.get(0).source());
    assertEquals(
        "duplicate key \"id\" (at $.id): each key may occur once per object; remove one of them",
        c.rejected.get(0).reason());
  }
}
