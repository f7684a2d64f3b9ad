package dev.parley.cli;

import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.highlight.SnippetEscaping;
import dev.parley.query.result.IndexStats;
import dev.parley.query.result.SearchResults;
import dev.parley.solr.query.SolrSearcher;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.util.IOFunction;
import org.apache.lucene.util.IOSupplier;

/**
 * What {@code search}, {@code batch} and {@code stats} read: an embedded index ({@code --index
 * DIR}) or a SolrCloud collection ({@code --solr URL}), behind the same three calls.
 */
interface Backend extends AutoCloseable {
  /** Ranks passages for {@code request}. */
  SearchResults search(SearchRequest request) throws IOException;

  /** What the index holds. */
  IndexStats stats() throws IOException;

  /**
   * Whether {@code request} is ranked by meaning as well as by words (hybrid), so hits may hold no
   * query word.
   */
  boolean ranksByMeaning(SearchRequest request);

  /** How to name the index in output: its directory or its URL. */
  String name();

  @Override
  void close() throws IOException;

  /** The default index directory. */
  Path DEFAULT_INDEX = Path.of("index");

  /**
   * The backend of the options given: {@code solr} when set, else {@code index} (default {@code
   * index}); both is a usage error.
   *
   * @param pre highlight marker before a matched word, or null for the default
   * @param post highlight marker after a matched word, or null for the default
   */
  static Backend open(Path index, String solr, SnippetEscaping escaping, String pre, String post)
      throws IOException {
    return open(index, solr, escaping, pre, post, null);
  }

  /**
   * The same with each search's time limit ({@code null}: the searcher's default, 2 s).
   *
   * @param timeout time limit of one search, or null
   */
  static Backend open(
      Path index,
      String solr,
      SnippetEscaping escaping,
      String pre,
      String post,
      java.time.Duration timeout)
      throws IOException {
    if (solr != null && index != null) {
      throw new UsageException("give --index DIR or --solr URL, not both");
    }
    if (solr != null) {
      SolrSearcher.Builder b = SolrSearcher.builder(solr).withSnippetEscaping(escaping);
      if (pre != null) {
        b.withHighlightMarkers(pre, post);
      }
      if (timeout != null) {
        b.withTimeout(timeout);
      }
      SolrSearcher s = b.build();
      return of(solr, s::search, r -> false, s::stats, s::close);
    }
    Path dir = index == null ? DEFAULT_INDEX : index;
    Searcher.Builder b = Searcher.builder(dir).withSnippetEscaping(escaping);
    if (pre != null) {
      b.withHighlightMarkers(pre, post);
    }
    if (timeout != null) {
      b.withTimeout(timeout);
    }
    Searcher s = b.build();
    return of(s.path().toString(), s::search, s::ranksByMeaning, s::stats, s::close);
  }

  /** One backend from its three calls (the embedded and the Solr searcher share no interface). */
  private static Backend of(
      String name,
      IOFunction<SearchRequest, SearchResults> search,
      java.util.function.Predicate<SearchRequest> byMeaning,
      IOSupplier<IndexStats> stats,
      Closeable closer) {
    return new Backend() {
      @Override
      public SearchResults search(SearchRequest request) throws IOException {
        return search.apply(request);
      }

      @Override
      public boolean ranksByMeaning(SearchRequest request) {
        return byMeaning.test(request);
      }

      @Override
      public IndexStats stats() throws IOException {
        return stats.get();
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public void close() throws IOException {
        closer.close();
      }
    };
  }

  /** A usage error for {@code option}, which an index on Solr does not support. */
  static UsageException notOnSolr(String option, String why) {
    return new UsageException(option + " is not supported on Solr (" + why + ")");
  }
}
