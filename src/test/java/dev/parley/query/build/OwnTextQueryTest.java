package dev.parley.query.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.ParleyAnalyzer;
import dev.parley.query.MatchMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link QueryFactory#buildWithOwnText}: from one analysis, the relevance query equals {@link
 * QueryFactory#build}'s and the own-text query equals what a factory with context weight 0 builds
 * (the separate factory the searcher used before): pinned on fixed queries and on random ones
 * (words, entity names, quoted phrases, OR groups, exclusions, stop words; printed seed).
 */
class OwnTextQueryTest {
  private static final AnalysisConfig ANALYSIS = AnalysisConfig.defaults();
  private static final Gazetteer GAZETTEER = Gazetteer.defaults();
  private static final QueryFactory WITH_CONTEXT = factory(0.2f);
  private static final QueryFactory TEXT_ONLY = factory(0f);

  private static QueryFactory factory(float contextWeight) {
    return new QueryFactory(
        ParleyAnalyzer.forQueries(ANALYSIS, GAZETTEER),
        ParleyAnalyzer.forPhrases(ANALYSIS, GAZETTEER),
        contextWeight);
  }

  @Test
  void theOwnTextQueryOfTwoWordsHasNoContextClauses() {
    QueryFactory.Built built =
        WITH_CONTEXT.buildWithOwnText(SimpleQuery.parse("grain talks"), MatchMode.ANY);
    assertEquals("text:grain text:talks", built.ownText().toString());
    assertEquals(
        "text:grain (context:grain)^0.2 text:talks (context:talks)^0.2", built.query().toString());
  }

  @Test
  void withoutContextBothAreOneQuery() {
    QueryFactory.Built built =
        TEXT_ONLY.buildWithOwnText(SimpleQuery.parse("grain talks"), MatchMode.ALL);
    assertSame(built.query(), built.ownText());
  }

  @Test
  void randomQueriesGiveWhatTwoFactoriesGave() {
    long seed = System.nanoTime();
    System.out.println("OwnTextQueryTest seed " + seed);
    Random random = new Random(seed);
    String[] words = {
      "North Korea", "DPRK", "US", "United States", "talks", "summit", "the", "of", "sanctions",
      "Soviet Union", "grain", "UN", "Gulf", "Iran", "EC", "farm", "ministers", "Bundesbank"
    };
    for (int i = 0; i < 500; i++) {
      StringBuilder q = new StringBuilder();
      for (int w = 0, n = random.nextInt(6); w < n; w++) {
        String word = words[random.nextInt(words.length)];
        switch (random.nextInt(6)) {
          case 0 ->
              q.append('"')
                  .append(word)
                  .append(' ')
                  .append(words[random.nextInt(words.length)])
                  .append("\" ");
          case 1 -> q.append('-').append(word.split(" ")[0]).append(' ');
          case 2 ->
              q.append(word).append(" OR ").append(words[random.nextInt(words.length)]).append(' ');
          default -> q.append(word).append(' ');
        }
      }
      String text = q.toString().trim();
      SimpleQuery parsed;
      try {
        parsed = SimpleQuery.parse(text);
      } catch (IllegalArgumentException e) {
        continue; // a query the syntax refuses (an exclusion alone, say): nothing to build
      }
      for (MatchMode mode : MatchMode.values()) {
        QueryFactory.Built built = WITH_CONTEXT.buildWithOwnText(parsed, mode);
        String where = "seed " + seed + ": '" + text + "' (" + mode + ")";
        assertEquals(WITH_CONTEXT.build(parsed, mode), built.query(), where);
        assertEquals(TEXT_ONLY.build(parsed, mode), built.ownText(), where);
      }
    }
  }
}
