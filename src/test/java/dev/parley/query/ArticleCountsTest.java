package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Indexer;
import dev.parley.query.result.FacetCount;
import dev.parley.query.result.Hit;
import dev.parley.query.result.SearchResults;
import dev.parley.query.result.Unit;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Article search counts on a lexical index written for the test: {@code totalHits} and {@code
 * ownTextHits} count articles and never move with the page (reviewer finding: an offset past the
 * end became totalHits and ownTextHits), {@code ownTextHits} counts the articles a passage of which
 * holds a query word itself, facets count articles, {@code collapse} folds wire copies, and a topic
 * browse scores each article with its best passage's topic score.
 */
class ArticleCountsTest {
  @TempDir static Path dir;
  static Searcher searcher;

  /** The fixture: article id to its paragraphs, and its month. */
  static final Map<String, List<String>> PARAGRAPHS = new LinkedHashMap<>();

  static final Map<String, String> MONTHS = new HashMap<>();

  /** The passage-mode test's sentences: the same kind of corpus, counted per article here. */
  static final String[] FILLER = PagingAndCountsTest.FILLER;

  @BeforeAll
  static void build() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    StringBuilder lines = new StringBuilder();
    Random random = new Random(11);
    for (int a = 0; a < 12; a++) {
      List<String> paragraphs = new ArrayList<>();
      // Every third article names the summit in its lead: all its passages match through it.
      paragraphs.add(a % 3 == 0 ? "Leaders prepared for the summit in Hanoi." : "News of the day.");
      for (int p = 0; p < 2 + a % 4; p++) {
        paragraphs.add(FILLER[random.nextInt(FILLER.length)] + " Item " + a + "-" + p + ".");
      }
      // Articles 10 and 11 end with the same wire paragraph (folded with collapse).
      if (a >= 10) {
        paragraphs.add("Negotiators from both sides met in Geneva for a new round of talks.");
      }
      String id = String.format(Locale.ROOT, "a%02d", a);
      PARAGRAPHS.put(id, paragraphs);
      MONTHS.put(id, "2020-0" + (1 + a % 3));
      lines.append(
          String.format(
              Locale.ROOT,
              "{\"id\":\"%s\",\"date\":\"2020-0%d-%02d\",\"paragraphs\":[%s]}%n",
              id,
              1 + a % 3,
              1 + a % 5,
              String.join(",", paragraphs.stream().map(p -> "\"" + p + "\"").toList())));
    }
    // A wire story and its copy under another id: the same paragraphs (folded with collapse).
    for (String id : List.of("wire1", "wire1copy")) {
      List<String> paragraphs =
          List.of(
              "Caracas: the embargo on Venezuela was extended by a year.",
              "Oil exports fell sharply after the decision, traders said.");
      PARAGRAPHS.put(id, paragraphs);
      MONTHS.put(id, "2020-02");
      lines.append(
          String.format(
              Locale.ROOT,
              "{\"id\":\"%s\",\"date\":\"2020-02-1%d\",\"paragraphs\":[%s]}%n",
              id,
              id.length() % 10,
              String.join(",", paragraphs.stream().map(p -> "\"" + p + "\"").toList())));
    }
    Files.writeString(in.resolve("articles.jsonl"), lines);
    try (Indexer indexer = Indexer.builder(dir.resolve("idx")).build()) {
      assertEquals(14, indexer.index(List.of(in)).articles());
    }
    searcher = Searcher.open(dir.resolve("idx"));
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  static SearchRequest.Builder articles(String query) {
    return SearchRequest.builder(query).withUnit(Unit.ARTICLE);
  }

