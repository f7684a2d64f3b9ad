package dev.parley.solr.query;

import dev.parley.query.SearchRequest;
import java.util.Locale;
import org.apache.lucene.search.Query;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;

/**
 * The {@code {!parley}} query parser: the embedded searcher's first-stage query for the request in
 * the {@code parley.*} parameters ({@link ParleyParams}). Its local parameter {@code part} picks
 * which query: {@code query} (default: text relevance, topic scores and filters, what ranks),
 * {@code text} (the relevance query alone, what snippets highlight) or {@code owntext} (the words
 * on the passage text alone, which hits hold them).
 *
 * <p>The query is built by the library's own code ({@link dev.parley.query.FirstStage}) when Solr
 * rewrites it, on each shard, with the collection's statistics ({@link ParleyQuery}).
 *
 * <p>Thread safety: Solr shares one instance across requests; it is stateless.
 */
public final class ParleyQParserPlugin extends QParserPlugin {
  /** The name this plugin is registered under in solrconfig.xml. */
  public static final String NAME = "parley";

  @Override
  public QParser createParser(
      String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    return new QParser(qstr, localParams, params, req) {
      @Override
      public Query parse() throws SyntaxError {
        SolrParams all = SolrParams.wrapDefaults(localParams, params);
        SearchRequest request;
        try {
          request = ParleyParams.read(all);
        } catch (IllegalArgumentException e) {
          throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, e.getMessage(), e);
        }
        String part = all.get(ParleyParams.PART, "query").toLowerCase(Locale.ROOT);
        ParleyQuery.Part p =
            switch (part) {
              case "query" -> ParleyQuery.Part.QUERY;
              case "text" -> ParleyQuery.Part.TEXT;
              case "owntext" -> ParleyQuery.Part.OWN_TEXT;
              default ->
                  throw new SolrException(
                      SolrException.ErrorCode.BAD_REQUEST,
                      "part must be query, text or owntext, got: " + part);
            };
        return new ParleyQuery(request, p);
      }

      /** Snippets highlight the relevance query alone, as the embedded searcher's do. */
      @Override
      public Query getHighlightQuery() throws SyntaxError {
        Query q = getQuery();
        try {
          return q instanceof ParleyQuery pq
              ? pq.withPart(ParleyQuery.Part.TEXT).rewrite(req.getSearcher())
              : q;
        } catch (java.io.IOException e) {
          throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, e);
        }
      }
    };
  }
}
