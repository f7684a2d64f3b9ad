package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.indexer.Article;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.Paragraph;
import dev.parley.query.result.Hit;
import dev.parley.query.result.ResultsJson;
import dev.parley.query.result.SearchResults;
import dev.parley.testutil.StrictJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * {@code offsets} are UTF-16 code units (Java and JavaScript string indexes); {@code
 * codePointOffsets} are code points (Python string indexes): both slice the article text to the
 * passage, whatever emoji or other supplementary characters come before it (Parley 9, item 10).
 */
class OffsetUnitsTest {
  @Test
  void bothOffsetsSliceTheArticleTextToThePassage() throws IOException {
    List<String> paragraphs =
        List.of(
            "Crowds cheered 🎉🎉 as the envoys arrived 🇺🇸🇰🇵.",
            "Plain lead-in without emoji.",
            "Talks on 𝐬𝐚𝐧𝐜𝐭𝐢𝐨𝐧𝐬 relief 😀 resumed in Hanoi.");
    try (Directory dir = new ByteBuffersDirectory()) {
      try (Indexer indexer = Indexer.builder(Path.of("mem")).withDirectory(dir).build()) {
        indexer.add(
            new Article(
                "e1",
                LocalDate.of(2019, 2, 27),
                null,
                List.of(
                    new Paragraph(0, paragraphs.get(0), Paragraph.Kind.BODY),
                    new Paragraph(1, paragraphs.get(1), Paragraph.Kind.BODY),
                    new Paragraph(2, paragraphs.get(2), Paragraph.Kind.BODY)),
                "test"));
      }
      String article = String.join(Article.PARAGRAPH_SEPARATOR, paragraphs);
      int[] codePoints = article.codePoints().toArray();
      try (Searcher searcher = Searcher.builder(Path.of("mem")).withDirectory(dir).build()) {
        for (String query : List.of("Hanoi", "lead-in", "envoys")) {
          SearchResults results = searcher.search(SearchRequest.of(query));
          Hit hit = results.hits().get(0);
          assertEquals(hit.text(), article.substring(hit.start(), hit.end()), query);
          assertEquals(
              hit.text(),
              new String(
                  codePoints, hit.codePointStart(), hit.codePointEnd() - hit.codePointStart()),
              query);
          JsonObject json =
              StrictJson.parseObject(ResultsJson.toJson(results))
                  .getAsJsonArray("hits")
                  .get(0)
                  .getAsJsonObject();
          JsonArray cp = json.getAsJsonArray("codePointOffsets");
          assertEquals(hit.codePointStart(), cp.get(0).getAsInt());
          assertEquals(hit.codePointEnd(), cp.get(1).getAsInt());
        }
        Hit hanoi = searcher.search(SearchRequest.of("Hanoi")).hits().get(0);
        // 6 supplementary characters before the third paragraph (two flags are two each)
        assertEquals(hanoi.start() - 6, hanoi.codePointStart());
      }
    }
  }
}
