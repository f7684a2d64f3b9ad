package dev.parley.query.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Indexer;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snippets are HTML-escaped by default, so an article's markup can never reach an app's page as
 * markup; {@link SnippetEscaping#NONE} is the explicit opt-out. The markers stay unescaped, and
 * {@link Hit#text()} is the text as stored either way.
 */
class SnippetEscapingTest {
  @TempDir static Path dir;
  static Path index;

  static final String SCRIPT =
      "Envoys said the summit & talks <b>continued</b> <script>alert(1)</script> late.";
  static final String IMG =
      "An <img src=x onerror=\"alert('summit')\"> tag sat in the summit story.";
  static final String ENTITY = "The summit&amp;talks entity &lt;b&gt; was already escaped once.";

  @BeforeAll
  static void build() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("script.txt"), "date 2021-05-05 " + SCRIPT + "\n");
    Files.writeString(in.resolve("img.txt"), "date 2021-05-06 " + IMG + "\n");
    Files.writeString(in.resolve("entity.txt"), "date 2021-05-07 " + ENTITY + "\n");
    Files.writeString(
        in.resolve("lead.txt"),
        "date 2021-05-08 Summit <i>diary</i>\n\nA second paragraph with <u>markup</u> & no query"
            + " word.\n");
    index = dir.resolve("idx");
    try (Indexer indexer = Indexer.builder(index).build()) {
      indexer.index(List.of(in));
    }
  }

  static Hit hit(Searcher searcher, String query, String article) throws IOException {
    return searcher
        .search(SearchRequest.builder(query).withPerArticle(0).withK(50).build())
        .hits()
        .stream()
        .filter(h -> h.articleId().equals(article))
        .findFirst()
        .orElseThrow(() -> new AssertionError(article + " not found for " + query));
  }

  @Test
  void theDefaultEscapesArticleMarkupAndKeepsTheMarkers() throws IOException {
    try (Searcher searcher = Searcher.open(index)) {
      Hit script = hit(searcher, "summit", "script");
      assertEquals(
          "Envoys said the <em>summit</em> &amp; talks &lt;b&gt;continued&lt;&#x2F;b&gt;"
              + " &lt;script&gt;alert(1)&lt;&#x2F;script&gt; late.",
          script.snippet());
      assertEquals(SCRIPT, script.text(), "the text is the article's, unescaped");
      Hit img = hit(searcher, "summit", "img");
      assertFalse(img.snippet().contains("<img"), img.snippet());
      assertTrue(img.snippet().contains("onerror=&quot;alert(&#x27;"), img.snippet());
      Hit entity = hit(searcher, "summit", "entity");
      assertTrue(entity.snippet().contains("&amp;amp;"), "escaped again: " + entity.snippet());
      assertTrue(entity.snippet().contains("&amp;lt;b&amp;gt;"), entity.snippet());
    }
  }

  @Test
  void aPassageMatchedOnlyThroughItsLeadIsEscapedToo() throws IOException {
    try (Searcher searcher = Searcher.open(index)) {
      Hit second =
          searcher
              .search(SearchRequest.builder("summit").withPerArticle(0).withK(50).build())
              .hits()
              .stream()
              .filter(h -> h.passageId().equals("lead#1-1"))
              .findFirst()
              .orElseThrow();
      assertEquals(
          "A second paragraph with &lt;u&gt;markup&lt;&#x2F;u&gt; &amp; no query word.",
          second.snippet());
    }
  }

  @Test
  void customMarkersStayAsGiven() throws IOException {
    try (Searcher searcher =
        Searcher.builder(index).withHighlightMarkers("<mark class=\"q\">", "</mark>").build()) {
      assertTrue(
          hit(searcher, "summit", "script")
              .snippet()
              .startsWith("Envoys said the <mark class=\"q\">summit</mark> &amp; talks &lt;b&gt;"));
    }
  }

  @Test
  void noneIsTheExplicitOptOut() throws IOException {
    try (Searcher searcher =
        Searcher.builder(index).withSnippetEscaping(SnippetEscaping.NONE).build()) {
      assertEquals(
          "Envoys said the <em>summit</em> & talks <b>continued</b> <script>alert(1)</script>"
              + " late.",
          hit(searcher, "summit", "script").snippet());
    }
  }

  /** Random text with markup characters: the escaped snippet never holds a raw one. */
  @Test
  void randomMarkupNeverSurvivesEscaping() throws IOException {
    long seed = System.nanoTime();
    System.out.println("SnippetEscapingTest seed " + seed);
    Random random = new Random(seed);
    String alphabet = "<>&\"'/ =abc";
    Path in = Files.createDirectories(dir.resolve("random"));
    for (int i = 0; i < 30; i++) {
      StringBuilder b = new StringBuilder("date 2021-01-01 summit ");
      for (int j = 0; j < 40; j++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      Files.writeString(in.resolve("r" + i + ".txt"), b.append(" summit.\n").toString());
    }
    Path idx = dir.resolve("random-idx");
    try (Indexer indexer = Indexer.builder(idx).build()) {
      indexer.index(List.of(in));
    }
    try (Searcher searcher = Searcher.open(idx)) {
      for (Hit h : searcher.search(SearchRequest.builder("summit").withK(100).build()).hits()) {
        String bare = h.snippet().replace("<em>", "").replace("</em>", "");
        assertFalse(bare.matches(".*[<>\"'].*"), "seed " + seed + ": " + h.snippet());
        String unescaped =
            bare.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&#x2F;", "/")
                .replace("&amp;", "&");
        assertTrue(h.text().contains(unescaped.strip()), "seed " + seed + ": " + h.snippet());
      }
    }
  }
}
