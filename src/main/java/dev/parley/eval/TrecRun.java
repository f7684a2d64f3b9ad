package dev.parley.eval;

import dev.parley.query.result.Hit;
import dev.parley.query.result.Unit;
import java.util.Locale;

/**
 * The TREC run format: {@code qid Q0 articleId#from-to rank score tag}, one line per hit; for an
 * article hit ({@link Unit#ARTICLE}) the document is the article: {@code qid Q0 articleId rank
 * score tag}.
 */
public final class TrecRun {
  private TrecRun() {}

  /** The run line of {@code hit} for query {@code qid}, newline included. */
  public static String line(String qid, Hit hit, String tag) {
    float score = Float.isNaN(hit.score()) ? 0 : hit.score();
    return String.format(
        Locale.ROOT,
        "%s Q0 %s %d %.6f %s%n",
        qid,
        hit.unit() == Unit.ARTICLE ? hit.articleId() : hit.trecId(),
        hit.rank(),
        score,
        tag);
  }
}
