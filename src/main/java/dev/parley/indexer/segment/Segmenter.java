package dev.parley.indexer.segment;

import dev.parley.indexer.Article;
import dev.parley.indexer.Passage;
import java.util.List;

/**
 * Cuts one article into passages. Every passage's text must equal {@code
 * article.text().substring(start, end)}, and no passage may cover another article.
 */
@FunctionalInterface
public interface Segmenter {
  /** The passages of {@code article}, in article order, with ordinals 0, 1, 2, .... */
  List<Passage> segment(Article article);

  /** A description recorded in the index manifest, so a change of segmentation is visible. */
  default String describe() {
    return getClass().getName();
  }
}
