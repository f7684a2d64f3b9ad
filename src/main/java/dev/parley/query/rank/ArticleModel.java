package dev.parley.query.rank;

/**
 * How an article hit is scored from its passages: {@code best + articleShare × article +
 * secondShare × second}, where {@code best} is its best passage's score, {@code second} its second
 * best passage's (0 when it has one), and {@code article} BM25 of the query words over the whole
 * article; each min-max normalised over the candidate articles of the query.
 *
 * @param articleShare weight of the whole-article evidence, in [0, 10]
 * @param secondShare weight of the second-best passage, in [0, 10]
 */
public record ArticleModel(double articleShare, double secondShare) {

  /** Validates the values. */
  public ArticleModel {
    if (!(articleShare >= 0 && articleShare <= 10) || !(secondShare >= 0 && secondShare <= 10)) {
      throw new IllegalArgumentException(
          "article shares must be in [0, 10], got: " + articleShare + ", " + secondShare);
    }
  }

  /** The best passage alone (maxP). */
  public static ArticleModel bestPassage() {
    return new ArticleModel(0, 0);
  }

  /**
   * The shares Parley ships for lexical passage rankings, learned by {@code parley tune --articles
   * --no-dense} on the TIME dev queries (cross-validated figures in docs/quality.md): the
   * whole-article evidence helps BM25 passages.
   */
  public static ArticleModel learnedLexical() {
    return new ArticleModel(0.75, 0.0);
  }

  /**
   * The shares Parley ships for hybrid passage rankings, learned by {@code parley tune --articles}
   * on the TIME dev queries with e5-small-v2 vectors: there the fused best passage carries the
   * article, and a little of the second passage helps.
   */
  public static ArticleModel learnedHybrid() {
    return new ArticleModel(0.0, 0.1);
  }
}
