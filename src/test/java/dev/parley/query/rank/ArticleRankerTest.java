package dev.parley.query.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Grouping passages into articles and scoring them, by hand. */
class ArticleRankerTest {

  static FieldDoc p(int doc, float score, String id) {
    return new FieldDoc(doc, score, new Object[] {score, new BytesRef(id)});
  }

  static ArticleRanker.Part lex(int doc, String id, double score) {
    return new ArticleRanker.Part(doc, id, score, Double.NaN);
  }

  static ArticleRanker.Candidate article(String id, double article, double entities, double... s) {
    List<ArticleRanker.Part> parts = new ArrayList<>();
    for (int i = 0; i < s.length; i++) {
      parts.add(lex((id.hashCode() & 0xffff) * 10 + i, id + "#" + i + "-" + i, s[i]));
    }
    return new ArticleRanker.Candidate(id, parts, article, entities);
  }

  @Test
  void groupKeepsEveryPassageOfAnArticleInIdOrder() {
    ScoreDoc[] ranked = {
      p(1, 9f, "a#3-3"), p(2, 8f, "b#0-0"), p(3, 7f, "a#1-1"), p(4, 6f, "a#0-0"), p(5, 1f, "c#2-2")
    };
    List<ArticleRanker.Candidate> g = ArticleRanker.group(ranked);
    assertEquals(
        List.of(
            new ArticleRanker.Candidate(
                "a", List.of(lex(4, "a#0-0", 6), lex(3, "a#1-1", 7), lex(1, "a#3-3", 9)), 0, 0),
            new ArticleRanker.Candidate("b", List.of(lex(2, "b#0-0", 8)), 0, 0),
            new ArticleRanker.Candidate("c", List.of(lex(5, "c#2-2", 1)), 0, 0)),
        g);
    List<ArticleRanker.Scored> r = ArticleRanker.rank(g, ArticleModel.bestPassage());
    assertEquals(List.of("a#3-3", "b#0-0", "c#2-2"), best(r));
    assertEquals(List.of(1.0, 7.0 / 8, 0.0), scores(r));
  }

  @Test
  void articleEvidenceCanLiftAnArticle() {
    List<ArticleRanker.Candidate> cs =
        List.of(article("a", 1, 0, 10), article("b", 5, 0, 8), article("c", 3, 0, 2));
    // best normalised: 1, 0.75, 0; article normalised: 0, 1, 0.5
    assertEquals(List.of("a", "b", "c"), ids(ArticleRanker.rank(cs, ArticleModel.bestPassage())));
    List<ArticleRanker.Scored> withArticle = ArticleRanker.rank(cs, new ArticleModel(1, 0.5, 0, 0));
    assertEquals(List.of("b", "a", "c"), ids(withArticle));
    assertEquals(List.of(0.75 + 0.5, 1.0, 0.25), scores(withArticle));
  }

  @Test
  void severalGoodPassagesAndTheQueryEntitiesCount() {
    // a: one strong passage; b: three good ones; c: a weaker one, but it names the query's
    // entities. Top-3 sums 10, 21, 6 -> 4/15, 1, 0; entities 0, 0, 1.
    List<ArticleRanker.Candidate> cs =
        List.of(article("a", 0, 0, 10), article("b", 0, 0, 7, 7, 7), article("c", 0, 1, 6));
    assertEquals(List.of("a", "b", "c"), ids(ArticleRanker.rank(cs, ArticleModel.bestPassage())));
    assertEquals(List.of("b", "a", "c"), ids(ArticleRanker.rank(cs, new ArticleModel(1, 0, 2, 0))));
    List<ArticleRanker.Scored> withEntities = ArticleRanker.rank(cs, new ArticleModel(1, 0, 0, 2));
    assertEquals(List.of("c", "a", "b"), ids(withEntities));
    assertEquals(List.of(2.0, 1.0, 0.25), scores(withEntities));
  }

  @Test
  void onlyTheThreeBestPassagesAreSummed() {
    // a: 5, 5, 5, 5 (top 3: 15); b: 6, 4.5, 4.5 (top 3: 15): same sum, b's best is higher.
    List<ArticleRanker.Candidate> cs =
        List.of(article("a", 0, 0, 5, 5, 5, 5), article("b", 0, 0, 6, 4.5, 4.5));
    List<ArticleRanker.Scored> r = ArticleRanker.rank(cs, new ArticleModel(1, 0, 10, 0));
    assertEquals(List.of("b", "a"), ids(r));
    assertEquals(List.of(1 + 10 * 1.0, 0 + 10 * 1.0), scores(r));
  }

