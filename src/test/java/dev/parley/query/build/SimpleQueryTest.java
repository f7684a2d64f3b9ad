package dev.parley.query.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.ParleyAnalyzer;
import dev.parley.query.MatchMode;
import java.util.List;
import java.util.Random;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;

class SimpleQueryTest {
  private static SimpleQuery.Term w(String s) {
    return new SimpleQuery.Term(s, false);
  }

  private static SimpleQuery.Term p(String s) {
    return new SimpleQuery.Term(s, true);
  }

  @Test
  void wordsPhrasesExclusionsAndOr() {
    SimpleQuery q =
        SimpleQuery.parse("  sanctions \"North Korea\" -oil -\"crude oil\" iran OR iraq OR  ");
    assertEquals(
        List.of(List.of(w("sanctions")), List.of(p("North Korea")), List.of(w("iran"), w("iraq"))),
        q.groups());
    assertEquals(List.of(w("oil"), p("crude oil")), q.exclusions());
  }

  @Test
  void otherSyntaxIsJustText() {
    SimpleQuery q = SimpleQuery.parse("title:(a* AND b~2) \"unclosed phrase");
    assertEquals(
        List.of(
            List.of(w("title:(a*")),
            List.of(w("AND")),
            List.of(w("b~2)")),
            List.of(p("unclosed phrase"))),
        q.groups());
    assertTrue(SimpleQuery.parse(" \"\"  \" ").isEmpty());
  }

  @Test
  void emptyBrowsesAndStopWordsAreSearchedWhenNothingElseIsLeft() {
    AnalysisConfig config = AnalysisConfig.defaults();
    QueryFactory f =
        new QueryFactory(
            ParleyAnalyzer.forQueries(config), ParleyAnalyzer.forPhrases(config), 0.2f);
    assertEquals(new MatchAllDocsQuery(), f.build(SimpleQuery.parse(""), MatchMode.ANY));
    // only stop words: searched (the index keeps them); one flat disjunction of text and context
    assertEquals(
        "text:the (context:the)^0.2 text:of (context:of)^0.2",
        f.build(SimpleQuery.parse("the of"), MatchMode.ANY).toString());
    // with every word required, each word stays one clause over both fields
    assertEquals(
        "+(text:the (context:the)^0.2) +(text:of (context:of)^0.2)",
        f.build(SimpleQuery.parse("the of"), MatchMode.ALL).toString());
    // beside other words they are dropped; in a phrase they are kept
    assertEquals(
        "text:deal (context:deal)^0.2",
        f.build(SimpleQuery.parse("no deal"), MatchMode.ANY).toString());
    assertEquals(
        "text:\"no deal\" (context:\"no deal\")^0.2",
        f.build(SimpleQuery.parse("\"no deal\""), MatchMode.ANY).toString());
    // an index built without stop words: the query says why it finds nothing
    AnalysisConfig old =
        new AnalysisConfig(
            AnalysisConfig.Stemmer.KSTEM,
            AnalysisConfig.StopWords.ENGLISH,
            AnalysisConfig.Spelling.AMERICAN);
    QueryFactory g =
        new QueryFactory(ParleyAnalyzer.forQueries(old), ParleyAnalyzer.forPhrases(old), 0.2f);
    assertEquals(
        "MatchNoDocsQuery(\"every query word is a stop word, and this index was built without stop"
            + " words\")",
        g.build(SimpleQuery.parse("the of"), MatchMode.ANY).toString());
    assertEquals(
        "text:sanction (context:sanction)^0.2 text:iran (context:iran)^0.2 -text:oil",
        f.build(SimpleQuery.parse("sanctions iran -oil"), MatchMode.ANY).toString());
    assertEquals(
        "+(text:sanction (context:sanction)^0.2) +(text:\"north korea\" (context:\"north korea\")^0.2)",
        f.build(SimpleQuery.parse("sanctions \"north korea\""), MatchMode.ALL).toString());
  }

  /** Property: no string makes parsing or query building throw. */
  @Test
  void randomStringsNeverThrow() {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "SimpleQueryTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    QueryFactory f =
        new QueryFactory(
            ParleyAnalyzer.forQueries(AnalysisConfig.defaults()),
            ParleyAnalyzer.forPhrases(AnalysisConfig.defaults()),
            0.2f);
    String alphabet =
        "ab \"-OR*?~^:()[]{}\\/!&|+\t\nİı😀\u0000'’\u00AD\u200B\u200C\u200D\uFEFF\u0306\u2028ABIS";
    for (int i = 0; i < 5000; i++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(40);
      for (int j = 0; j < n; j++) {
        int cp =
            random.nextInt(8) == 0
                ? random.nextInt(0x30000)
                : alphabet.codePointAt(random.nextInt(alphabet.length() - 1));
        if (Character.isValidCodePoint(cp) && !Character.isSurrogate((char) cp)) {
          b.appendCodePoint(cp);
        }
      }
      String text = b.toString();
      SimpleQuery q = SimpleQuery.parse(text);
      for (MatchMode mode : MatchMode.values()) {
        assertTrue(f.build(q, mode) != null, "seed " + seed + " input " + text);
      }
    }
  }
}
