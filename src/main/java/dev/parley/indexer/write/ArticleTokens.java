package dev.parley.indexer.write;

import dev.parley.analysis.AnalysedText;
import dev.parley.analysis.ParleyAnalyzer;
import dev.parley.indexer.Article;
import dev.parley.indexer.Passage;
import dev.parley.schema.Fields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;

/**
 * The analysed text of every tokenised field of one article's documents, with the article's words
 * analysed once: the whole article (title and paragraphs) is run through the index analyzer, and
 * its tokens serve {@link Fields#ARTICLE_TEXT} whole, each passage's {@link Fields#TEXT} as a
 * slice, and the article context ({@link Fields#CONTEXT}: title and lead) as the slice from the
 * start to the end of the lead. Before, Lucene analysed the article's words twice (passages and
 * {@code article_text}) and the context once more.
 *
 * <p>The index is the same either way: a slice is used only where it is provably the piece's own
 * analysis ({@link AnalysedText#slice}); any other piece (a passage or context whose cut a run in
 * capitals spans, a passage with a heading in its context, text the char filters change, a custom
 * segmenter's passage that is not a piece of the article text) is analysed on its own, each
 * distinct context once. {@code article_text} indexes frequencies without positions or offsets, so
 * analysing the title and text joined by one line break instead of the field's two gives its
 * postings exactly ({@code IndexingSpeedupsTest} compares whole indexes with {@code
 * bench.IndexDigest}).
 *
 * <p>Thread safety: immutable after {@link #of}; each replay is a new stream.
 */
public final class ArticleTokens {
  private final AnalysedText articleText;
  private final List<AnalysedText> texts;
  private final List<AnalysedText> contexts;
  private final int sliced;

  private ArticleTokens(
      AnalysedText articleText, List<AnalysedText> texts, List<AnalysedText> contexts, int sliced) {
    this.articleText = articleText;
    this.texts = texts;
    this.contexts = contexts;
    this.sliced = sliced;
  }

  /**
   * Analyses {@code article}, cut into {@code passages}, with {@code analyzer} (the index
   * writer's): all the analysis its documents need.
   */
  public static ArticleTokens of(Analyzer analyzer, Article article, List<Passage> passages) {
    Objects.requireNonNull(analyzer, "analyzer");
    String title = article.title();
    String body = article.text();
    // One line break between title and text: the context (title + "\n" + lead) is then a prefix.
    int base = title == null ? 0 : title.length() + 1;
    String whole = title == null ? body : title + "\n" + body;
    AnalysedText all =
        analyzer instanceof ParleyAnalyzer parley
            ? AnalysedText.forSlicing(parley, Fields.ARTICLE_TEXT, whole)
            : AnalysedText.of(analyzer, Fields.ARTICLE_TEXT, whole);
    String context = ArticleDocuments.context(article);
    AnalysedText articleContext = null;
    if (whole.startsWith(context)) { // the lead is the first paragraph
      articleContext = all.slice(0, context.length());
    }
    int sliced = articleContext == null ? 0 : 1;
    List<AnalysedText> texts = new ArrayList<>(passages.size());
    List<AnalysedText> contexts = new ArrayList<>(passages.size());
    Map<String, AnalysedText> apart = new HashMap<>(2);
    for (Passage p : passages) {
      String text = p.text();
      AnalysedText own = null;
      int from = base + p.start();
      if (p.end() - p.start() == text.length() && from >= base && whole.startsWith(text, from)) {
        own = all.slice(from, from + text.length());
      }
      if (own == null) {
        own = AnalysedText.of(analyzer, Fields.TEXT, text);
      } else {
        sliced++;
      }
      texts.add(own);
      AnalysedText ctx = p.heading() == null ? articleContext : null;
      if (ctx == null) {
        ctx =
            apart.computeIfAbsent(
                ArticleDocuments.contextOf(article, p),
                c -> AnalysedText.of(analyzer, Fields.CONTEXT, c));
      }
      contexts.add(ctx);
    }
    return new ArticleTokens(all, texts, contexts, sliced);
  }

  /** The tokens of {@link Fields#ARTICLE_TEXT}. */
  AnalysedText articleText() {
    return articleText;
  }

  /** The tokens of passage {@code i}'s {@link Fields#TEXT}. */
  AnalysedText text(int i) {
    return texts.get(i);
  }

  /** The tokens of passage {@code i}'s {@link Fields#CONTEXT}. */
  AnalysedText context(int i) {
    return contexts.get(i);
  }

  /** The number of passages. */
  public int passages() {
    return texts.size();
  }

  /**
   * How many pieces (passage texts, and the article context once) were sliced from the article's
   * analysis rather than analysed on their own.
   */
  public int sliced() {
    return sliced;
  }
}
