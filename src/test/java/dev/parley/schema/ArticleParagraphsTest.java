package dev.parley.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.indexer.Article;
import dev.parley.indexer.Paragraph;
import dev.parley.indexer.Passage;
import dev.parley.indexer.segment.ParagraphSegmenter;
import dev.parley.indexer.segment.SegmentationConfig;
import dev.parley.schema.ArticleParagraphs.Kept;
import dev.parley.schema.ArticleParagraphs.PassageText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An article record stores only the paragraphs its passages do not give back, and the paragraphs
 * rebuilt from the rest are exactly those indexed, whatever the passages and their order.
 */
class ArticleParagraphsTest {
  private static List<PassageText> texts(List<Passage> passages) {
    List<PassageText> out = new ArrayList<>();
    passages.forEach(p -> out.add(new PassageText(p.start(), p.end(), p.text())));
    return out;
  }

  private static Article article(List<Paragraph> paragraphs) {
    return new Article("a1", LocalDate.of(1987, 3, 2), "Title", paragraphs, "test");
  }

  @Test
  void onlyTheHeadingIsStoredWhenPassagesHoldTheBody() {
    Article a =
        article(
            List.of(
                new Paragraph(0, "Talks resume", Paragraph.Kind.HEADING),
                new Paragraph(1, "Envoys met in Geneva on Monday.", Paragraph.Kind.BODY),
                new Paragraph(2, "They agreed to meet again. 😀 Soon.", Paragraph.Kind.BODY)));
    List<Passage> passages = new ParagraphSegmenter(SegmentationConfig.defaults()).segment(a);
    List<String> paragraphs = a.paragraphs().stream().map(Paragraph::text).toList();
    Kept kept = ArticleParagraphs.keep(paragraphs, texts(passages));
    assertEquals(List.of("Talks resume"), kept.stored());
    // 3 paragraphs; lengths 12 (stored: 12*2+1), 31 (31*2), 35 (35*2)
    assertEquals("[3 19 3e 46]", kept.layout().toString());
    assertEquals(
        paragraphs, ArticleParagraphs.rebuild(kept.layout(), kept.stored(), texts(passages)));
  }

  @Test
  void paragraphsThePassagesMisstateOrMissAreStored() {
    List<String> paragraphs = List.of("First one.", "Second one.", "Third one.");
    // offsets: 0-10, 12-23, 25-35
    List<PassageText> passages =
        List.of(
            new PassageText(0, 10, "First one."),
            new PassageText(12, 18, "Second"), // part of the second only
            new PassageText(25, 35, "Third ONE.")); // not the article's text
    Kept kept = ArticleParagraphs.keep(paragraphs, passages);
    assertEquals(List.of("Second one.", "Third one."), kept.stored());
    assertEquals(paragraphs, ArticleParagraphs.rebuild(kept.layout(), kept.stored(), passages));
    // a passage whose text is not end - start long gives nothing back
    List<PassageText> odd = List.of(new PassageText(0, 10, "First one. and more"));
    assertEquals(paragraphs, rebuilt(paragraphs, odd));
    assertEquals(3, ArticleParagraphs.keep(paragraphs, odd).stored().size());
  }

  private static List<String> rebuilt(List<String> paragraphs, List<PassageText> passages) {
    Kept kept = ArticleParagraphs.keep(paragraphs, passages);
    List<PassageText> shuffled = new ArrayList<>(passages);
    Collections.reverse(shuffled);
    return ArticleParagraphs.rebuild(kept.layout(), kept.stored(), shuffled);
  }

  @Test
  void randomArticlesAndPassagesRebuildExactly() {
    long seed = System.nanoTime();
    System.out.println("ArticleParagraphsTest seed " + seed);
    Random random = new Random(seed);
    String[] words = {
      "talks", "envoy", "😀", "Genève", "sanctions.", "a", "\u00a0", "summit!", "x"
    };
    for (int i = 0; i < 2_000; i++) {
      List<Paragraph> paragraphs = new ArrayList<>();
      int n = 1 + random.nextInt(8);
      for (int k = 0; k < n; k++) {
        StringBuilder text = new StringBuilder();
        for (int w = 1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 30); w > 0; w--) {
          text.append(words[random.nextInt(words.length)])
              .append(random.nextInt(5) == 0 ? ". " : " ");
        }
        Paragraph.Kind kind =
            k < n - 1 && random.nextInt(4) == 0 ? Paragraph.Kind.HEADING : Paragraph.Kind.BODY;
        try {
          paragraphs.add(new Paragraph(k, text.toString().strip() + ".", kind));
        } catch (IllegalArgumentException e) {
          paragraphs.add(new Paragraph(k, "Plain text " + k + ".", kind));
        }
      }
      Article a;
      try {
        a = article(paragraphs);
      } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
        continue; // e.g. headings only
      }
      int maxChars = 50 + random.nextInt(1000);
      SegmentationConfig config =
          new SegmentationConfig(
              random.nextInt(Math.min(300, maxChars)), maxChars, random.nextInt(3));
      List<PassageText> passages =
          new ArrayList<>(texts(new ParagraphSegmenter(config).segment(a)));
      // and sometimes passages that lie about their text or cover only part of it
      if (random.nextInt(3) == 0 && !passages.isEmpty()) {
        PassageText p = passages.remove(random.nextInt(passages.size()));
        if (random.nextBoolean() && p.end() - p.start() > 2) {
          passages.add(new PassageText(p.start() + 1, p.end(), p.text().substring(1)));
        } else if (!p.text().isEmpty()) {
          passages.add(new PassageText(p.start(), p.end(), "#" + p.text().substring(1)));
        }
      }
      Collections.shuffle(passages, random);
      List<String> texts = a.paragraphs().stream().map(Paragraph::text).toList();
      assertEquals(texts, rebuilt(texts, passages), "seed " + seed + " article " + i);
    }
  }

  @Test
  void aLayoutThatDoesNotFitIsRefused() {
    List<String> paragraphs = List.of("First one.", "Second one.");
    List<PassageText> passages = List.of(new PassageText(0, 23, "First one.\n\nSecond one."));
    Kept kept = ArticleParagraphs.keep(paragraphs, passages);
    assertEquals(List.of(), kept.stored());
    String message =
        "the paragraphs of an article record do not fit together (an index of another schema, or"
            + " damaged): re-index";
    assertEquals(
        message,
        assertThrows(
                IllegalArgumentException.class,
                () -> ArticleParagraphs.rebuild(kept.layout(), kept.stored(), List.of()))
            .getMessage());
    assertEquals(
        message,
        assertThrows(
                IllegalArgumentException.class,
                () -> ArticleParagraphs.rebuild(kept.layout(), List.of("extra"), passages))
            .getMessage());
    assertEquals(
        "no stored paragraph_layout value (an index of another schema): re-index",
        assertThrows(
                IllegalArgumentException.class,
                () -> ArticleParagraphs.rebuild(null, List.of(), passages))
            .getMessage());
  }
}
