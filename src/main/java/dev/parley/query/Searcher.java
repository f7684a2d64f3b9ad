package dev.parley.query;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.ParleyAnalyzer;
import dev.parley.query.build.QueryFactory;
import dev.parley.query.build.SimpleQuery;
import dev.parley.query.highlight.SnippetHighlighter;
import dev.parley.query.rank.PassageRanker;
import dev.parley.query.result.Hit;
import dev.parley.query.result.IndexStats;
import dev.parley.query.result.SearchResults;
import dev.parley.schema.Fields;
import dev.parley.schema.IndexManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Parley's query front door: ranks the passages of one index for a {@link SearchRequest}.
 *
 * <pre>{@code
 * try (Searcher searcher = Searcher.open(Path.of("index"))) {
 *   for (Hit hit : searcher.search(SearchRequest.of("sanctions \"North Korea\"")).hits()) {
 *     System.out.println(hit.rank() + " " + hit.passageId() + " " + hit.snippet());
 *   }
 * }
 * }</pre>
 *
 * <p>Build it once and share it: it keeps one Lucene searcher and, before each search, picks up new
 * commits to the index (Lucene's {@link SearcherManager}). It analyzes queries with the analysis
 * configuration recorded in the index, so queries always match how text was indexed.
 *
 * <p>Thread safety: safe for concurrent searches. {@link #close()} lets searches already running
 * finish on the reader they hold; searches started after it throw {@link IllegalStateException}.
 */
public final class Searcher implements AutoCloseable {
  private final Path path;
  private final Directory directory;
  private final SearcherManager manager;
  private final ParleyAnalyzer analyzer;
  private final QueryFactory queries;
  private final SnippetHighlighter highlighter;
  private final int schemaVersion;

  private Searcher(Builder b) throws IOException {
    this.path = b.path;
    if (!Files.isDirectory(path)) {
      throw new IndexNotFoundException(
          "no index at " + path + ": create one with: parley index --input DIR --index " + path);
    }
    this.directory = FSDirectory.open(path);
    try {
      IndexManifest manifest;
      try {
        manifest = IndexManifest.read(directory, path);
      } catch (IndexNotFoundException e) {
        throw new IndexNotFoundException(
            "no index at " + path + ": create one with: parley index --input DIR --index " + path);
      }
      this.schemaVersion = manifest.schemaVersion();
      this.analyzer = new ParleyAnalyzer(AnalysisConfig.fromJson(manifest.analysis()));
      BM25Similarity similarity = new BM25Similarity(b.k1, b.b);
      this.manager =
          new SearcherManager(
              directory,
              new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                  IndexSearcher searcher = new IndexSearcher(reader);
                  searcher.setSimilarity(similarity);
                  return searcher;
                }
              });
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    this.queries = new QueryFactory(analyzer, b.contextWeight);
    this.highlighter = new SnippetHighlighter(analyzer, b.pre, b.post, b.sentences, b.escapeHtml);
  }

  /**
   * Opens the index at {@code indexDir} with the default ranking and highlighting.
   *
   * @throws IndexNotFoundException if there is no index there
   * @throws dev.parley.schema.SchemaMismatchException if the index has another schema version
   * @throws IOException on a read error
   */
  public static Searcher open(Path indexDir) throws IOException {
    return builder(indexDir).build();
  }

  /** Starts configuring a searcher over {@code indexDir}. */
  public static Builder builder(Path indexDir) {
    return new Builder(indexDir);
  }

  /** The index directory. */
  public Path path() {
    return path;
  }

  /**
   * Ranks passages for {@code request}.
   *
   * @throws IOException on a read error
   * @throws IllegalStateException if the searcher is closed
   */
  public SearchResults search(SearchRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    SimpleQuery parsed = SimpleQuery.parse(request.query());
    Query relevance = queries.build(parsed, request.match());
    Query query = withFilters(relevance, request);
    PassageRanker.Order order =
        parsed.groups().isEmpty() ? PassageRanker.Order.NEWEST : PassageRanker.Order.RELEVANCE;
    IndexSearcher searcher = acquire();
    try {
      PassageRanker.Page page =
          PassageRanker.rank(
              searcher, query, order, request.offset(), request.k(), request.perArticle());
      int[] docs = page.hits().stream().mapToInt(PassageRanker.Ranked::doc).toArray();
      String[] snippets = highlighter.highlight(searcher, relevance, docs);
      StoredFields stored = searcher.storedFields();
      List<Hit> hits = new ArrayList<>(docs.length);
      for (int i = 0; i < docs.length; i++) {
        PassageRanker.Ranked r = page.hits().get(i);
        Document doc = stored.document(r.doc());
        String explanation = request.explain() ? searcher.explain(query, r.doc()).toString() : null;
        hits.add(
            new Hit(
                request.offset() + i + 1,
                r.score(),
                doc.get(Fields.ARTICLE_ID),
                r.passageId(),
                intField(doc, Fields.PARA_FROM),
                intField(doc, Fields.PARA_TO),
                intField(doc, Fields.CHAR_START),
                intField(doc, Fields.CHAR_END),
                LocalDate.ofEpochDay(doc.getField(Fields.DATE).numericValue().longValue()),
                doc.get(Fields.HEADING),
                doc.get(Fields.TEXT),
                snippets[i],
                explanation));
      }
      return new SearchResults(request.query(), page.totalHits(), hits);
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Counts what the index holds.
   *
   * @throws IOException on a read error
   */
  public IndexStats stats() throws IOException {
    IndexSearcher searcher = acquire();
    try {
      long articles = searcher.count(kind(Fields.KIND_ARTICLE));
      long passages = searcher.count(kind(Fields.KIND_PASSAGE));
      return new IndexStats(
          articles,
          passages,
          articleDate(searcher, false),
          articleDate(searcher, true),
          schemaVersion);
    } finally {
      manager.release(searcher);
    }
  }

  /** The oldest or newest article date, or null for an empty index. */
  private static LocalDate articleDate(IndexSearcher searcher, boolean newest) throws IOException {
    Sort byDate = new Sort(new SortField(Fields.DATE, SortField.Type.LONG, newest));
    TopDocs top = searcher.search(kind(Fields.KIND_ARTICLE), 1, byDate);
    if (top.scoreDocs.length == 0) {
      return null;
    }
    Document d = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.DATE));
    return LocalDate.ofEpochDay(d.getField(Fields.DATE).numericValue().longValue());
  }

  /** Releases the index. Searches in progress finish first; later ones fail. */
  @Override
  public void close() throws IOException {
    try {
      manager.close();
    } finally {
      directory.close();
    }
  }

  private IndexSearcher acquire() throws IOException {
    try {
      manager.maybeRefresh();
      return manager.acquire();
    } catch (AlreadyClosedException e) {
      throw new IllegalStateException("searcher over " + path + " is closed", e);
    }
  }

  private static Query withFilters(Query relevance, SearchRequest request) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(relevance, Occur.MUST);
    b.add(kind(Fields.KIND_PASSAGE), Occur.FILTER);
    if (request.since() != null || request.until() != null) {
      long from = request.since() == null ? Long.MIN_VALUE : request.since().toEpochDay();
      long to = request.until() == null ? Long.MAX_VALUE : request.until().toEpochDay();
      b.add(LongPoint.newRangeQuery(Fields.DATE, from, to), Occur.FILTER);
    }
    return b.build();
  }

  private static Query kind(String kind) {
    return new TermQuery(new Term(Fields.KIND, kind));
  }

  private static int intField(Document doc, String field) {
    return doc.getField(field).numericValue().intValue();
  }

  /** Configures a {@link Searcher}. Not thread-safe; build once. */
  public static final class Builder {
    private final Path path;
    private float k1 = 0.9f;
    private float b = 0.4f;
    private float contextWeight = 0.2f;
    private String pre = "<em>";
    private String post = "</em>";
    private int sentences = 2;
    private boolean escapeHtml;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "indexDir");
    }

    /** BM25 parameters; defaults k1=0.9, b=0.4 (DESIGN.md says why). */
    public Builder withBm25(float k1, float b) {
      if (!(k1 >= 0 && k1 <= 10) || !(b >= 0 && b <= 1)) {
        throw new IllegalArgumentException(
            "BM25 needs k1 in [0, 10] and b in [0, 1], got: k1=" + k1 + " b=" + b);
      }
      this.k1 = k1;
      this.b = b;
      return this;
    }

    /**
     * Weight of the article context (title, lead, heading) against the passage text; default 0.2.
     */
    public Builder withContextWeight(float weight) {
      if (!(weight >= 0 && weight <= 1)) {
        throw new IllegalArgumentException("contextWeight must be in [0, 1], got: " + weight);
      }
      this.contextWeight = weight;
      return this;
    }

    /** Highlight markers; default {@code <em>} and {@code </em>}. */
    public Builder withHighlightMarkers(String pre, String post) {
      this.pre = Objects.requireNonNull(pre, "pre");
      this.post = Objects.requireNonNull(post, "post");
      return this;
    }

    /** Sentences per snippet, 1 to 10; default 2. */
    public Builder withSnippetSentences(int sentences) {
      if (sentences < 1 || sentences > 10) {
        throw new IllegalArgumentException(
            "snippet sentences must be in [1, 10], got: " + sentences);
      }
      this.sentences = sentences;
      return this;
    }

    /** Escape HTML in snippets (for apps inserting them into pages); default false. */
    public Builder withHtmlEscaping(boolean escape) {
      this.escapeHtml = escape;
      return this;
    }

    /**
     * Opens the index.
     *
     * @throws IndexNotFoundException if there is no index
     * @throws dev.parley.schema.SchemaMismatchException on another schema version
     * @throws IOException on a read error
     */
    public Searcher build() throws IOException {
      return new Searcher(this);
    }
  }
}
