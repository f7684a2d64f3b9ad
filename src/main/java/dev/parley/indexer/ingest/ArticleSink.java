package dev.parley.indexer.ingest;

import dev.parley.indexer.Article;

/** Receives what a parser reads from one file: articles, and rejections with their reasons. */
public interface ArticleSink {
  /** An article that parsed. */
  void accept(Article article);

  /**
   * Something that could not be read as an article.
   *
   * @param source the file, or {@code file:line} for JSON Lines
   * @param reason what is wrong and, where it helps, what to do
   */
  void reject(String source, String reason);
}
