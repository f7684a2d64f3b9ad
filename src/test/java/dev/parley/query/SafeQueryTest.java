package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.ParleyAnalyzer;
import dev.parley.indexer.Indexer;
import dev.parley.query.build.QueryFactory;
import dev.parley.query.build.SimpleQuery;
import dev.parley.query.result.ResultsJson;
import dev.parley.query.result.SearchResults;
import dev.parley.testutil.StrictJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Untrusted queries cannot hurt the service: bounded size, no term expansion, a time limit, and for
 * any string either a precise {@link IllegalArgumentException} or well-formed results.
 */
class SafeQueryTest {
  @TempDir static Path tmp;
  static Path index;
  static Searcher searcher;

  @BeforeAll
  static void indexSeeds() throws IOException {
    index = tmp.resolve("idx");
    try (Indexer indexer = Indexer.builder(index).build()) {
      indexer.index(List.of(Path.of("seeds")));
    }
    searcher = Searcher.open(index);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  @Test
  void requestSizeIsBoundedWithPreciseMessages() {
    assertEquals(
        "query is 1001 characters long, at most 1000",
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("a".repeat(1001)))
            .getMessage());
    assertEquals(
        "query has 101 words and phrases, at most 100",
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("w ".repeat(101)))
            .getMessage());
    assertEquals(
        "k must be in [1, 1000], got: 1001",
        assertThrows(
                IllegalArgumentException.class,
                () -> SearchRequest.builder("x").withK(1001).build())
            .getMessage());
    assertEquals(
        "offset must be in [0, 10000], got: 10001",
        assertThrows(
                IllegalArgumentException.class,
                () -> SearchRequest.builder("x").withOffset(10_001).build())
            .getMessage());
    assertEquals(
        "timeout must be in (0, PT1H], got: PT0S",
        assertThrows(
                IllegalArgumentException.class,
                () -> Searcher.builder(index).withTimeout(Duration.ZERO))
            .getMessage());
  }

  @Test
  void theSyntaxHasNoWildcardsRegexpsFuzzyOrRanges() {
    QueryFactory factory =
        new QueryFactory(
            ParleyAnalyzer.forQueries(AnalysisConfig.defaults(), Gazetteer.defaults()), 0.2f);
    for (String text :
        List.of(
            "*ing",
            "sum*",
            "te?t",
            "summit~2",
            "summit~",
            "/.*/",
            "/[a-z]+/",
            "text:summit",
            "[a TO z]",
            "{a TO z}",
            "(kim AND trump)^3",
            "\\*",
            "a* OR *b",
            "\"north korea\"~10",
            "-*")) {
      for (MatchMode mode : MatchMode.values()) {
        Query q = factory.build(SimpleQuery.parse(text), mode);
        q.visit(
            new QueryVisitor() {
              @Override
              public void consumeTermsMatching(
                  Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                fail("'" + text + "' expanded terms through " + query);
              }

              @Override
              public void visitLeaf(Query query) {
                assertFalse(query instanceof MultiTermQuery, text + " gave " + query);
              }

              @Override
              public QueryVisitor getSubVisitor(
                  org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
              }
            });
      }
    }
  }

  @Test
  void aSearchThatReachesItsTimeLimitReturnsPartialResultsFlagged() throws IOException {
    SearchRequest request = SearchRequest.builder("summit").withFacets(true).build();
    SearchResults complete = searcher.search(request);
    assertFalse(complete.partial());
    assertTrue(complete.totalHits() > 0);
    try (Searcher hurried = Searcher.builder(index).withTimeout(Duration.ofNanos(1)).build()) {
      SearchResults cut = hurried.search(request);
      assertTrue(cut.partial());
      assertTrue(cut.totalHits() < complete.totalHits(), cut.totalHits() + " hits");
      JsonObject json = StrictJson.parseObject(ResultsJson.toJson(cut));
      assertTrue(json.get("partial").getAsBoolean());
    }
  }

  /** Pieces random queries are made of: syntax of several query languages, and odd text. */
  private static final List<String> PIECES =
      List.of(
          "summit",
          "Kim",
          "North Korea",
          "DPRK",
          "US",
          "sanctions",
          "banquet",
          "the",
          "a",
          "OR",
          "or",
          "AND",
          "NOT",
          "-",
          "--",
          "\"",
          "\"\"",
          "*",
          "?",
          "~",
          "~2",
          "^",
          "^3",
          ":",
          "text:",
          "(",
          ")",
          "[",
          "]",
          "{",
          "}",
          "/",
          "\\",
          "&&",
          "||",
          "!",
          "+",
          "#",
          "@",
          "%",
          " ",
          "  ",
          "\t",
          "\n",
          "\r\n",
          "\u00a0",
          "\u2028",
          "\u3000",
          "\u0000",
          "\u0007",
          "\u001b[31m",
          "\ud83d\ude00",
          "\ud83d",
          "\ude00",
          "\u0130stanbul",
          "\u0131",
          "\u00df",
          "e\u0301",
          "\u05e9\u05dc\u05d5\u05dd",
          "\u5317\u671d\u9bae",
          "\ufeff",
          "\uffff",
          "a".repeat(300),
          "9".repeat(40),
          "2019-01-10",
          "<em>",
          "</em>",
          "&amp;",
          "\\u0041");

  private static String randomQuery(Random random) {
    StringBuilder b = new StringBuilder();
    int pieces = random.nextInt(20) == 0 ? 400 : random.nextInt(12);
    for (int i = 0; i < pieces; i++) {
      if (random.nextInt(4) == 0) {
        b.append((char) random.nextInt(0x10000)); // anything, unpaired surrogates included
      } else {
        b.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      if (random.nextBoolean()) {
        b.append(' ');
      }
    }
    return b.toString();
  }

  private static final Set<String> RESULT_KEYS = Set.of("query", "totalHits", "partial", "hits");

  @Test
  void randomStringsNeverEscapeAsExceptionsAndAlwaysGiveWellFormedJson() throws IOException {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println("SafeQueryTest random queries: -Dparley.seed=" + seed);
    Random random = new Random(seed);
    int searched = 0;
    List<String> refused = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      String text = randomQuery(random);
      String where = "seed " + seed + ", query " + i + ": " + text.length() + " chars";
      SearchRequest request;
      try {
        request =
            SearchRequest.builder(text)
                .withK(1 + random.nextInt(20))
                .withOffset(random.nextInt(5))
                .withPerArticle(random.nextInt(3))
                .withMatch(random.nextBoolean() ? MatchMode.ALL : MatchMode.ANY)
                .withCollapse(random.nextInt(4) == 0)
                .withFacets(random.nextInt(4) == 0)
                .build();
      } catch (IllegalArgumentException e) {
        assertTrue(
            e.getMessage()
                .matches("query (is \\d+ characters long, at most 1000|has \\d+ words.*)"),
            where + ": " + e.getMessage());
        refused.add(e.getMessage());
        continue;
      }
      SearchResults results;
      try {
        results = searcher.search(request);
      } catch (RuntimeException e) {
        throw new AssertionError(where + ": " + e, e);
      }
      searched++;
      JsonObject json = StrictJson.parseObject(ResultsJson.toJson(results));
      assertTrue(json.keySet().containsAll(RESULT_KEYS), where + ": " + json.keySet());
      assertEquals(text, json.get("query").getAsString(), where);
      assertEquals(results.hits().size(), json.getAsJsonArray("hits").size(), where);
    }
    assertTrue(searched > 400, searched + " searched, " + refused.size() + " refused");
  }

  @Test
  void theLongestQueryOfSynonymRichWordsStillRuns() throws IOException {
    String[] aliases = {"US", "DPRK", "UN", "EU", "Pyongyang", "Washington", "Beijing", "Seoul"};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < SearchRequest.MAX_QUERY_TERMS; i++) {
      text.append(aliases[i % aliases.length]).append(i % 3 == 0 ? " OR " : " ");
    }
    SearchResults results = searcher.search(SearchRequest.of(text.toString()));
    assertTrue(results.totalHits() > 0);
    String phrases = "\"North Korea\" \"US\" ".repeat(SearchRequest.MAX_QUERY_TERMS / 2);
    for (MatchMode mode : MatchMode.values()) {
      SearchRequest request = SearchRequest.builder(phrases).withMatch(mode).build();
      assertTrue(searcher.search(request).totalHits() > 0, mode.toString());
    }
  }
}
