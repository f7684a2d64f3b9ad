package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.parley.indexer.Article;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.Paragraph;
import dev.parley.indexer.Passage;
import dev.parley.indexer.enrich.NewsEnricher;
import dev.parley.indexer.segment.ParagraphSegmenter;
import dev.parley.indexer.segment.SegmentationConfig;
import dev.parley.indexer.segment.Segmenter;
import dev.parley.query.result.Hit;
import dev.parley.query.result.StoredArticle;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Schema 8 stores a passage's numbers, topic scores and ids compactly; every hit and article read
 * back from the index still carries exactly the values the segmenter and the enricher made.
 */
class CompactStoredValuesTest {
  private static final List<String> PARAGRAPHS =
      List.of(
          "Talks resume",
          "Crowds cheered 🎉🎉 as the envoys arrived in Hanoi 🇺🇸🇰🇵 for the summit.",
          "Sanctions on North Korea stay in place, the envoys said after talks in Hanoi.",
          "The 𝐬𝐮𝐦𝐦𝐢𝐭 ended without a deal on sanctions relief.");

  private static Article article(String id) {
    return new Article(
        id,
        LocalDate.of(2019, 2, 28),
        "Hanoi summit",
        List.of(
            new Paragraph(0, PARAGRAPHS.get(0), Paragraph.Kind.HEADING),
            new Paragraph(1, PARAGRAPHS.get(1), Paragraph.Kind.BODY),
            new Paragraph(2, PARAGRAPHS.get(2), Paragraph.Kind.BODY),
            new Paragraph(3, PARAGRAPHS.get(3), Paragraph.Kind.BODY)),
        "test");
  }

