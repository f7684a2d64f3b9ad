package dev.parley.eval;

import dev.parley.query.result.Hit;
import java.util.Locale;

/** The TREC run format: {@code qid Q0 articleId#from-to rank score tag}, one line per hit. */
public final class TrecRun {
  private TrecRun() {}

  /** The run line of {@code hit} for query {@code qid}, newline included. */
  public static String line(String qid, Hit hit, String tag) {
    float score = Float.isNaN(hit.score()) ? 0 : hit.score();
    return String.format(
        Locale.ROOT, "%s Q0 %s %d %.6f %s%n", qid, hit.trecId(), hit.rank(), score, tag);
  }
}
