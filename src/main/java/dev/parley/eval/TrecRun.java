package dev.parley.eval;

import dev.parley.query.result.Hit;
import dev.parley.query.result.Unit;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The TREC run format: {@code qid Q0 articleId#from-to rank score tag}, one line per hit; for an
 * article hit ({@link Unit#ARTICLE}) the document is the article: {@code qid Q0 articleId rank
 * score tag}. A run line's fields are split on whitespace, so whitespace inside a document id (an
 * article id the indexer accepts, such as a file name with a space) is written percent-encoded as
 * its UTF-8 bytes ({@code x y} becomes {@code x%20y}); qrels cannot hold such ids either.
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
        documentId(hit.unit() == Unit.ARTICLE ? hit.articleId() : hit.trecId()),
        hit.rank(),
        score,
        tag);
  }

  /** {@code id} with each whitespace character percent-encoded as its UTF-8 bytes. */
  static String documentId(String id) {
    StringBuilder out = null;
    for (int i = 0; i < id.length(); ) {
      int cp = id.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        if (out == null) {
          out = new StringBuilder(id.substring(0, i));
        }
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          out.append(String.format(Locale.ROOT, "%%%02X", b & 0xFF));
        }
      } else if (out != null) {
        out.append(id, i, next);
      }
      i = next;
    }
    return out == null ? id : out.toString();
  }
}
