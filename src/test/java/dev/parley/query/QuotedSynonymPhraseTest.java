package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.indexer.Article;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.Paragraph;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A quoted phrase whose words have entity aliases is searched in the passage text and the article
 * context alike. Before, a phrase with a word that has a one-word alias ({@code "japan dispute"}:
 * Japan or Nippon) became a multi-phrase query that could not be moved to the context field, and
 * the search failed with "cannot move query to field context".
 */
class QuotedSynonymPhraseTest {
  static Directory dir;
  static Searcher searcher;

  @BeforeAll
  static void build() throws IOException {
    dir = new ByteBuffersDirectory();
    String[][] articles = {
      {"Chip accord", "Japan and the United States settled the semiconductor dispute on Friday."},
      {"Grain", "The USSR bought more U.S. wheat this week, traders said."},
      {"Exports", "Nippon trade surplus widened again in March, officials said."},
      {"Talks", "The Soviet Union bought corn from Argentina."}
    };
    try (Indexer indexer = Indexer.builder(Path.of("mem")).withDirectory(dir).build()) {
      for (int i = 0; i < articles.length; i++) {
        indexer.add(
            new Article(
                "a" + i,
                LocalDate.of(1987, 3, 1 + i),
                articles[i][0],
                List.of(new Paragraph(0, articles[i][1], Paragraph.Kind.BODY)),
                "test"));
      }
    }
    searcher = Searcher.builder(Path.of("mem")).withDirectory(dir).build();
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
        "'\"japan and the united states\"'|a0",
        "'\"japan and\"'|a0",
        "'\"nippon trade\"'|a2",
        "'\"japan trade surplus\"'|a2",
        "'\"ussr bought\"'|a3 a1",
        "'\"soviet union bought\"'|a3 a1",
        "'\"semiconductor dispute\" japan'|a0 a2",
      })
  void phrasesWithAliasesFindTheirPassages(String query, String articles) throws IOException {
    List<String> found =
        searcher.search(SearchRequest.builder(query).withK(10).build()).hits().stream()
            .map(h -> h.articleId())
            .toList();
    assertEquals(List.of(articles.split(" ")), found, query);
  }
}
