package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Indexer;
import dev.parley.query.result.Hit;
import dev.parley.query.result.SearchResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is counted is what can be paged: {@code totalHits} is the length of the ranked list after
 * the per-article limit and folding, so paging with {@code offset} through it yields exactly {@code
 * totalHits} hits, the same ones in the same order as one big page; {@code ownTextHits} counts the
 * hits whose own text holds the word; beyond the counting threshold the counts are lower bounds,
 * said so by {@code totalHitsRelation}.
 */
class PagingAndCountsTest {
  @TempDir static Path dir;
  static Searcher searcher;
  static Searcher seed;

  static final String[] FILLER = {
    "Officials met in the capital on Monday.",
    "The talks covered trade and security.",
    "Ministers said the summit would go ahead.",
    "A spokesman declined to comment on the talks.",
    "Markets rose after the announcement.",
    "Envoys were to meet again next week."
  };

  @BeforeAll
  static void build() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    StringBuilder lines = new StringBuilder();
    Random random = new Random(7);
    for (int a = 0; a < 12; a++) {
      List<String> paragraphs = new ArrayList<>();
      // Every third article has "summit" in its lead, so all its passages match through context.
      paragraphs.add(a % 3 == 0 ? "Leaders prepared for the summit in Hanoi." : "News of the day.");
      for (int p = 0; p < 2 + a % 4; p++) {
        paragraphs.add(FILLER[random.nextInt(FILLER.length)] + " Item " + a + "-" + p + ".");
      }
      // Articles 10 and 11 carry the same wire paragraph (folded with collapse).
      if (a >= 10) {
        paragraphs.add("Negotiators from both sides met in Geneva for a new round of talks.");
      }
      lines.append(
          String.format(
              Locale.ROOT,
              "{\"id\":\"a%02d\",\"date\":\"2020-01-%02d\",\"paragraphs\":[%s]}%n",
              a,
              1 + a % 5,
              String.join(",", paragraphs.stream().map(p -> "\"" + p + "\"").toList())));
    }
    Files.writeString(in.resolve("articles.jsonl"), lines);
    try (Indexer indexer = Indexer.builder(dir.resolve("idx")).build()) {
      assertEquals(12, indexer.index(List.of(in)).articles());
    }
    searcher = Searcher.open(dir.resolve("idx"));
    try (Indexer indexer = Indexer.builder(dir.resolve("seed")).build()) {
      indexer.index(List.of(Path.of("seeds")));
    }
    seed = Searcher.open(dir.resolve("seed"));
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
    seed.close();
  }

  static SearchRequest.Builder request(String query, int perArticle, boolean collapse) {
    return SearchRequest.builder(query).withPerArticle(perArticle).withCollapse(collapse);
  }

  /** Pages through the list {@code k} at a time and checks it against one big page. */
  static void checkPaging(SearchRequest.Builder b, int k, String where) throws IOException {
    SearchResults all = searcher.search(b.withK(SearchRequest.MAX_K).withOffset(0).build());
    assertEquals(SearchResults.Relation.EQUAL_TO, all.totalHitsRelation(), where);
    assertEquals(all.totalHits(), all.hits().size(), where + ": totalHits is the list's length");
    assertTrue(all.matchingPassages() >= all.totalHits(), where);
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset <= all.totalHits(); offset += k) {
      SearchResults page = searcher.search(b.withK(k).withOffset(offset).build());
      assertEquals(all.totalHits(), page.totalHits(), where + " offset " + offset);
      assertEquals(all.ownTextHits(), page.ownTextHits(), where + " offset " + offset);
      page.hits().forEach(h -> paged.add(h.passageId()));
      if (offset + k < all.totalHits()) {
        assertEquals(k, page.hits().size(), where + ": a full page before the end");
      }
    }
    assertEquals(all.hits().stream().map(Hit::passageId).toList(), paged, where);
    SearchResults past = searcher.search(b.withK(k).withOffset((int) all.totalHits()).build());
    assertEquals(List.of(), past.hits(), where + ": nothing after totalHits");
  }

  @Test
  void pagingYieldsExactlyTotalHitsForEveryKindOfList() throws IOException {
    for (String query : List.of("summit", "talks", "summit talks", "-summit", "", "Geneva")) {
      for (int perArticle : new int[] {0, 1, 2, 3}) {
        for (boolean collapse : new boolean[] {false, true}) {
          String where = "'" + query + "' perArticle " + perArticle + " collapse " + collapse;
          checkPaging(request(query, perArticle, collapse), 3, where);
        }
      }
    }
    checkPaging(SearchRequest.builder("").addTopic("summits"), 2, "topic browse");
    checkPaging(SearchRequest.builder("talks").addTopic("diplomacy"), 2, "topic and words");
    checkPaging(SearchRequest.builder("").withRecencyHalfLife(3), 4, "recency browse");
    checkPaging(
        SearchRequest.builder("talks").withMatch(MatchMode.ALL).withSince(LocalDates.of(3)),
        2,
        "dates");
  }

  @Test
  void ownTextHitsCountsTheHitsThatHoldTheWord() throws IOException {
    for (int perArticle : new int[] {0, 1, 2}) {
      SearchResults r = searcher.search(request("summit", perArticle, false).withK(1000).build());
      long holding =
          r.hits().stream()
              .filter(h -> h.text().toLowerCase(Locale.ROOT).contains("summit"))
              .count();
      assertEquals(holding, r.ownTextHits(), "perArticle " + perArticle);
      if (perArticle == 0) {
        assertTrue(r.ownTextHits() < r.totalHits(), "some match only through the lead");
      }
    }
    SearchResults browse = searcher.search(SearchRequest.builder("").withPerArticle(0).build());
    assertEquals(browse.totalHits(), browse.ownTextHits(), "a browse has no words to hold");
  }

  /** The examples on the seed article. */
  @Test
  void theSeedExamples() throws IOException {
    SearchResults summit = seed.search(SearchRequest.builder("summit").withPerArticle(0).build());
    assertEquals(20, summit.totalHits());
    assertEquals(6, summit.ownTextHits(), "6 passages say summit; 14 match through the lead");
    SearchResults sanctions = seed.search(SearchRequest.of("sanctions"));
    assertEquals(2, sanctions.totalHits(), "the default keeps 2 passages of one article");
    assertEquals(3, sanctions.matchingPassages());
    assertEquals(2, sanctions.hits().size());
    assertEquals(
        List.of(),
        seed.search(SearchRequest.builder("sanctions").withOffset(2).build()).hits(),
        "offset 2 is past the end, as totalHits says");
  }

  /** Random lists, random pages: the seed is printed so a failure can be replayed. */
  @Test
  void randomRequestsPageConsistently() throws IOException {
    long s = System.nanoTime();
    System.out.println("PagingAndCountsTest seed " + s);
    Random random = new Random(s);
    String[] words = {"summit", "talks", "Geneva", "envoys", "markets", "-talks", "trade", ""};
    for (int i = 0; i < 40; i++) {
      String query =
          words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
      SearchRequest.Builder b =
          request(query.strip(), random.nextInt(4), random.nextBoolean())
              .withMatch(random.nextBoolean() ? MatchMode.ALL : MatchMode.ANY);
      checkPaging(b, 1 + random.nextInt(5), "seed " + s + " request " + i + " '" + query + "'");
    }
  }

  @Test
  void beyondTheThresholdCountsAreLowerBounds() throws IOException {
    Path in = Files.createDirectories(dir.resolve("many"));
    StringBuilder lines = new StringBuilder();
    for (int a = 0; a < 1100; a++) {
      lines.append(
          String.format(
              Locale.ROOT,
              "{\"id\":\"m%04d\",\"date\":\"2021-02-%02d\",\"paragraphs\":[\"Talks number %d.\","
                  + "\"More talks on item %d.\"]}%n",
              a,
              1 + a % 28,
              a,
              a));
    }
    Files.writeString(in.resolve("many.jsonl"), lines);
    try (Indexer indexer = Indexer.builder(dir.resolve("many-idx")).build()) {
      indexer.index(List.of(in));
    }
    try (Searcher many = Searcher.open(dir.resolve("many-idx"))) {
      SearchResults r = many.search(SearchRequest.builder("talks").withK(10).build());
      assertEquals(SearchResults.Relation.GREATER_THAN_OR_EQUAL_TO, r.totalHitsRelation());
      assertTrue(r.matchingPassages() >= 1000, "" + r.matchingPassages());
      assertTrue(r.totalHits() >= 10, "at least the hits shown: " + r.totalHits());
      SearchResults unlimited =
          many.search(SearchRequest.builder("talks").withK(10).withPerArticle(0).build());
      assertEquals(unlimited.matchingPassages(), unlimited.totalHits());
      assertEquals(SearchResults.Relation.GREATER_THAN_OR_EQUAL_TO, unlimited.totalHitsRelation());
      SearchResults browse = many.search(SearchRequest.builder("").withK(5).build());
      assertEquals(SearchResults.Relation.GREATER_THAN_OR_EQUAL_TO, browse.totalHitsRelation());
      SearchResults narrow = many.search(SearchRequest.of("\"talks number 7\""));
      assertEquals(SearchResults.Relation.EQUAL_TO, narrow.totalHitsRelation());
      assertEquals(2, narrow.totalHits(), "the lead and, through it, the second paragraph");
      assertEquals(1, narrow.ownTextHits());
    }
  }

  /** Dates of the fixture. */
  static final class LocalDates {
    static java.time.LocalDate of(int day) {
      return java.time.LocalDate.of(2020, 1, day);
    }
  }
}
