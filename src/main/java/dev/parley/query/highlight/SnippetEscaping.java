package dev.parley.query.highlight;

/**
 * What happens to the article text inside a snippet. The highlight markers themselves are never
 * escaped.
 */
public enum SnippetEscaping {
  /**
   * The default: {@code & < > " ' /} in the article text become HTML character references ({@code
   * &amp;}, {@code &lt;}, ...), so a snippet can be inserted into a page as HTML and an article
   * containing {@code <script>} cannot inject markup.
   */
  HTML,
  /**
   * The article text as stored, for apps that escape it themselves (or print to a terminal). Never
   * insert such a snippet into HTML unescaped.
   */
  NONE
}