  /** The stored JSON of the topic scores up to schema 8, parsed as {@code HitReader} parsed it. */
  private static Map<String, Float> legacyTopics(Map<String, Float> topics) {
    JsonObject scores = new JsonObject();
    topics.forEach((k, v) -> scores.addProperty(k, Math.round(v * 10000) / 10000.0));
    Map<String, Float> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e :
        JsonParser.parseString(scores.toString()).getAsJsonObject().entrySet()) {
      out.put(e.getKey(), e.getValue().getAsFloat());
    }
    return out;
  }

  /** Passages named by an app's own scheme, {@code prefix + ordinal + "#" + ordinal}. */
  private static final class OwnNames implements Segmenter {
    private final Segmenter inner = new ParagraphSegmenter(SegmentationConfig.defaults());
    private final java.util.function.Function<Article, String> prefix;

    OwnNames(java.util.function.Function<Article, String> prefix) {
      this.prefix = prefix;
    }

    @Override
    public List<Passage> segment(Article article) {
      List<Passage> out = new ArrayList<>();
      for (Passage p : inner.segment(article)) {
        out.add(
            new Passage(
                prefix.apply(article) + p.ordinal() + "#" + p.ordinal(),
                p.articleId(),
                p.date(),
                p.ordinal(),
                p.from(),
                p.to(),
                p.start(),
                p.end(),
                p.heading(),
                p.text()));
      }
      return out;
    }
  }

  @Test
  void hitsCarryTheSegmentersAndEnrichersValues() throws IOException {
    check(new ParagraphSegmenter(SegmentationConfig.defaults()));
  }

  @Test
  void passagesNamedByTheAppsOwnSchemeGiveTheirArticleIdBack() throws IOException {
    check(new OwnNames(a -> a.id() + "#own-"));
  }

  @Test
  void passagesNotNamedAfterTheirArticleAreRefused() throws IOException {
    // Ranking groups passages by the article id at the start of their id (per-article limit),
    // and hits read it from there: another name would crash or mix articles up.
    for (var prefix :
        List.<java.util.function.Function<Article, String>>of(
            a -> "own-", a -> a.id() + "-", a -> "x" + a.id() + "#", a -> "#" + a.id())) {
      try (Directory dir = new ByteBuffersDirectory();
          Indexer indexer =
              Indexer.builder(Path.of("mem"))
                  .withDirectory(dir)
                  .withSegmenter(new OwnNames(prefix))
                  .build()) {
        Article a = article("plain-id");
        String first = prefix.apply(a) + "0#0";
        assertEquals(
            "passage '"
                + first
                + "' of article 'plain-id' is not named plain-id#...: a segmenter must name each"
                + " passage of an article by the article id, '#' and its own part (Passage.id)",
            org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> indexer.add(a))
                .getMessage());
      }
    }
  }

  private static void check(Segmenter segmenter) throws IOException {
    List<Article> articles = List.of(article("hanoi.2019"), article("plain-id"));
    NewsEnricher enricher = NewsEnricher.defaults();
    try (Directory dir = new ByteBuffersDirectory()) {
      try (Indexer indexer =
          Indexer.builder(Path.of("mem")).withDirectory(dir).withSegmenter(segmenter).build()) {
        articles.forEach(
            a -> {
              try {
                indexer.add(a);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
      }
      Map<String, Passage> expected = new LinkedHashMap<>();
      Map<String, Map<String, Float>> topics = new LinkedHashMap<>();
      for (Article a : articles) {
        for (Passage p : segmenter.segment(a)) {
          expected.put(p.id(), p);
          topics.put(p.id(), legacyTopics(enricher.enrich(a, p).topics()));
        }
      }
      int seen = 0;
      try (Searcher searcher = Searcher.builder(Path.of("mem")).withDirectory(dir).build()) {
        for (String query : List.of("Hanoi", "sanctions", "envoys", "summit deal", "crowds")) {
          for (Hit hit :
              searcher
                  .search(SearchRequest.builder(query).withK(20).withPerArticle(0).build())
                  .hits()) {
            Passage p = expected.get(hit.passageId());
            String article = String.join(Article.PARAGRAPH_SEPARATOR, PARAGRAPHS);
            int[] codePoints = article.codePoints().toArray();
            assertEquals(p.articleId(), hit.articleId(), query);
            assertEquals(p.from(), hit.from(), query);
            assertEquals(p.to(), hit.to(), query);
            assertEquals(p.start(), hit.start(), query);
            assertEquals(p.end(), hit.end(), query);
            assertEquals(article.codePointCount(0, p.start()), hit.codePointStart(), query);
            assertEquals(article.codePointCount(0, p.end()), hit.codePointEnd(), query);
            assertEquals(
                p.text(),
                new String(
                    codePoints, hit.codePointStart(), hit.codePointEnd() - hit.codePointStart()));
            assertEquals(p.date(), hit.date(), query);
            assertEquals(p.heading(), hit.heading(), query);
            assertEquals(topics.get(p.id()), hit.topics(), query);
            assertEquals(
                new ArrayList<>(topics.get(p.id()).keySet()),
                new ArrayList<>(hit.topics().keySet()),
                query);
            seen++;
          }
        }
        for (Article a : articles) {
          StoredArticle stored = searcher.article(a.id()).orElseThrow();
          List<String> spans = new ArrayList<>();
          stored
              .passages()
              .forEach(
                  s ->
                      spans.add(
                          s.passageId()
                              + " "
                              + s.from()
                              + "-"
                              + s.to()
                              + " "
                              + s.start()
                              + "-"
                              + s.end()));
          List<String> want = new ArrayList<>();
          segmenter
              .segment(a)
              .forEach(
                  p ->
                      want.add(
                          p.id() + " " + p.from() + "-" + p.to() + " " + p.start() + "-"
                              + p.end()));
          assertEquals(want, spans, a.id());
          assertEquals(a.date(), stored.date());
        }
      }
      assertFalse(seen == 0);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(reader);
        for (ScoreDoc sd :
            s.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), 100).scoreDocs) {
          Document doc = s.storedFields().document(sd.doc);
          Set<String> names = new TreeSet<>();
          for (IndexableField f : doc.getFields()) {
            names.add(f.name());
          }
          names.remove(Fields.ENTITY);
          names.remove(Fields.HEADING);
          // What a passage stores since schema 9: no ids (doc values), one packed span, no date
          assertEquals(new TreeSet<>(Set.of(Fields.TEXT, Fields.SPAN, Fields.TOPICS)), names);
          assertNull(doc.get(Fields.ARTICLE_ID));
        }
      }
    }
  }
}
