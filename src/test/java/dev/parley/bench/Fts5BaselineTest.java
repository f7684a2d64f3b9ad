package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FTS5 baseline set up as documented: porter stemming, contentless, bm25 top 10. */
class Fts5BaselineTest {
  @TempDir Path dir;

  @Test
  void queriesAreOrDisjunctionsOfQuotedWords() {
    assertEquals("\"six\" OR \"party\" OR \"talks\"", Fts5Baseline.query("six-party talks"));
    // FTS5 operators and syntax characters are plain words once quoted.
    assertEquals("\"NOT\" OR \"NEAR\" OR \"a\"", Fts5Baseline.query("NOT NEAR(a*)"));
    assertEquals("\"Sánchez\" OR \"2004\"", Fts5Baseline.query("\"Sánchez\" 2004"));
    assertNull(Fts5Baseline.query(" -- ** "));
  }

  @Test
  void ranksStemmedMatchesByBm25() throws IOException {
    Path db = dir.resolve("t.db");
    try (Fts5Baseline fts5 = new Fts5Baseline(db)) {
      fts5.add("The summit ended without agreement."); // rowid 1
      fts5.add("Ministers talked about sanctions on oil."); // 2
      fts5.add("Talks, talks and more talks about a summit."); // 3
      fts5.add("Weather was fine."); // 4
      fts5.finish();
    }
    try (Fts5Baseline.Searcher searcher = new Fts5Baseline.Searcher(db)) {
      // "talk" matches talked and talks through the porter stemmer; row 3 has it thrice.
      assertArrayEquals(new long[] {3, 2}, searcher.search("talk"));
      assertArrayEquals(new long[] {}, searcher.search("embargo"));
      assertArrayEquals(new long[] {}, searcher.search("!!"));
      assertEquals(4, searcher.search("summit OR sanctions OR weather").length);
    }
  }
}
