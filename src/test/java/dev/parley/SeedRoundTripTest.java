package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Indexer;
import dev.parley.indexer.IngestReport;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import dev.parley.query.result.SearchResults;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed article in seeds/, indexed and searched end to end with exact expectations. */
class SeedRoundTripTest {
  static final String SEED = "000_36ca1f6425bbafbc";
  @TempDir static Path indexDir;
  static IngestReport report;

  @BeforeAll
  static void index() throws IOException {
    try (Indexer indexer = Indexer.builder(indexDir).build()) {
      report = indexer.index(List.of(Path.of("seeds")));
    }
  }

  private static SearchResults search(SearchRequest request) throws IOException {
    try (Searcher searcher = Searcher.open(indexDir)) {
      return searcher.search(request);
    }
  }

  @Test
  void seedIndexesIntoTwentyParagraphPassages() throws IOException {
    assertEquals(List.of(), report.rejected());
    assertEquals(1, report.articles());
    // 21 paragraphs, one of them (15) the heading "– Birthday banquet –", which is not a passage.
    assertEquals(20, report.passages());
    try (Searcher searcher = Searcher.open(indexDir)) {
      var stats = searcher.stats();
      assertEquals(1, stats.articles());
      assertEquals(20, stats.passages());
      assertEquals(LocalDate.of(2019, 1, 10), stats.firstDate());
      assertEquals(LocalDate.of(2019, 1, 10), stats.lastDate());
    }
  }

  @Test
  void banquetQueryReturnsThePassageUnderTheHeadingFirst() throws IOException {
    Hit top = search(SearchRequest.builder("banquet").withPerArticle(0).build()).hits().get(0);
    assertEquals(SEED + "#19-19", top.passageId());
    assertEquals("Birthday banquet", top.heading());
    assertEquals(List.of(19, 19), List.of(top.from(), top.to()));
    assertEquals(
        "Xi and his wife Peng Liyuan hosted a welcome <em>banquet</em> for Kim and his wife Ri Sol Ju"
            + " and they watched an art performance together, according to Xinhua.",
        top.snippet());
  }

  @Test
  void denuclearisationMatchesTheParagraphsThatSayIt() throws IOException {
    SearchResults results =
        search(SearchRequest.builder("denuclearisation").withK(50).withPerArticle(0).build());
    // Passages saying it come first; the others match only through the article's lead (context).
    Set<Integer> top5 =
        results.hits().subList(0, 5).stream().map(Hit::from).collect(Collectors.toSet());
    assertEquals(Set.of(0, 1, 5, 10, 11), top5);
    for (Hit hit : results.hits().subList(0, 5)) {
      assertTrue(hit.snippet().contains("<em>denuclearisation</em>"), hit.snippet());
    }
    for (Hit hit : results.hits().subList(5, results.hits().size())) {
      assertTrue(!hit.text().contains("denuclearisation"), hit.passageId());
      assertTrue(hit.score() < results.hits().get(4).score());
    }
  }

  @Test
  void defaultKeepsTwoPassagesPerArticle() throws IOException {
    SearchResults results = search(SearchRequest.of("Kim"));
    List<Hit> unlimited = search(SearchRequest.builder("Kim").withPerArticle(0).build()).hits();
    assertEquals(
        List.of(SEED + "#18-18", SEED + "#14-14"),
        results.hits().stream().map(Hit::passageId).toList());
    assertEquals(unlimited.subList(0, 2), results.hits());
    assertEquals(10, unlimited.size());
    // The list holds two hits (the per-article limit), and paging counts those; the 20 matching
    // passages are reported beside them.
    assertEquals(2, results.totalHits());
    assertEquals(20, results.matchingPassages());
    assertEquals(SearchResults.Relation.EQUAL_TO, results.totalHitsRelation());
    SearchResults unlimitedResults = search(SearchRequest.builder("Kim").withPerArticle(0).build());
    assertEquals(20, unlimitedResults.totalHits());
    assertEquals(20, unlimitedResults.matchingPassages());
  }

  @Test
  void equalScoresAreOrderedByPassageId() throws IOException {
    List<Hit> hits = search(SearchRequest.builder("banquet").withPerArticle(0).build()).hits();
    assertEquals(
        List.of(
            SEED + "#19-19", SEED + "#16-16", SEED + "#17-17", SEED + "#18-18", SEED + "#20-20"),
        hits.stream().map(Hit::passageId).toList());
    assertEquals(hits.get(1).score(), hits.get(4).score());
  }

  @Test
  void paginationContinuesTheSameList() throws IOException {
    SearchRequest.Builder all = SearchRequest.builder("Kim summit").withPerArticle(0).withK(6);
    List<Hit> whole = search(all.build()).hits();
    List<Hit> page2 = search(all.withK(3).withOffset(3).build()).hits();
    assertEquals(
        whole.subList(3, 6).stream().map(Hit::passageId).toList(),
        page2.stream().map(Hit::passageId).toList());
    assertEquals(List.of(4, 5, 6), page2.stream().map(Hit::rank).toList());
  }

  @Test
  void dateFiltersIncludeTheirBounds() throws IOException {
    LocalDate day = LocalDate.of(2019, 1, 10);
    assertEquals(
        2,
        search(SearchRequest.builder("Kim").withSince(day).withUntil(day).build()).hits().size());
    assertEquals(
        0, search(SearchRequest.builder("Kim").withSince(day.plusDays(1)).build()).totalHits());
    assertEquals(
        0, search(SearchRequest.builder("Kim").withUntil(day.minusDays(1)).build()).totalHits());
  }

  @Test
  void exclusionsPhrasesAndExplanations() throws IOException {
    List<String> ids =
        search(SearchRequest.builder("\"second summit\" -DPRK").withPerArticle(0).build())
            .hits()
            .stream()
            .map(Hit::passageId)
            .toList();
    assertTrue(!ids.contains(SEED + "#12-12"), ids.toString());
    Hit explained =
        search(SearchRequest.builder("\"second summit\"").withExplain(true).build()).hits().get(0);
    assertEquals(SEED + "#12-12", explained.passageId());
    assertTrue(
        explained.explanation().contains("weight(text:\"second summit\""), explained.explanation());
  }

  @Test
  void secondStageReranksDeterministically() throws IOException {
    SearchRequest request =
        SearchRequest.builder("second summit sanctions").withPerArticle(0).withK(5).build();
    try (Searcher searcher =
        Searcher.builder(indexDir)
            .withReranker(dev.parley.query.rank.RerankModel.learned())
            .build()) {
      List<Hit> first = searcher.search(request).hits();
      // Second-stage scores are weighted sums of features in [0, 1], unlike BM25 scores.
      List<Hit> plain = search(request).hits();
      assertTrue(!first.get(0).equals(plain.get(0)), first.get(0) + " vs " + plain.get(0));
      List<Hit> again = searcher.search(request).hits();
      assertEquals(first, again);
      assertEquals(List.of(1, 2, 3, 4, 5), first.stream().map(Hit::rank).toList());
      for (int i = 1; i < first.size(); i++) {
        assertTrue(first.get(i - 1).score() >= first.get(i).score());
      }
      var candidates = searcher.rerankCandidates(request, 10);
      assertEquals(10, candidates.size());
      assertEquals(1.0, candidates.get(0).features()[0], 1e-9);
    }
  }
}
