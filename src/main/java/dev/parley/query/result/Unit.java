package dev.parley.query.result;

/** What one hit stands for. */
public enum Unit {
  /** A passage (the default): the best passages, at most {@code perArticle} of one article. */
  PASSAGE,
  /**
   * An article: one hit per article, scored from its passages, shown through its best passage
   * (whose id, paragraphs, offsets and snippet the hit carries).
   */
  ARTICLE;

  /** The name JSON uses: {@code passage} or {@code article}. */
  public String jsonName() {
    return this == PASSAGE ? "passage" : "article";
  }
}
