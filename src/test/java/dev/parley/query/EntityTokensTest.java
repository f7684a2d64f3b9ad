package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.Entity;
import dev.parley.analysis.Gazetteer;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.IngestReport;
import dev.parley.indexer.enrich.NewsEnricher;
import dev.parley.indexer.enrich.TopicModel;
import dev.parley.query.result.Hit;
import dev.parley.schema.IndexManifest;
import dev.parley.schema.SchemaMismatchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entity aliases as one indexed term (schema 6): each tagged mention by name is indexed as {@code
 * entity#ID}, and a query naming the entity by any alias, in any case, finds every passage that
 * names it by any alias. Small fixed corpus, exact results.
 */
class EntityTokensTest {
  @TempDir static Path dir;
  static Path index;

  static final String CORPUS =
      String.join(
          "\n",
          "{\"id\": \"nk-name\", \"date\": \"2019-03-01\", \"text\": \"Talks with North Korea"
              + " resumed on Monday.\"}",
          "{\"id\": \"nk-acronym\", \"date\": \"2019-03-02\", \"text\": \"The DPRK rejected the"
              + " proposal on Monday.\"}",
          "{\"id\": \"nk-long\", \"date\": \"2019-03-03\", \"text\": \"Envoys of the Democratic"
              + " People's Republic of Korea arrived.\"}",
          "{\"id\": \"sk\", \"date\": \"2019-03-04\", \"text\": \"South Korea held an election on"
              + " Monday.\"}",
          "{\"id\": \"us-acronym\", \"date\": \"2019-03-05\", \"text\": \"The U.S. envoy left for"
              + " Seoul.\"}",
          "{\"id\": \"us-name\", \"date\": \"2019-03-06\", \"text\": \"The United States proposed a"
              + " new round.\"}",
          "{\"id\": \"us-pronoun\", \"date\": \"2019-03-07\", \"text\": \"Tell us about the new"
              + " round.\"}",
          "{\"id\": \"latam\", \"date\": \"2019-03-08\", \"text\": \"Trade with Latin America"
              + " grew.\"}",
          "{\"id\": \"un-acronym\", \"date\": \"2019-03-09\", \"text\": \"The UN condemned the"
              + " test.\"}",
          "{\"id\": \"un-council\", \"date\": \"2019-03-10\", \"text\": \"The UN Security Council"
              + " met.\"}",
          "{\"id\": \"china-word\", \"date\": \"2019-03-11\", \"text\": \"She collects fine china"
              + " plates.\"}",
          "{\"id\": \"china-name\", \"date\": \"2019-03-12\", \"text\": \"The People's Republic of"
              + " China protested.\"}",
          "{\"id\": \"car-acronym\", \"date\": \"2019-03-13\", \"text\": \"The CAR asked the WHO"
              + " for vaccines.\"}",
          "{\"id\": \"car-word\", \"date\": \"2019-03-14\", \"text\": \"A car bomb killed a man"
              + " who was waiting.\"}",
          "{\"id\": \"caps\", \"date\": \"2019-03-15\", \"text\": \"THE ENVOY, WHO ARRIVED ON"
              + " MONDAY, TOLD US HIS CAR WAS WAITING.\"}");

  @BeforeAll
  static void index() throws IOException {
    Path input = dir.resolve("news.jsonl");
    Files.writeString(input, CORPUS + "\n");
    index = dir.resolve("index");
    try (Indexer indexer = Indexer.builder(index).build()) {
      assertEquals(List.of(), indexer.index(List.of(input)).rejected());
    }
  }

  private static List<String> found(String query) throws IOException {
    try (Searcher searcher = Searcher.open(index)) {
      return searcher
          .search(SearchRequest.builder(query).withK(50).withPerArticle(0).build())
          .hits()
          .stream()
          .map(Hit::articleId)
          .sorted()
          .toList();
    }
  }

  @Test
  void everyAliasFindsEveryForm() throws IOException {
    List<String> korea = List.of("nk-acronym", "nk-long", "nk-name");
    for (String q :
        List.of(
            "DPRK",
            "North Korea",
            "Democratic People's Republic of Korea",
            "D.P.R.K.",
            "N. Korea")) {
      assertEquals(korea, found(q), q);
    }
    List<String> us = List.of("us-acronym", "us-name");
    for (String q : List.of("US", "U.S.", "United States", "USA", "United States of America")) {
      assertEquals(us, found(q), q);
    }
    assertEquals(List.of("un-acronym"), found("United Nations"));
    assertEquals(List.of("china-name"), found("PRC"));
  }

  @Test
  void queriesIgnoreCase() throws IOException {
    List<String> korea = List.of("nk-acronym", "nk-long", "nk-name");
    for (String q : List.of("dprk", "north korea", "NORTH KOREA", "North KOREA", "n. korea")) {
      assertEquals(korea, found(q), q);
    }
    // Lower-case "us" stays the pronoun, as in the text (and in text set in capitals): it is not
    // the acronym (DESIGN.md).
    assertEquals(List.of("caps", "us-pronoun"), found("us"));
  }

  @Test
  void anAcronymThatIsAlsoAWordFindsOnlyItsEntity() throws IOException {
    // The kind: CAR/car, WHO/who, US/us. The word finds the word (in capitals too), the acronym
    // and the name find the entity, and text set in capitals names no entity by a word.
    assertEquals(List.of("caps", "car-word"), found("car"));
    assertEquals(List.of("car-acronym"), found("CAR"));
    assertEquals(List.of("car-acronym"), found("Central African Republic"));
    assertEquals(List.of("caps", "car-word"), found("who"));
    assertEquals(List.of("car-acronym"), found("World Health Organization"));
    assertEquals(List.of("caps", "us-pronoun"), found("us"));
    assertEquals(List.of("us-acronym", "us-name"), found("United States"));
    try (Searcher searcher = Searcher.open(index)) {
      List<String> tagged =
          searcher.search(SearchRequest.builder("envoy waiting").withK(5).build()).hits().stream()
              .filter(h -> h.articleId().equals("caps"))
              .flatMap(h -> h.entities().stream())
              .toList();
      assertEquals(List.of(), tagged);
    }
  }

  @Test
  void theTypedWordsStillMatchWhereTheTaggerSawNoEntity() throws IOException {
    // Typed, an alias matches wherever its words occur; added through the entity token, only where
    // the tagger found the entity: not "fine china", not "America" inside "Latin America", not the
    // "UN" of the UN Security Council (another entity).
    assertEquals(List.of("china-name", "china-word"), found("china"));
    assertEquals(List.of("china-name"), found("PRC"));
    assertEquals(List.of("latam", "us-acronym", "us-name"), found("America"));
    assertEquals(List.of("us-acronym", "us-name"), found("USA"));
    assertEquals(List.of("un-acronym", "un-council"), found("UN"));
    // U.N. and UN analyze alike (DESIGN.md, acronyms): typed, they match inside the council's name.
    assertEquals(List.of("un-acronym", "un-council"), found("U.N."));
  }

  @Test
  void theIndexHoldsOneTermPerEntity() throws IOException {
    try (var d = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher s = new IndexSearcher(reader);
      assertEquals(3, s.count(new TermQuery(new Term("text", "entity#north-korea"))));
      assertEquals(2, s.count(new TermQuery(new Term("text", "entity#united-states"))));
      // the lead is the passage's context: the same mentions there
      assertEquals(3, s.count(new TermQuery(new Term("context", "entity#north-korea"))));
      assertEquals(0, s.count(new TermQuery(new Term("text", "entity#south-korea-x"))));
      assertEquals(1, s.count(new TermQuery(new Term("text", "entity#south-korea"))));
    }
  }

  @Test
  void snippetsMarkTheWholeName() throws IOException {
    try (Searcher searcher = Searcher.open(index)) {
      Hit hit =
          searcher
              .search(SearchRequest.builder("DPRK envoys").withK(10).withPerArticle(0).build())
              .hits()
              .stream()
              .filter(h -> h.articleId().equals("nk-long"))
              .findFirst()
              .orElseThrow();
      assertEquals(
          "<em>Envoys</em> of the <em>Democratic People&#x27;s Republic of Korea</em> arrived.",
          hit.snippet());
    }
  }

  /**
   * Ranking alone ({@code passageIds}) gives the page {@code search} gives, whatever the request.
   */
  @Test
  void rankingAloneGivesTheSamePage() throws IOException {
    try (Searcher s = Searcher.open(index);
        Searcher bare = Searcher.builder(index).withSnippets(false).build()) {
      List<SearchRequest> requests =
          List.of(
              SearchRequest.of("DPRK"),
              SearchRequest.builder("Korea talks Monday").withK(3).withOffset(1).build(),
              SearchRequest.builder("United States round").withPerArticle(1).build(),
              SearchRequest.builder("").build(),
              SearchRequest.builder("").addTopic("diplomacy").build(),
              SearchRequest.builder("talks").addTopic("diplomacy").build(),
              SearchRequest.builder("Monday")
                  .withSince(java.time.LocalDate.of(2019, 3, 2))
                  .withUntil(java.time.LocalDate.of(2019, 3, 9))
                  .build(),
              SearchRequest.builder("the").withRecencyHalfLife(3).withCollapse(true).build());
      for (SearchRequest r : requests) {
        List<String> full = s.search(r).hits().stream().map(Hit::passageId).toList();
        assertEquals(full, s.passageIds(r), r.toString());
        var noSnippets = bare.search(r).hits();
        assertEquals(full, noSnippets.stream().map(Hit::passageId).toList(), r.toString());
        assertTrue(noSnippets.stream().allMatch(h -> h.snippet().isEmpty()), r.toString());
      }
    }
  }

  @Test
  void theManifestRecordsTheGazetteerAndASearcherWithAnotherRefuses() throws IOException {
    try (var d = FSDirectory.open(index)) {
      assertEquals(Gazetteer.defaults().version(), IndexManifest.read(d, index).gazetteer());
    }
    Gazetteer other = withExtraEntity();
    assertTrue(!other.version().equals(Gazetteer.defaults().version()));
    SchemaMismatchException e =
        assertThrows(
            SchemaMismatchException.class,
            () -> Searcher.builder(index).withGazetteer(other).build());
    assertEquals(
        "index "
            + index
            + " holds entity tokens tagged with gazetteer "
            + Gazetteer.defaults().version()
            + ", this searcher's gazetteer is "
            + other.version()
            + ": search with the gazetteer the index was built with, or run parley index on the"
            + " same input again with this one (it re-tags every article)",
        e.getMessage());
    // Without entity synonyms the tokens are not used, so the gazetteer does not matter.
    try (Searcher s =
        Searcher.builder(index).withGazetteer(other).withEntitySynonyms(false).build()) {
      assertEquals(
          List.of("nk-name"),
          s
              .search(SearchRequest.builder("North Korea").withMatch(MatchMode.ALL).build())
              .hits()
              .stream()
              .map(Hit::articleId)
              .toList());
    }
  }

  /**
   * A changed gazetteer is detected like a changed topic model: the next incremental run re-tags
   * (rewrites) every article, records the new version, and the searcher with that gazetteer then
   * finds the new entity by its aliases.
   */
  @Test
  void anotherGazetteerRewritesEveryArticleOnTheNextRun(@TempDir Path tmp) throws IOException {
    Path input = tmp.resolve("news.jsonl");
    Files.writeString(
        input,
        "{\"id\": \"a\", \"date\": \"2019-03-01\", \"text\": \"Freedonia and Sylvania met.\"}\n"
            + "{\"id\": \"b\", \"date\": \"2019-03-02\", \"text\": \"The Republic of Freedonia"
            + " agreed.\"}\n");
    Path idx = tmp.resolve("idx");
    try (Indexer indexer = Indexer.builder(idx).build()) {
      indexer.index(List.of(input));
    }
    Gazetteer other = withExtraEntity();
    for (int run = 0; run < 2; run++) {
      try (Indexer indexer =
          Indexer.builder(idx)
              .withEnricher(new NewsEnricher(other, TopicModel.defaults()))
              .build()) {
        IngestReport report = indexer.index(List.of(input));
        assertEquals(
            run == 0 ? List.of(2, 0) : List.of(0, 2),
            List.of(report.articles(), report.unchanged()));
      }
    }
    try (var d = FSDirectory.open(idx)) {
      assertEquals(other.version(), IndexManifest.read(d, idx).gazetteer());
    }
    try (Searcher s = Searcher.builder(idx).withGazetteer(other).build()) {
      assertEquals(
          List.of("a", "b"),
          s.search(SearchRequest.builder("Freedonia").withPerArticle(0).build()).hits().stream()
              .map(Hit::articleId)
              .sorted()
              .toList());
      assertEquals(
          List.of("a", "b"),
          s.search(SearchRequest.builder("fredonia republic of freedonia").build()).hits().stream()
              .map(Hit::articleId)
              .sorted()
              .toList());
      // "Republic of Freedonia" typed finds "Freedonia" through the entity token
      assertEquals(
          List.of("a", "b"),
          s
              .search(
                  SearchRequest.builder("Republic of Freedonia")
                      .withMatch(MatchMode.ALL)
                      .withPerArticle(0)
                      .build())
              .hits()
              .stream()
              .map(Hit::articleId)
              .sorted()
              .toList());
    }
    // Back to the default gazetteer: rewritten again.
    try (Indexer indexer = Indexer.builder(idx).build()) {
      IngestReport report = indexer.index(List.of(input));
      assertEquals(List.of(2, 0), List.of(report.articles(), report.unchanged()));
    }
  }

  private static Gazetteer withExtraEntity() {
    return Gazetteer.builder()
        .addDefaults()
        .add(
            new Entity(
                "freedonia",
                Entity.Type.COUNTRY,
                "Freedonia",
                List.of("Freedonia", "Republic of Freedonia"),
                List.of(),
                List.of(),
                List.of(),
                null))
        .build();
  }
}
