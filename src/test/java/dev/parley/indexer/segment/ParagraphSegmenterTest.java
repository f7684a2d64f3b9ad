package dev.parley.indexer.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Article;
import dev.parley.indexer.Paragraph;
import dev.parley.indexer.Passage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParagraphSegmenterTest {

  static Article article(String id, List<Paragraph> paragraphs) {
    return new Article(id, LocalDate.of(2020, 1, 1), null, paragraphs, id + ".txt");
  }

  static Paragraph body(int n, String text) {
    return new Paragraph(n, text, Paragraph.Kind.BODY);
  }

  @Test
  void mergesShortParagraphsAndRespectsHeadings() {
    Article a =
        article(
            "a",
            List.of(
                body(0, "Short lead."),
                body(1, "Also short."),
                body(2, "x".repeat(180)),
                new Paragraph(3, "– Reaction –", Paragraph.Kind.HEADING),
                body(4, "After the heading.")));
    List<Passage> passages = new ParagraphSegmenter(new SegmentationConfig(100, 200, 1)).segment(a);
    assertEquals(List.of("a#0-1", "a#2-2", "a#4-4"), passages.stream().map(Passage::id).toList());
    assertEquals("Short lead.\n\nAlso short.", passages.get(0).text());
    assertEquals(null, passages.get(0).heading());
    assertEquals("Reaction", passages.get(2).heading());
    assertEquals(List.of(0, 1, 2), passages.stream().map(Passage::ordinal).toList());
  }

  @Test
  void zeroMergeKeepsEveryParagraphAlone() {
    Article a = article("b", List.of(body(0, "One."), body(1, "Two.")));
    List<Passage> passages = new ParagraphSegmenter(new SegmentationConfig(0, 200, 1)).segment(a);
    assertEquals(List.of("b#0-0", "b#1-1"), passages.stream().map(Passage::id).toList());
  }

  @Test
  void longParagraphBecomesOverlappingSentenceWindows() {
    String p = "First sentence here. Second sentence here. Third sentence here. Fourth one.";
    Article a = article("c", List.of(body(0, p)));
    List<Passage> passages = new ParagraphSegmenter(new SegmentationConfig(0, 50, 1)).segment(a);
    assertEquals(
        List.of(
            "First sentence here. Second sentence here.",
            "Second sentence here. Third sentence here.",
            "Third sentence here. Fourth one."),
        passages.stream().map(Passage::text).toList());
    assertEquals(
        List.of("c#0-0:1", "c#0-0:2", "c#0-0:3"), passages.stream().map(Passage::id).toList());
  }

  @Test
  void sentenceLongerThanTheLimitIsCutAtSpaces() {
    String p = "word ".repeat(40).strip();
    List<Passage> passages =
        new ParagraphSegmenter(new SegmentationConfig(0, 50, 0))
            .segment(article("d", List.of(body(0, p))));
    for (Passage passage : passages) {
      assertTrue(passage.text().length() <= 50, passage.text());
      assertTrue(!passage.text().startsWith(" ") && !passage.text().endsWith(" "));
    }
    assertEquals(
        p.replace(" ", ""),
        String.join("", passages.stream().map(Passage::text).toList()).replace(" ", ""));
  }

  /**
   * Property: for random articles and sizes, every passage's text is the article text at its
   * offsets, spans lie inside the article, passages are in order, ids are unique, and every body
   * paragraph is covered.
   */
  @Test
  void passagesAlwaysMapBackToTheArticleText() {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "ParagraphSegmenterTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    for (int round = 0; round < 300; round++) {
      List<Paragraph> paragraphs = new ArrayList<>();
      int n = 1 + random.nextInt(12);
      for (int i = 0; i < n; i++) {
        boolean heading = i > 0 && i < n - 1 && random.nextInt(6) == 0;
        paragraphs.add(
            new Paragraph(
                i,
                heading ? "– Heading " + i + " –" : randomText(random),
                heading ? Paragraph.Kind.HEADING : Paragraph.Kind.BODY));
      }
      if (paragraphs.stream().allMatch(Paragraph::isHeading)) {
        continue;
      }
      Article a = article("r" + round, paragraphs);
      int max = 50 + random.nextInt(600);
      SegmentationConfig config =
          new SegmentationConfig(random.nextInt(max + 1), max, random.nextInt(3));
      List<Passage> passages = new ParagraphSegmenter(config).segment(a);
      String text = a.text();
      Set<String> ids = new HashSet<>();
      Set<Integer> covered = new HashSet<>();
      int lastStart = -1;
      for (int i = 0; i < passages.size(); i++) {
        Passage p = passages.get(i);
        String where =
            "seed " + seed + " round " + round + " passage " + p.id() + " config " + config;
        assertEquals(text.substring(p.start(), p.end()), p.text(), where);
        assertEquals(i, p.ordinal(), where);
        assertTrue(ids.add(p.id()), where);
        assertTrue(p.start() >= a.paragraphStart(p.from()), where);
        int toEnd = a.paragraphStart(p.to()) + a.paragraphs().get(p.to()).text().length();
        assertTrue(p.end() <= toEnd, where);
        assertTrue(p.start() > lastStart, where);
        assertTrue(p.text().length() <= config.maxChars(), where);
        lastStart = p.start();
        for (int k = p.from(); k <= p.to(); k++) {
          covered.add(k);
        }
      }
      for (Paragraph p : paragraphs) {
        assertEquals(
            !p.isHeading(),
            covered.contains(p.number()),
            "seed " + seed + " paragraph " + p.number());
      }
    }
  }

  private static final String[] ODD = {"é", "€", "😀", "İ", "’"};

  private static String randomText(Random random) {
    StringBuilder b = new StringBuilder();
    int sentences = 1 + random.nextInt(random.nextInt(4) == 0 ? 30 : 4);
    for (int s = 0; s < sentences; s++) {
      int words = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 20);
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          b.append(' ');
        }
        int len = 1 + random.nextInt(random.nextInt(20) == 0 ? 80 : 9);
        for (int c = 0; c < len; c++) {
          b.append(
              random.nextInt(30) == 0
                  ? ODD[random.nextInt(ODD.length)]
                  : String.valueOf((char) ('a' + random.nextInt(26))));
        }
      }
      b.append(random.nextBoolean() ? ". " : "? ");
    }
    return b.toString().strip();
  }
}
