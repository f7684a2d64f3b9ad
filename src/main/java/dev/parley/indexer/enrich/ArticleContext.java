package dev.parley.indexer.enrich;

import dev.parley.indexer.Article;

/**
 * The article context a passage's topic features may borrow from: the article's title and its lead
 * paragraph, unless the passage itself covers the lead (then the title alone, or nothing). Wire
 * stories state the subject in the lead and refer back to it ("the talks", "the meeting"), so a
 * later paragraph's topic often resolves only through it.
 *
 * <p>Thread safety: stateless.
 */
public final class ArticleContext {
  private ArticleContext() {}

  /**
   * The context of paragraphs {@code from..to} of {@code article}, or null when there is none.
   *
   * @param from first paragraph number of the passage
   * @param to last paragraph number of the passage
   */
  public static String of(Article article, int from, int to) {
    int lead = article.lead().number();
    boolean coversLead = from <= lead && lead <= to;
    String title = article.title() == null || article.title().isBlank() ? null : article.title();
    if (coversLead) {
      return title;
    }
    return title == null ? article.lead().text() : title + "\n" + article.lead().text();
  }
}
