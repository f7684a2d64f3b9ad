package dev.parley.query.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.analysis.NewsSentenceBreaks;
import dev.parley.indexer.Article;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.Paragraph;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import java.io.IOException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Snippets on news sentences (Parley 9, item 9): abbreviations, quotes and brackets around a
 * sentence end, a missing space after a question mark; no white space at either end.
 */
class NewsSnippetTest {
  static Directory dir;
  static Searcher searcher;

  static final String[] PARAGRAPHS = {
    "Talks between Mr. Kim and Mr. Trump ended abruptly in Hanoi on Thursday. Both sides blamed"
        + " the other.",
    "The U.S. Treasury imposed sanctions on three banks. Gen. Smith said on Jan. 5 that the"
        + " embargo would hold.",
    "\"We will not negotiate.\" The minister then left for Geneva. Observers were surprised.",
    "(The vote was postponed.) Diplomats expected a ceasefire within days.",
    "Was it a breakthrough?Nobody in Brussels thought so. Envoys stayed silent.",
    "Dr. Nakamura of the U.N. agency arrived in Tokyo. She met Sen. Warren there."
  };

  @BeforeAll
  static void build() throws IOException {
    dir = new ByteBuffersDirectory();
    try (Indexer indexer = Indexer.builder(Path.of("mem")).withDirectory(dir).build()) {
      for (int i = 0; i < PARAGRAPHS.length; i++) {
        indexer.add(
            new Article(
                "a" + i,
                LocalDate.of(2019, 2, 28),
                null,
                List.of(new Paragraph(0, PARAGRAPHS[i], Paragraph.Kind.BODY)),
                "test"));
      }
    }
    // Sentence breaks are the subject here, so the quotes stay raw (SnippetEscapingTest covers the
    // default, HTML escaping).
    searcher =
        Searcher.builder(Path.of("mem"))
            .withDirectory(dir)
            .withSnippetSentences(1)
            .withSnippetEscaping(SnippetEscaping.NONE)
            .build();
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
    dir.close();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Hanoi|Talks between Mr. Kim and Mr. Trump ended abruptly in <em>Hanoi</em> on Thursday.",
        "Treasury|The U.S. <em>Treasury</em> imposed sanctions on three banks.",
        "embargo|Gen. Smith said on Jan. 5 that the <em>embargo</em> would hold.",
        "Geneva|The minister then left for <em>Geneva</em>.",
        "negotiate|\"We will not <em>negotiate</em>.\"",
        "postponed|(The vote was <em>postponed</em>.)",
        "ceasefire|Diplomats expected a <em>ceasefire</em> within days.",
        "breakthrough|Was it a <em>breakthrough</em>?",
        "Brussels|Nobody in <em>Brussels</em> thought so.",
        "Tokyo|Dr. Nakamura of the U.N. agency arrived in <em>Tokyo</em>.",
        "Warren|She met Sen. <em>Warren</em> there."
      })
  void theSnippetIsTheWholeSentenceWithNoSpaceAround(String query, String snippet)
      throws IOException {
    String got = searcher.search(SearchRequest.of(query)).hits().get(0).snippet();
    assertEquals(snippet, got);
  }

  @Test
  void sentenceBoundariesOfNewsText() {
    assertEquals(
        List.of(
            "Talks between Mr. Kim and Mr. Trump ended abruptly in Hanoi on Thursday. ",
            "Both sides blamed the other."),
        sentences(PARAGRAPHS[0]));
    assertEquals(
        List.of(
            "Was it a breakthrough?", "Nobody in Brussels thought so. ", "Envoys stayed silent."),
        sentences(PARAGRAPHS[4]));
    assertEquals(
        List.of("He said: \"Enough.\" ", "Then he left."),
        sentences("He said: \"Enough.\" Then he left."));
  }

  private static List<String> sentences(String text) {
    BreakIterator it = NewsSentenceBreaks.create();
    it.setText(text);
    List<String> out = new ArrayList<>();
    for (int start = it.first(), end = it.next();
        end != BreakIterator.DONE;
        start = end, end = it.next()) {
      out.add(text.substring(start, end));
    }
    return out;
  }
}
