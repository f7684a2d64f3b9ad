package dev.parley.query.result;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One ranked passage.
 *
 * @param rank position in the whole ranked list, from 1 (offset included)
 * @param score the ranking score, a finite number (higher is better; comparable only within one
 *     search). When browsing by date (no query words and no topic) it is 0 for every hit; when
 *     browsing by topic it is the topic score, and the list spreads over dates, so it is not sorted
 *     by score (see {@link SearchResults#order()})
 * @param articleId the article's id
 * @param passageId the passage's id
 * @param from first paragraph number covered (inclusive)
 * @param to last paragraph number covered (inclusive)
 * @param start offset of the passage in the article text, in UTF-16 code units (Java, JavaScript)
 * @param end offset just past the passage in the article text, in UTF-16 code units
 * @param date the article date
 * @param heading the section heading above the passage, or {@code null}
 * @param text the passage text
 * @param snippet the best sentences of the passage with query words between the highlight markers
 * @param explanation Lucene's score explanation when requested, else {@code null}
 * @param topics the passage's topic scores, in topic order
 * @param entities canonical ids of the entities the passage mentions
 * @param duplicates ids of other articles with a near-identical passage folded into this hit
 * @param codePointStart {@code start} counted in Unicode code points (Python, Rust chars)
 * @param codePointEnd {@code end} counted in Unicode code points
 * @param unit what the hit stands for; an {@link Unit#ARTICLE} hit carries the id, paragraphs,
 *     offsets, text and snippet of the article's best passage
 */
public record Hit(
    int rank,
    float score,
    String articleId,
    String passageId,
    int from,
    int to,
    int start,
    int end,
    LocalDate date,
    String heading,
    String text,
    String snippet,
    String explanation,
    Map<String, Float> topics,
    List<String> entities,
    List<String> duplicates,
    int codePointStart,
    int codePointEnd,
    Unit unit) {

  /** A passage hit. */
  public Hit(
      int rank,
      float score,
      String articleId,
      String passageId,
      int from,
      int to,
      int start,
      int end,
      LocalDate date,
      String heading,
      String text,
      String snippet,
      String explanation,
      Map<String, Float> topics,
      List<String> entities,
      List<String> duplicates,
      int codePointStart,
      int codePointEnd) {
    this(
        rank,
        score,
        articleId,
        passageId,
        from,
        to,
        start,
        end,
        date,
        heading,
        text,
        snippet,
        explanation,
        topics,
        entities,
        duplicates,
        codePointStart,
        codePointEnd,
        Unit.PASSAGE);
  }

  /** Validates the values. */
  public Hit {
    Objects.requireNonNull(unit, "unit");
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1, got: " + rank);
    }
    if (!Float.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite, got: " + score);
    }
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(passageId, "passageId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(snippet, "snippet");
    topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
    entities = List.copyOf(entities);
    duplicates = List.copyOf(duplicates);
  }

  /** The TREC document number of this hit: {@code articleId#from-to}. */
  public String trecId() {
    return articleId + "#" + from + "-" + to;
  }
}
