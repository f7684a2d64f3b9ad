package dev.parley.query.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Grouping passages into articles and scoring them, by hand. */
class ArticleRankerTest {

  static FieldDoc p(int doc, float score, String id) {
    return new FieldDoc(doc, score, new Object[] {score, new BytesRef(id)});
  }

  @Test
  void groupKeepsTheBestAndSecondPassage() {
    ScoreDoc[] ranked = {
      p(1, 9f, "a#3-3"), p(2, 8f, "b#0-0"), p(3, 7f, "a#1-1"), p(4, 6f, "a#0-0"), p(5, 1f, "c#2-2")
    };
    List<ArticleRanker.Candidate> g = ArticleRanker.group(ranked);
    assertEquals(
        List.of(
            new ArticleRanker.Candidate("a", 1, "a#3-3", 9, 7, 0),
            new ArticleRanker.Candidate("b", 2, "b#0-0", 8, 0, 0),
            new ArticleRanker.Candidate("c", 5, "c#2-2", 1, 0, 0)),
        g);
  }

  @Test
  void articleEvidenceCanLiftAnArticle() {
    List<ArticleRanker.Candidate> cs =
        List.of(
            new ArticleRanker.Candidate("a", 1, "a#0-0", 10, 0, 1),
            new ArticleRanker.Candidate("b", 2, "b#0-0", 8, 0, 5),
            new ArticleRanker.Candidate("c", 3, "c#0-0", 2, 0, 3));
    // best normalised: 1, 0.75, 0; article normalised: 0, 1, 0.5
    assertEquals(List.of("a", "b", "c"), ids(ArticleRanker.rank(cs, ArticleModel.bestPassage())));
    List<ArticleRanker.Scored> withArticle = ArticleRanker.rank(cs, new ArticleModel(0.5, 0));
    assertEquals(List.of("b", "a", "c"), ids(withArticle));
    assertEquals(0.75 + 0.5, withArticle.get(0).score(), 1e-9);
    assertEquals(1.0, withArticle.get(1).score(), 1e-9);
  }

  @Test
  void tiesGoToTheBestPassageId() {
    List<ArticleRanker.Candidate> cs =
        List.of(
            new ArticleRanker.Candidate("z", 1, "z#0-0", 4, 0, 0),
            new ArticleRanker.Candidate("m", 2, "m#0-0", 4, 0, 0));
    assertEquals(List.of("m", "z"), ids(ArticleRanker.rank(cs, ArticleModel.learnedLexical())));
  }

  private static List<String> ids(List<ArticleRanker.Scored> scored) {
    return scored.stream().map(s -> s.candidate().articleId()).toList();
  }
}
