package dev.parley.query.rank;

/**
 * How an article hit is scored from its evidence:
 *
 * <pre>
 *   best + articleShare × article + passagesShare × passages + entityShare × entities
 * </pre>
 *
 * <ul>
 *   <li>{@code best}: the score of the article's best passage. On a lexical ranking that is its
 *       first-stage score; on a hybrid one it is {@code lexicalShare × lexical + (1 − lexicalShare)
 *       × cosine}, both parts min-max normalised over the head of each side as in passage fusion,
 *       but with this model's own lexical share (learned on article judgments, where whole stories
 *       are judged, rather than on passage judgments);
 *   <li>{@code passages}: the sum of its {@value #TOP_PASSAGES} best passages' scores (the best
 *       included), so an article that answers in several places gains;
 *   <li>{@code article}: BM25 of the query words over the whole article (the article record's
 *       {@code article_text}), scored with {@link #ARTICLE_K1} and {@link #ARTICLE_B}, the usual
 *       whole-document settings, not the passage ranking's (tuned for paragraphs);
 *   <li>{@code entities}: the share of the query's entities (countries, leaders, organisations)
 *       that any of its passages mentions, 0 when the query names none.
 * </ul>
 *
 * Each of the four is min-max normalised over the candidate articles of the query.
 *
 * @param lexicalShare the lexical part of a hybrid passage score, in [0, 1]; unused on a lexical
 *     ranking
 * @param articleShare weight of the whole-article BM25, in [0, 10]
 * @param passagesShare weight of the sum of the best passages, in [0, 10]
 * @param entityShare weight of the query-entity overlap, in [0, 10]
 */
public record ArticleModel(
    double lexicalShare, double articleShare, double passagesShare, double entityShare) {

  /** BM25 k1 of the whole-article evidence (Lucene's and Robertson's usual value). */
  public static final float ARTICLE_K1 = 1.2f;

  /** BM25 b of the whole-article evidence (Lucene's and Robertson's usual value). */
  public static final float ARTICLE_B = 0.75f;

  /** How many of an article's best passages the {@code passages} evidence sums. */
  public static final int TOP_PASSAGES = 3;

  /** Validates the values. */
  public ArticleModel {
    if (!(lexicalShare >= 0 && lexicalShare <= 1)) {
      throw new IllegalArgumentException("lexicalShare must be in [0, 1], got: " + lexicalShare);
    }
    if (!(articleShare >= 0 && articleShare <= 10)
        || !(passagesShare >= 0 && passagesShare <= 10)
        || !(entityShare >= 0 && entityShare <= 10)) {
      throw new IllegalArgumentException(
          "article shares must be in [0, 10], got: "
              + articleShare
              + ", "
              + passagesShare
              + ", "
              + entityShare);
    }
  }

  /** The best passage alone (maxP), hybrid passages fused with lexical share {@code lexical}. */
  public static ArticleModel bestPassage(double lexical) {
    return new ArticleModel(lexical, 0, 0, 0);
  }

  /** The best passage alone (maxP); hybrid passages fused half and half. */
  public static ArticleModel bestPassage() {
    return bestPassage(0.5);
  }

  /**
   * The shares Parley ships for lexical passage rankings: whole article 0.75, query entities 0.3,
   * learned by {@code parley tune --articles --no-dense} on the TIME dev queries in the grid that
   * cross-validated best (article and entities; figures in docs/quality.md).
   */
  public static ArticleModel learnedLexical() {
    return new ArticleModel(1, 0.75, 0, 0.3);
  }

  /**
   * The model Parley ships for hybrid passage rankings: the best passage, fused with lexical share
   * 0.2, learned by {@code parley tune --articles} on the TIME dev queries with e5-small-v2
   * vectors. With vectors, shares for the other evidence raised the in-sample figure and lowered
   * the cross-validated one, so they are 0 (docs/quality.md).
   */
  public static ArticleModel learnedHybrid() {
    return new ArticleModel(0.2, 0, 0, 0);
  }

  /** This model with another lexical share (for hybrid passages). */
  public ArticleModel withLexicalShare(double share) {
    return new ArticleModel(share, articleShare, passagesShare, entityShare);
  }
}