  @Test
  void hybridPassagesAreFusedWithTheModelsLexicalShare() {
    // x: lexical 1, cosine 0; y: lexical 0.3, cosine 1.
    List<ArticleRanker.Candidate> cs =
        List.of(
            new ArticleRanker.Candidate(
                "x", List.of(new ArticleRanker.Part(1, "x#0-0", 1, 0)), 0, 0),
            new ArticleRanker.Candidate(
                "y", List.of(new ArticleRanker.Part(2, "y#0-0", 0.3, 1)), 0, 0));
    assertEquals(List.of("x", "y"), ids(ArticleRanker.rank(cs, ArticleModel.bestPassage(0.8))));
    assertEquals(List.of("y", "x"), ids(ArticleRanker.rank(cs, ArticleModel.bestPassage(0.4))));
    // The best passage changes with the share too.
    ArticleRanker.Candidate both =
        new ArticleRanker.Candidate(
            "z",
            List.of(
                new ArticleRanker.Part(3, "z#0-0", 1, 0),
                new ArticleRanker.Part(4, "z#1-1", 0.3, 1)),
            0,
            0);
    assertEquals(
        "z#0-0",
        ArticleRanker.rank(List.of(both), ArticleModel.bestPassage(0.8)).get(0).best().passageId());
    assertEquals(
        "z#1-1",
        ArticleRanker.rank(List.of(both), ArticleModel.bestPassage(0.4)).get(0).best().passageId());
  }

  @Test
  void tiesGoToTheBestPassageId() {
    List<ArticleRanker.Candidate> cs = List.of(article("z", 0, 0, 4), article("m", 0, 0, 4));
    assertEquals(List.of("m", "z"), ids(ArticleRanker.rank(cs, ArticleModel.learnedLexical())));
    // Within an article, equal passages: the smaller id is the best one.
    ArticleRanker.Candidate twins =
        new ArticleRanker.Candidate("t", List.of(lex(2, "t#1-1", 3), lex(1, "t#0-0", 3)), 0, 0);
    assertEquals(
        "t#0-0",
        ArticleRanker.rank(List.of(twins), ArticleModel.learnedLexical())
            .get(0)
            .best()
            .passageId());
  }

  @Test
  void theOrderDoesNotDependOnTheInputOrder() {
    long seed = new Random().nextLong();
    System.out.println("ArticleRankerTest seed " + seed);
    Random random = new Random(seed);
    List<ArticleRanker.Candidate> cs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int n = 1 + random.nextInt(4);
      double[] s = new double[n];
      for (int j = 0; j < n; j++) {
        s[j] = random.nextInt(5); // few values: many ties
      }
      cs.add(article("a" + i, random.nextInt(3), random.nextInt(2), s));
    }
    ArticleModel model = new ArticleModel(1, 0.5, 0.2, 0.3);
    List<ArticleRanker.Scored> first = ArticleRanker.rank(cs, model);
    List<ArticleRanker.Candidate> shuffled = new ArrayList<>(cs);
    Collections.shuffle(shuffled, random);
    assertEquals(first, ArticleRanker.rank(shuffled, model), "seed " + seed);
    for (int i = 1; i < first.size(); i++) {
      ArticleRanker.Scored a = first.get(i - 1);
      ArticleRanker.Scored b = first.get(i);
      boolean ordered =
          a.score() > b.score()
              || (a.score() == b.score()
                  && a.best().passageId().compareTo(b.best().passageId()) < 0);
      assertEquals(true, ordered, "seed " + seed + " at " + i);
    }
  }

  @Test
  void sharesOutOfRangeAreRefusedWithTheValues() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ArticleModel(1, -1, 0, 0));
    assertEquals("article shares must be in [0, 10], got: -1.0, 0.0, 0.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ArticleModel(1.5, 0, 0, 0));
    assertEquals("lexicalShare must be in [0, 1], got: 1.5", e.getMessage());
  }

  private static List<String> ids(List<ArticleRanker.Scored> scored) {
    return scored.stream().map(s -> s.candidate().articleId()).toList();
  }

  private static List<String> best(List<ArticleRanker.Scored> scored) {
    return scored.stream().map(s -> s.best().passageId()).toList();
  }

  private static List<Double> scores(List<ArticleRanker.Scored> scored) {
    return scored.stream().map(ArticleRanker.Scored::score).toList();
  }
}
