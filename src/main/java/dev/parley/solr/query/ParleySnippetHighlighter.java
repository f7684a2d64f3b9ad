package dev.parley.solr.query;

import dev.parley.analysis.NewsSentenceBreaks;
import dev.parley.query.highlight.SnippetEscaping;
import dev.parley.query.highlight.SnippetHighlighter;
import java.text.BreakIterator;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.solr.common.params.HighlightParams;
import org.apache.solr.highlight.UnifiedSolrHighlighter;
import org.apache.solr.request.SolrQueryRequest;

/**
 * Solr's unified highlighter formatting snippets as the embedded searcher does ({@link
 * SnippetHighlighter#formatter}): Parley's news sentence breaks, sentences trimmed and joined by an
 * ellipsis, the markers of {@code hl.tag.pre} and {@code hl.tag.post}, the text HTML-escaped unless
 * {@code hl.encoder} is {@code none}, and the opening sentences when no word matched. The client
 * finishes each snippet with {@link SnippetHighlighter#finish}.
 *
 * <p>Thread safety: Solr shares one instance; it is stateless.
 */
public final class ParleySnippetHighlighter extends UnifiedSolrHighlighter {
  @Override
  protected UnifiedHighlighter getHighlighter(SolrQueryRequest req) {
    return new ParleyUnified(req);
  }

  /** The per-request highlighter. */
  private static final class ParleyUnified extends SolrExtendedUnifiedHighlighter {
    @SuppressWarnings("deprecation")
    ParleyUnified(SolrQueryRequest req) {
      super(req);
      // Whole passages, as the embedded highlighter reads them.
      setMaxLength(Integer.MAX_VALUE - 1);
    }

    @Override
    protected PassageFormatter getFormatter(String field) {
      return SnippetHighlighter.formatter(
          params.getFieldParam(field, HighlightParams.TAG_PRE, "<em>"),
          params.getFieldParam(field, HighlightParams.TAG_POST, "</em>"),
          "none".equals(params.getFieldParam(field, HighlightParams.ENCODER, "html"))
              ? SnippetEscaping.NONE
              : SnippetEscaping.HTML);
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
      return NewsSentenceBreaks.create();
    }

    @Override
    public int getMaxNoHighlightPassages(String field) {
      return -1; // the opening sentences, as the embedded highlighter gives
    }
  }
}
