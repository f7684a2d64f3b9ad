package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Indexer;
import dev.parley.query.result.Hit;
import dev.parley.query.result.ResultsJson;
import dev.parley.query.result.StoredArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Searcher#article} gives an article back as it was indexed: every paragraph (headings
 * included, which no passage holds), offsets that agree with the hits', and the passage spans.
 */
class ArticleReadBackTest {
  @TempDir Path dir;

  @Test
  void givesTheSeedArticleBackWithHeadingsAndSpans() throws IOException {
    Path index = dir.resolve("index");
    try (Indexer indexer = Indexer.builder(index).build()) {
      indexer.index(List.of(Path.of("seeds")));
    }
    List<String> input = seedParagraphs(Path.of("seeds/000_36ca1f6425bbafbc.txt"));
    try (Searcher searcher = Searcher.open(index)) {
      StoredArticle a = searcher.article("000_36ca1f6425bbafbc").orElseThrow();
      assertEquals(LocalDate.of(2019, 1, 10), a.date());
      assertEquals(input, a.paragraphs().stream().map(StoredArticle.Paragraph::text).toList());
      // The "– Birthday banquet –" line is paragraph 15, a heading, the only one.
      StoredArticle.Paragraph heading = a.paragraphs().get(15);
      assertTrue(heading.heading(), heading.text());
      assertEquals("– Birthday banquet –", heading.text());
      assertEquals(
          List.of(15),
          a.paragraphs().stream()
              .filter(StoredArticle.Paragraph::heading)
              .map(StoredArticle.Paragraph::number)
              .toList());
      assertTrue(a.passages().stream().anyMatch(s -> s.passageId().endsWith("#19-19")));
      // Offsets of a hit index the same text the paragraphs rebuild.
      String text =
          a.paragraphs().stream()
              .map(StoredArticle.Paragraph::text)
              .collect(Collectors.joining("\n\n"));
      for (Hit h :
          searcher.search(SearchRequest.builder("banquet").withPerArticle(0).build()).hits()) {
        assertEquals(h.text(), text.substring(h.start(), h.end()), h.passageId());
        assertTrue(
            a.passages().stream()
                .anyMatch(s -> s.passageId().equals(h.passageId()) && s.from() == h.from()),
            h.passageId());
      }
      String json = ResultsJson.toJson(a);
      assertTrue(
          json.startsWith(
              "{\"id\":\"000_36ca1f6425bbafbc\",\"date\":\"2019-01-10\",\"title\":null,"
                  + "\"paragraphs\":[{\"number\":0,\"text\":\"Chinese President Xi"),
          json);
      assertTrue(
          json.contains("{\"number\":15,\"text\":\"– Birthday banquet –\",\"heading\":true,"),
          json);
      assertFalse(searcher.article("no-such-article").isPresent());
      assertFalse(searcher.article("000_36ca1f6425bbafbc#19-19").isPresent());
    }
  }

  /**
   * Random articles (seed printed): each comes back paragraph for paragraph, every passage span
   * starts and ends on its paragraphs' offsets (or inside one, for a window of a long paragraph),
   * and every body paragraph is covered by some span.
   */
  @Test
  void randomArticlesComeBackParagraphForParagraph() throws IOException {
    long seed = System.nanoTime();
    System.out.println("ArticleReadBackTest seed: " + seed);
    Random random = new Random(seed);
    String[] words = {
      "talks", "sanctions", "summit", "Kim", "envoy", "<b>", "&", "é", "😀", "said"
    };
    List<List<String>> articles = new ArrayList<>();
    StringBuilder jsonl = new StringBuilder();
    for (int a = 0; a < 8; a++) {
      List<String> paragraphs = new ArrayList<>();
      int n = 1 + random.nextInt(8);
      for (int p = 0; p < n; p++) {
        StringBuilder b = new StringBuilder();
        int sentences = 1 + random.nextInt(random.nextInt(10) == 0 ? 60 : 4);
        for (int s = 0; s < sentences; s++) {
          for (int w = 0; w < 3 + random.nextInt(10); w++) {
            b.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
          }
          b.append(". ");
        }
        paragraphs.add(b.toString().strip());
      }
      articles.add(paragraphs);
      jsonl.append("{\"id\":\"r").append(a).append("\",\"date\":\"2020-01-0").append(1 + a % 9);
      jsonl.append("\",\"paragraphs\":[");
      for (int p = 0; p < paragraphs.size(); p++) {
        jsonl
            .append(p == 0 ? "" : ",")
            .append(new com.google.gson.Gson().toJson(paragraphs.get(p)));
      }
      jsonl.append("]}\n");
    }
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("random.jsonl"), jsonl.toString());
    Path index = dir.resolve("random-index");
    try (Indexer indexer = Indexer.builder(index).build()) {
      assertEquals(List.of(), indexer.index(List.of(in)).rejected(), "seed " + seed);
    }
    try (Searcher searcher = Searcher.open(index)) {
      for (int a = 0; a < articles.size(); a++) {
        StoredArticle back = searcher.article("r" + a).orElseThrow();
        List<String> texts = back.paragraphs().stream().map(StoredArticle.Paragraph::text).toList();
        assertEquals(articles.get(a), texts, "seed " + seed + ", article r" + a);
        for (StoredArticle.Span s : back.passages()) {
          StoredArticle.Paragraph first = back.paragraphs().get(s.from());
          StoredArticle.Paragraph last = back.paragraphs().get(s.to());
          assertTrue(
              s.start() >= first.start() && s.end() <= last.end() && s.start() < s.end(),
              "seed " + seed + ": " + s + " outside " + first + " .. " + last);
        }
        for (StoredArticle.Paragraph p : back.paragraphs()) {
          assertTrue(
              p.heading()
                  || back.passages().stream()
                      .anyMatch(s -> s.from() <= p.number() && p.number() <= s.to()),
              "seed " + seed + ": paragraph " + p.number() + " of r" + a + " in no passage");
        }
      }
    }
  }

  /** The seed file's paragraphs as the seed format reads them (blank-line blocks, date removed). */
  private static List<String> seedParagraphs(Path file) throws IOException {
    String raw = Files.readString(file).replace("\r\n", "\n");
    List<String> out = new ArrayList<>();
    for (String block : raw.split("\n\\s*\n")) {
      String joined = block.strip().replaceAll("\\s*\n\\s*", " ");
      if (!joined.isEmpty()) {
        out.add(out.isEmpty() ? joined.replaceFirst("^date \\d{4}-\\d{2}-\\d{2}\\s+", "") : joined);
      }
    }
    return out;
  }
}