  /** The articles with a paragraph that holds {@code word} (lower case, as a substring). */
  static long articlesSaying(String word) {
    return PARAGRAPHS.values().stream()
        .filter(ps -> ps.stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(word)))
        .count();
  }

  /**
   * Pages one article at a time up to past the end and far past it: every page has the same counts
   * as one big page, the pages together are the big page, and pages past the end are empty.
   */
  static void checkPaging(SearchRequest.Builder b, String where) throws IOException {
    SearchResults all = searcher.search(b.withK(SearchRequest.MAX_K).withOffset(0).build());
    assertEquals(SearchResults.Relation.EQUAL_TO, all.totalHitsRelation(), where);
    assertEquals(all.totalHits(), all.hits().size(), where + ": totalHits is the list's length");
    assertTrue(all.ownTextHits() <= all.totalHits(), where);
    List<String> paged = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    for (int offset = 0; offset <= all.totalHits() + 3; offset++) {
      offsets.add(offset);
    }
    for (int far : new int[] {9, 40, 500, SearchRequest.MAX_OFFSET}) {
      if (far > all.totalHits() + 3) {
        offsets.add(far);
      }
    }
    for (int offset : offsets) {
      SearchResults page = searcher.search(b.withK(1).withOffset(offset).build());
      assertEquals(all.totalHits(), page.totalHits(), where + " offset " + offset);
      assertEquals(all.ownTextHits(), page.ownTextHits(), where + " offset " + offset);
      assertEquals(all.totalHitsRelation(), page.totalHitsRelation(), where + " offset " + offset);
      if (offset < all.totalHits()) {
        assertEquals(1, page.hits().size(), where + " offset " + offset);
        paged.add(page.hits().get(0).passageId());
      } else {
        assertEquals(List.of(), page.hits(), where + ": nothing at offset " + offset);
      }
    }
    assertEquals(all.hits().stream().map(Hit::passageId).toList(), paged, where);
  }

  @Test
  void pagingPastTheEndKeepsEveryCount() throws IOException {
    for (String query :
        List.of("summit", "talks", "summit talks", "-summit", "", "Geneva", "xylophone")) {
      for (boolean collapse : new boolean[] {false, true}) {
        checkPaging(articles(query).withCollapse(collapse), "'" + query + "' collapse " + collapse);
      }
    }
    checkPaging(articles("").addTopic("summits"), "topic browse");
    checkPaging(articles("talks").addTopic("diplomacy"), "topic and words");
    checkPaging(articles("talks").withMatch(MatchMode.ALL).withExplain(true), "explained");
  }

  /** Random article requests, paged one at a time; the seed is printed to replay a failure. */
  @Test
  void randomArticleRequestsPageConsistently() throws IOException {
    long s = System.nanoTime();
    System.out.println("ArticleCountsTest seed " + s);
    Random random = new Random(s);
    String[] words = {"summit", "talks", "Geneva", "envoys", "oil", "-talks", "embargo", ""};
    for (int i = 0; i < 15; i++) {
      String query =
          (words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)]).strip();
      SearchRequest.Builder b =
          articles(query)
              .withCollapse(random.nextBoolean())
              .withMatch(random.nextBoolean() ? MatchMode.ALL : MatchMode.ANY);
      checkPaging(b, "seed " + s + " request " + i + " '" + query + "'");
    }
  }

  @Test
  void pagingPastTheFiftiethArticleKeepsTheOrder() throws IOException {
    // Past 1000 matching passages the articles come from a window of the top passages; a window
    // that grew with the page reordered every page past the 50th article (found on Reuters:
    // "summit talks" paged one at a time repeated an article).
    Path in = Files.createDirectories(dir.resolve("many"));
    StringBuilder lines = new StringBuilder();
    Random random = new Random(5);
    String[] filler = {"the", "markets", "rose", "envoys", "met", "in", "Geneva", "on", "Monday"};
    for (int a = 0; a < 700; a++) {
      // Articles differ in how long they are and how often they say the words, so the best
      // passage and the whole article rank them differently (what normalisation trades off).
      List<String> paragraphs = new ArrayList<>();
      for (int p = 0; p < 1 + random.nextInt(6); p++) {
        StringBuilder text = new StringBuilder(random.nextInt(3) == 0 ? "Trade" : "Talks");
        for (int w = 0; w < random.nextInt(25); w++) {
          text.append(' ').append(random.nextInt(8) == 0 ? "talks" : filler[random.nextInt(9)]);
        }
        paragraphs.add("\"" + text + ".\"");
      }
      lines.append(
          String.format(
              Locale.ROOT,
              "{\"id\":\"m%04d\",\"date\":\"2021-02-%02d\",\"paragraphs\":[%s]}%n",
              a,
              1 + a % 28,
              String.join(",", paragraphs)));
    }
    Files.writeString(in.resolve("many.jsonl"), lines);
    try (Indexer indexer = Indexer.builder(dir.resolve("many-idx")).build()) {
      indexer.index(List.of(in));
    }
    try (Searcher many = Searcher.open(dir.resolve("many-idx"))) {
      for (String query : List.of("talks", "talks trade")) {
        SearchRequest.Builder b = articles(query);
        SearchResults big = many.search(b.withK(120).withOffset(0).build());
        assertTrue(big.matchingPassages() >= 1000, query + " " + big.matchingPassages());
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 120; offset++) {
          SearchResults page = many.search(b.withK(1).withOffset(offset).build());
          assertEquals(big.totalHits(), page.totalHits(), query + " offset " + offset);
          paged.add(page.hits().get(0).articleId());
        }
        assertEquals(big.hits().stream().map(Hit::articleId).toList(), paged, query);
        assertEquals(
            big.hits().subList(60, 70).stream().map(Hit::articleId).toList(),
            many.search(b.withK(10).withOffset(60).build()).hits().stream()
                .map(Hit::articleId)
                .toList(),
            query + ": a page of 10 past the 50th article");
      }
    }
  }

  @Test
  void ownTextHitsCountTheArticlesWhosePassagesHoldTheWord() throws IOException {
    // Reviewer finding: ownTextHits counted every article ("xylophone zebra" 7 of 7).
    for (String word :
        List.of("summit", "geneva", "talks", "hanoi", "envoys", "venezuela", "xylophone")) {
      SearchResults r = searcher.search(articles(word).withK(50).build());
      assertEquals(articlesSaying(word), r.ownTextHits(), word);
      assertEquals(articlesSaying(word), r.totalHits(), word + ": a lead is a passage too");
    }
    // Two words: the articles saying either.
    SearchResults either = searcher.search(articles("Hanoi Geneva").withK(50).build());
    assertEquals(articlesSaying("hanoi") + articlesSaying("geneva"), either.ownTextHits());
    SearchResults browse = searcher.search(articles("").withK(50).build());
    assertEquals(14, browse.totalHits());
    assertEquals(14, browse.ownTextHits(), "a browse has no words to hold");
  }

  @Test
  void collapseFoldsWireCopiesIntoOneArticle() throws IOException {
    SearchResults apart = searcher.search(articles("Venezuela embargo").build());
    List<String> ids = apart.hits().stream().map(Hit::articleId).toList();
    assertEquals(List.of("wire1", "wire1copy"), ids.stream().sorted().toList());
    assertEquals(2, apart.totalHits());
    SearchResults folded =
        searcher.search(articles("Venezuela embargo").withCollapse(true).build());
    assertEquals(List.of(ids.get(0)), folded.hits().stream().map(Hit::articleId).toList());
    assertEquals(List.of(ids.get(1)), folded.hits().get(0).duplicates());
    assertEquals(1, folded.totalHits());
    assertEquals(1, folded.ownTextHits());
    SearchResults browse = searcher.search(articles("").withK(50).withCollapse(true).build());
    assertEquals(13, browse.totalHits(), "the copy folds in a browse too");
    assertEquals(13, browse.hits().size());
    // a10 and a11 share one wire paragraph but are different stories: not folded.
    assertEquals(
        2, searcher.search(articles("Geneva negotiators").withCollapse(true).build()).totalHits());
    // Articles that share only a passage (the four whose lead names the summit) are not copies.
    assertEquals(
        searcher.search(articles("summit").withK(50).build()).totalHits(),
        searcher.search(articles("summit").withK(50).withCollapse(true).build()).totalHits());
    assertEquals(
        searcher.search(articles("Hanoi").withK(50).build()).hits().size(),
        searcher.search(articles("Hanoi").withK(50).withCollapse(true).build()).hits().size());
  }

  @Test
  void facetsCountArticles() throws IOException {
    // Reviewer finding: with --articles the month facet counted passages (20 for one article).
    for (String query : List.of("summit", "talks", "", "Geneva")) {
      SearchResults r = searcher.search(articles(query).withK(50).withFacets(true).build());
      Map<String, Long> expected = new TreeMap<>();
      for (Hit h : r.hits()) {
        expected.merge(MONTHS.get(h.articleId()), 1L, Long::sum);
      }
      Map<String, Long> months = new TreeMap<>();
      for (FacetCount c : r.facets().get(Fields.MONTH)) {
        months.put(c.label(), c.count());
      }
      assertEquals(expected, months, query);
      SearchResults passages =
          searcher.search(
              SearchRequest.builder(query).withPerArticle(0).withK(50).withFacets(true).build());
      for (FacetCount topic : r.facets().get(Fields.TOPIC)) {
        assertTrue(topic.count() <= r.totalHits(), query + " " + topic);
        long perPassage =
            passages.facets().get(Fields.TOPIC).stream()
                .filter(c -> c.label().equals(topic.label()))
                .mapToLong(FacetCount::count)
                .sum();
        assertTrue(topic.count() <= perPassage, query + " " + topic);
      }
    }
  }

  @Test
  void topicBrowseScoresArticlesByTheirBestPassagesTopicScore() throws IOException {
    // Reviewer finding: a topic browse with --articles scored 1.0 and 0.0 (min-max normalised).
    SearchResults passages =
        searcher.search(
            SearchRequest.builder("")
                .addTopic("summits")
                .withPerArticle(0)
                .withK(SearchRequest.MAX_K)
                .build());
    Map<String, Float> best = new HashMap<>();
    for (Hit h : passages.hits()) {
      best.merge(h.articleId(), h.score(), Math::max);
    }
    SearchResults articles =
        searcher.search(articles("").addTopic("summits").withK(50).withExplain(true).build());
    assertEquals(best.size(), articles.totalHits());
    float previous = Float.MAX_VALUE;
    for (Hit h : articles.hits()) {
      assertEquals(best.get(h.articleId()), h.score(), 1e-6, h.articleId());
      assertTrue(h.score() <= previous, "best first");
      previous = h.score();
      assertTrue(
          h.explanation().contains("weighted topic score of its best passage"), h.toString());
    }
  }
}
