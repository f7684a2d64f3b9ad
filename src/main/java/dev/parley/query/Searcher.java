package dev.parley.query;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.ParleyAnalyzer;
import dev.parley.query.fuse.Fusion;
import dev.parley.query.fuse.HybridRanker;
import dev.parley.query.highlight.SnippetEscaping;
import dev.parley.query.highlight.SnippetHighlighter;
import dev.parley.query.rank.ArticleModel;
import dev.parley.query.rank.ArticleRanker;
import dev.parley.query.rank.PassageRanker;
import dev.parley.query.rank.RerankCandidate;
import dev.parley.query.rank.RerankModel;
import dev.parley.query.rank.TopicRescorer;
import dev.parley.query.result.FacetCount;
import dev.parley.query.result.Hit;
import dev.parley.query.result.IndexStats;
import dev.parley.query.result.SearchResults;
import dev.parley.query.result.StoredArticle;
import dev.parley.query.result.Unit;
import dev.parley.schema.DamagedIndexException;
import dev.parley.schema.DenseSpec;
import dev.parley.schema.Fields;
import dev.parley.schema.IndexManifest;
import dev.parley.schema.SchemaMismatchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * Parley's query front door: ranks the passages of one index for a {@link SearchRequest}.
 *
 * <pre>{@code
 * try (Searcher searcher = Searcher.open(Path.of("index"))) {
 *   SearchRequest request = SearchRequest.builder("talks").addTopic("sanctions")
 *       .addEntity("north-korea").withFacets(true).build();
 *   for (Hit hit : searcher.search(request).hits()) {
 *     System.out.println(hit.rank() + " " + hit.passageId() + " " + hit.snippet());
 *   }
 * }
 * }</pre>
 *
 * <p>Build it once and share it: it keeps one Lucene searcher and, before each search, picks up new
 * commits to the index (Lucene's {@link SearcherManager}): every search sees at least the last
 * commit finished before it started, and one commit only, never half of an article's update. It
 * analyzes queries with the analysis configuration recorded in the index plus the gazetteer's
 * entity synonyms, so {@code DPRK} also finds {@code North Korea}.
 *
 * <p>Each search has a time limit ({@link Builder#withTimeout}, default 2 s): a search that reaches
 * it stops collecting and returns the hits found so far, flagged {@link SearchResults#partial()}.
 * Queries are bounded in size by {@link SearchRequest}; the query syntax has no wildcards, regular
 * expressions or fuzzy terms, so no query can expand into a huge number of terms.
 *
 * <p>Thread safety: safe for concurrent searches. {@link #close()} waits for the searches already
 * running to finish, then releases the index; searches started after it throw {@link
 * IllegalStateException}.
 */
public final class Searcher implements AutoCloseable {
  private final Path path;
  private final Directory directory;
  private final boolean ownsDirectory;
  private final IndexSearchers searchers;
  private final Duration timeout;
  private final FacetCounter facets = new FacetCounter();
  private final IndexManifest manifest;
  private final QueryPreparer preparer;
  private final Rescoring rescoring;
  private final HitReader hitReader;
  private final boolean snippets;
  private final RerankModel reranker;
  private final DenseSide denseSide; // null when the index has no vectors, or they cannot be used
  // Why the index's vectors cannot embed queries (another model version, the model's jar missing),
  // or null. Kept, not thrown at open: lexical searches, browsing and stats need no vectors.
  private final Throwable denseUnusable;
  private final Fusion fusion;
  private final ArticleModel articleModel;

  private Searcher(Builder b) throws IOException {
    this.path = b.path;
    this.reranker = b.reranker;
    this.articleModel = b.articleModel;
    this.timeout = b.timeout;
    this.ownsDirectory = b.directory == null;
    if (ownsDirectory && !Files.isDirectory(path)) {
      throw notFound(path);
    }
    // Small files on the heap: refreshes after commits then unmap nothing (see the class).
    this.directory = ownsDirectory ? SmallFilesOnHeapDirectory.open(path) : b.directory;
    try {
      try {
        this.manifest = IndexManifest.read(directory, path);
      } catch (IndexNotFoundException e) {
        throw notFound(path);
      } catch (SchemaMismatchException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        // Lucene reports damage with many types, some unchecked (a stray segments_zz file gives a
        // NumberFormatException): one message that points to verify.
        throw new DamagedIndexException(path, e);
      }
      if (b.entitySynonyms
          && !manifest.gazetteer().isEmpty()
          && !manifest.gazetteer().equals(b.gazetteer.version())) {
        throw new SchemaMismatchException(
            "index "
                + path
                + " holds entity tokens tagged with gazetteer "
                + manifest.gazetteer()
                + ", this searcher's gazetteer is "
                + b.gazetteer.version()
                + ": search with the gazetteer the index was built with, or run parley index on"
                + " the same input again with this one (it re-tags every article)");
      }
      try {
        this.searchers = new IndexSearchers(path, directory, new BM25Similarity(b.k1, b.b));
      } catch (IOException | RuntimeException e) {
        // A segment that cannot be opened.
        throw new DamagedIndexException(path, e);
      }
    } catch (IOException | RuntimeException e) {
      if (ownsDirectory) {
        directory.close();
      }
      throw e;
    }
    DenseSide dense = null;
    Throwable unusable = null;
    try {
      dense = manifest.dense() == null ? null : DenseSide.open(manifest.dense(), path, b.sessions);
    } catch (SchemaMismatchException | IllegalStateException | LinkageError e) {
      // LinkageError: ONNX Runtime's native library cannot load on this platform.
      unusable = e;
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
    this.denseSide = dense;
    this.denseUnusable = unusable;
    // The default fusion's floor is the model's own (e5 and bge cosines live in different ranges).
    this.fusion = dense == null ? b.fusion : b.fusion.forModel(dense.model());
    AnalysisConfig analysis = AnalysisConfig.fromJson(manifest.analysis());
    ParleyAnalyzer indexAnalyzer = new ParleyAnalyzer(analysis);
    // Loose words drop stop words; phrases keep them (the index keeps them, schema 4).
    ParleyAnalyzer wordAnalyzer = ParleyAnalyzer.forQueries(analysis);
    this.preparer =
        QueryPreparer.create(
            analysis,
            b.entitySynonyms,
            b.gazetteer,
            b.contextWeight,
            b.topicWeight,
            manifest.topics());
    // RM3 feedback terms are never stop words.
    this.rescoring = new Rescoring(wordAnalyzer);
    this.snippets = b.snippets;
    this.hitReader =
        new HitReader(
            new SnippetHighlighter(indexAnalyzer, b.pre, b.post, b.sentences, b.escaping));
  }

  private static IndexNotFoundException notFound(Path path) {
    return new IndexNotFoundException(
        "no index at " + path + ": create one with: parley index --input DIR --index " + path);
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

  /** The model of the index's passage vectors, or null when it has none (lexical ranking only). */
  public DenseSpec dense() {
    return manifest.dense();
  }

  /** The topics the index's passages were scored for. */
  public List<String> topics() {
    return manifest.topics();
  }

  /**
   * Ranks passages for {@code request}. When the search reaches the time limit, the results hold
   * what was found until then and {@link SearchResults#partial()} is true.
   *
   * @throws IllegalArgumentException for a topic the index does not have, an unknown entity, or a
   *     query whose synonyms expand past Lucene's clause limit
   * @throws SchemaMismatchException if the request needs the index's vectors (it has words and does
   *     not turn them off with {@link SearchRequest.Builder#withDense}) and another version of the
   *     model wrote them
   * @throws IOException on a read error
   * @throws IllegalStateException if the searcher is closed, or the request needs the vectors and
   *     their model's artifact is not on the class path
   */
  public SearchResults search(SearchRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    QueryPreparer.Request checked = preparer.check(request);
    // The query is embedded before the time limit starts: the limit bounds Lucene's collection,
    // and embedding one query takes a few milliseconds whatever the index.
    float[] vector = queryVector(checked, request.dense() && reranker == null);
    IndexSearcher shared = searchers.acquire();
    try {
      IndexSearcher searcher = withTimeLimit(shared);
      Ranking ranking = rank(checked, vector, searcher, true);
      QueryPreparer.Prepared q = ranking.q();
      PassageRanker.Page page = ranking.page();
      List<Hit> hits =
          snippets
              ? hitReader.hits(searcher, page, q.text(), q.query(), request, ranking.notes())
              : hitReader.hits(searcher, page, null, q.query(), request, ranking.notes());
      Query hitsQuery = FacetCounter.hitsOf(q.firstStage(), ranking.denseOnly());
      // Facets count the unit totalHits counts: articles in an article search.
      Map<String, List<FacetCount>> counts =
          !request.facets()
              ? Map.of()
              : request.unit() == Unit.ARTICLE
                  ? facets.countArticles(searcher, hitsQuery)
                  : facets.count(searcher, hitsQuery);
      SearchResults.Order order =
          !q.browse()
              ? SearchResults.Order.RELEVANCE
              : !request.topics().isEmpty()
                  ? SearchResults.Order.TOPIC
                  : request.recencyHalfLifeDays() > 0
                      ? SearchResults.Order.RELEVANCE
                      : SearchResults.Order.NEWEST;
      return new SearchResults(
          request.query(),
          page.totalHits(),
          page.exact()
              ? SearchResults.Relation.EQUAL_TO
              : SearchResults.Relation.GREATER_THAN_OR_EQUAL_TO,
          page.ownTextHits(),
          page.matchingPassages(),
          hits,
          counts,
          searcher.timedOut(),
          order);
    } catch (IndexSearcher.TooManyClauses e) {
      throw QueryPreparer.tooComplex(e);
    } catch (CorruptIndexException e) {
      // Damage in a file read only now (a flipped byte in the postings, say).
      throw new DamagedIndexException(path, e);
    } finally {
      searchers.release(shared);
    }
  }

  /**
   * A ranked page and what its hits are read with; {@code denseOnly} holds the passage ids a hybrid
   * search added by meaning alone (hits that match no query word), empty otherwise.
   */
  private record Ranking(
      QueryPreparer.Prepared q,
      PassageRanker.Page page,
      Map<Integer, String> notes,
      List<BytesRef> denseOnly) {}

  /**
   * Prepares and ranks a checked request: everything but reading the hits; without {@code counts}
   * (ranking alone) the page's counts are Lucene's lower bounds.
   */
  private Ranking rank(
      QueryPreparer.Request checked, float[] vector, IndexSearcher searcher, boolean counts)
      throws IOException {
    SearchRequest request = checked.request();
    boolean articles = request.unit() == Unit.ARTICLE;
    // Passage ranking alone counts nothing, so it needs no own-text query.
    QueryPreparer.Prepared q = preparer.prepare(checked, searcher, counts || articles);
    boolean byScore =
        !q.browse() || !request.topics().isEmpty() || request.recencyHalfLifeDays() > 0;
    PassageRanker.Options options =
        new PassageRanker.Options(
            byScore ? PassageRanker.Order.RELEVANCE : PassageRanker.Order.NEWEST,
            request.offset(),
            request.k(),
            articles ? 0 : request.perArticle(),
            // With articles, folding folds wire copies: articles whose best passages are alike.
            request.collapse(),
            !articles && q.browse() && !request.topics().isEmpty(),
            rescorer(request, q, searcher, articles),
            q.ownText());
    if (!counts) {
      options = options.withoutCounts();
    }
    HybridSearch.Dense dense =
        vector == null
            ? null
            : new HybridSearch.Dense(vector, preparer.denseFilter(checked, q), fusion);
    PassageRanker.Page page;
    Map<Integer, String> notes = Map.of();
    List<BytesRef> denseOnly = List.of();
    if (articles) {
      HybridSearch.Ranked r =
          HybridSearch.articles(
              searcher,
              q.query(),
              q.ownText(),
              q.typed(),
              preparer.signals(request.query(), q.typed()).entities(),
              dense,
              articleModel != null
                  ? articleModel
                  : dense != null ? ArticleModel.learnedHybrid() : ArticleModel.learnedLexical(),
              !byScore,
              q.browse() && !request.topics().isEmpty(),
              request.offset(),
              request.k(),
              request.explain());
      page =
          PassageRanker.rankArticleList(searcher, r.ranked(), r.articles(), r.matching(), options);
      notes = r.notes();
      denseOnly = r.denseOnly();
    } else if (dense != null) {
      HybridSearch.Ranked r =
          HybridSearch.fused(
              searcher, q.query(), dense, 3 * (request.offset() + request.k()), request.explain());
      page =
          PassageRanker.rankList(
              searcher, r.ranked(), r.totalHits(), r.exact(), r.matching(), options);
      notes = r.notes();
      denseOnly = r.denseOnly();
    } else {
      // Topic scores come from the rescorer over the top passages (options), not the query.
      page = PassageRanker.rank(searcher, q.firstStage(), options);
    }
    return new Ranking(q, page, notes, denseOnly);
  }

  /**
   * Ranking alone: the passage ids of the page {@code request} asks for, best first, exactly as
   * {@link #search} ranks them, without reading stored fields, making snippets or counting facets.
   * For apps that keep their own copy of the text, and for measuring ranking on its own ({@code
   * parley bench}).
   *
   * @throws IllegalArgumentException as {@link #search}
   * @throws IOException on a read error
   * @throws IllegalStateException if the searcher is closed
   */
  public List<String> passageIds(SearchRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    QueryPreparer.Request checked = preparer.check(request);
    float[] vector = queryVector(checked, request.dense() && reranker == null);
    IndexSearcher shared = searchers.acquire();
    try {
      return rank(checked, vector, withTimeLimit(shared), false).page().hits().stream()
          .map(PassageRanker.Ranked::passageId)
          .toList();
    } catch (IndexSearcher.TooManyClauses e) {
      throw QueryPreparer.tooComplex(e);
    } catch (CorruptIndexException e) {
      throw new DamagedIndexException(path, e);
    } finally {
      searchers.release(shared);
    }
  }

  /**
   * The second stage of a passage search on the lexical ranker: topic scores added over the top
   * passages when the request names topics and has words, then the reranker if there is one; null
   * when neither applies. (The hybrid and article rankings search the full query, whose topic
   * clause scores every match, and take no reranker.)
   */
  private PassageRanker.Rescorer rescorer(
      SearchRequest request, QueryPreparer.Prepared q, IndexSearcher searcher, boolean articles) {
    PassageRanker.Rescorer second =
        reranker == null || q.browse() || articles
            ? null
            : rescoring.rescorer(searcher, preparer.signals(request.query(), q.typed()), reranker);
    if (!q.rescoresTopics() || articles) {
      return second;
    }
    TopicRescorer topics =
        preparer.topicRescorer(request, q, searcher, 3 * (request.offset() + request.k()));
    return second == null ? topics : topics.then(second);
  }

  /**
   * Whether {@code request} is ranked by meaning as well as by words (hybrid): the index has usable
   * vectors, the request has query words and does not turn the vectors off, and no reranker is set.
   * Hits then may match no query word (found by meaning alone).
   */
  public boolean ranksByMeaning(SearchRequest request) {
    return denseSide != null
        && denseUnusable == null
        && reranker == null
        && request.dense()
        && !dev.parley.query.build.SimpleQuery.parse(request.query()).groups().isEmpty();
  }

  /**
   * The query's vector when the dense side takes part: the index has vectors, {@code wanted}, and
   * the query has words; else null.
   */
  private float[] queryVector(QueryPreparer.Request checked, boolean wanted)
      throws SchemaMismatchException {
    if (!wanted || checked.parsed().groups().isEmpty()) {
      return null;
    }
    requireUsableVectors();
    return denseSide == null ? null : denseSide.embed(checked.parsed());
  }

  /**
   * Fails a search that needs the index's vectors when they cannot embed queries, with the reason
   * found at open and the way to search without them.
   *
   * @throws SchemaMismatchException if the vectors are of another model version
   * @throws IllegalStateException if the model's artifact is not on the class path
   */
  private void requireUsableVectors() throws SchemaMismatchException {
    if (denseUnusable == null) {
      return;
    }
    String reason =
        denseUnusable instanceof LinkageError
            ? "index "
                + path
                + " has passage vectors, but their model cannot run on this machine (ONNX"
                + " Runtime: "
                + denseUnusable.getMessage()
                + ")"
            : denseUnusable.getMessage();
    String message =
        reason
            + "; or search without the vectors (parley search --no-dense,"
            + " SearchRequest.withDense(false))";
    if (denseUnusable instanceof SchemaMismatchException) {
      throw new SchemaMismatchException(message);
    }
    throw new IllegalStateException(message, denseUnusable);
  }

  /**
   * The candidates of a hybrid search for {@code request} with {@code depth} from each side (the
   * lexical top and the nearest by vector), with both raw scores: what {@code parley tune --fusion}
   * learns the fusion weight from.
   *
   * @throws IllegalStateException if the index has no vectors
   * @throws IOException on a read error
   */
  public HybridRanker.Candidates fusionCandidates(SearchRequest request, int depth)
      throws IOException {
    requireUsableVectors();
    if (denseSide == null) {
      throw new IllegalStateException(
          "index " + path + " has no passage vectors: build it with parley index --embed MODEL");
    }
    QueryPreparer.Request checked = preparer.check(request);
    float[] vector = denseSide.embed(checked.parsed());
    IndexSearcher searcher = searchers.acquire();
    try {
      QueryPreparer.Prepared q = preparer.prepare(checked, searcher);
      return HybridRanker.collect(
          searcher, q.query(), preparer.denseFilter(checked, q), vector, depth, depth);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * The candidate articles of an article search for {@code request} (hybrid when the index has
   * vectors and the request allows them), with the raw evidence an {@link ArticleModel} weighs:
   * what {@code parley tune --articles} learns the article shares from.
   *
   * @throws IOException on a read error
   */
  public List<ArticleRanker.Candidate> articleCandidates(SearchRequest request) throws IOException {
    QueryPreparer.Request checked = preparer.check(request);
    float[] vector = queryVector(checked, request.dense());
    IndexSearcher searcher = searchers.acquire();
    try {
      QueryPreparer.Prepared q = preparer.prepare(checked, searcher);
      return HybridSearch.articleCandidates(
          searcher,
          q.query(),
          q.typed(),
          preparer.signals(request.query(), q.typed()).entities(),
          vector == null
              ? null
              : new HybridSearch.Dense(vector, preparer.denseFilter(checked, q), fusion),
          request.offset() + request.k());
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * The second-stage features of the top {@code depth} first-stage passages for {@code request}, in
   * first-stage order: what {@code parley tune} learns reranking weights from.
   *
   * @throws IOException on a read error
   */
  public List<RerankCandidate> rerankCandidates(SearchRequest request, int depth)
      throws IOException {
    QueryPreparer.Request checked = preparer.check(request);
    IndexSearcher searcher = searchers.acquire();
    try {
      QueryPreparer.Prepared q = preparer.prepare(checked, searcher);
      TopDocs top = searcher.search(q.query(), depth);
      RerankModel model = reranker == null ? RerankModel.of(Map.of("base", 1.0)) : reranker;
      return rescoring.candidates(
          searcher, top, preparer.signals(request.query(), q.typed()), model);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * A searcher over the same reader whose collection stops at this search's deadline. One per
   * search, because Lucene records a time-out on the searcher itself.
   */
  private IndexSearcher withTimeLimit(IndexSearcher shared) {
    IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
    searcher.setSimilarity(shared.getSimilarity());
    searcher.setTimeout(new Deadline(timeout));
    return searcher;
  }

  /**
   * Counts what the index holds: articles, passages, dates, and passages per topic and entity.
   *
   * @throws IOException on a read error
   */
  public IndexStats stats() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      long articles = searcher.count(kind(Fields.KIND_ARTICLE));
      long passages = searcher.count(kind(Fields.KIND_PASSAGE));
      Map<String, List<FacetCount>> counts = facets.count(searcher, kind(Fields.KIND_PASSAGE));
      return IndexStats.of(
          articles,
          passages,
          ArticleDates.articleDate(searcher, false),
          ArticleDates.articleDate(searcher, true),
          manifest,
          counts.get(Fields.TOPIC),
          counts.get(Fields.ENTITY));
    } catch (CorruptIndexException e) {
      throw new DamagedIndexException(path, e);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * The article {@code id} as indexed: its paragraphs (headings marked) and where each of its
   * passages lies, so an app can show the article and mark a hit's paragraphs.
   *
   * @return the article, or empty when the index has no article with that id
   * @throws IOException on a read error
   * @throws IllegalStateException if the searcher is closed
   */
  public java.util.Optional<StoredArticle> article(String id) throws IOException {
    Objects.requireNonNull(id, "id");
    IndexSearcher searcher = searchers.acquire();
    try {
      return ArticleReader.read(searcher, id);
    } catch (CorruptIndexException e) {
      throw new DamagedIndexException(path, e);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Releases the index. Waits for the searches in progress to finish (each is bounded by the time
   * limit); searches started later throw {@link IllegalStateException}. Closing twice is harmless.
   * A directory given to {@link Builder#withDirectory} stays open.
   */
  @Override
  public void close() throws IOException {
    boolean wasOpen = true;
    try {
      wasOpen = searchers.close();
    } finally {
      try {
        if (ownsDirectory && wasOpen) {
          directory.close();
        }
      } finally {
        if (denseSide != null && wasOpen) {
          denseSide.close();
        }
      }
    }
  }

  private static Query kind(String kind) {
    return new TermQuery(new Term(Fields.KIND, kind));
  }

  /** Default weight of the article context against the passage text. */
  public static final float DEFAULT_CONTEXT_WEIGHT = 0.2f;

  /** Default points a topic score of 1 adds to text relevance. */
  public static final float DEFAULT_TOPIC_WEIGHT = 3f;

  /** Default time limit of one search. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /** Longest time limit a searcher accepts. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /** Configures a {@link Searcher}. Not thread-safe; build once. */
  public static final class Builder {
    private final Path path;
    private float k1 = 0.9f;
    private float b = 0.4f;
    private float contextWeight = DEFAULT_CONTEXT_WEIGHT;
    private float topicWeight = DEFAULT_TOPIC_WEIGHT;
    private String pre = "<em>";
    private String post = "</em>";
    private int sentences = 2;
    private SnippetEscaping escaping = SnippetEscaping.HTML;
    private boolean snippets = true;
    private boolean entitySynonyms = true;
    private Gazetteer gazetteer = Gazetteer.defaults();
    private RerankModel reranker;
    private Fusion fusion = Fusion.learned();
    private ArticleModel articleModel; // null: the learned model for the ranking in use
    private int sessions = Math.min(4, Runtime.getRuntime().availableProcessors());
    private Duration timeout = DEFAULT_TIMEOUT;
    private Directory directory;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "indexDir");
    }

    /**
     * Time limit of one search, from above 0 up to {@link #MAX_TIMEOUT}; default {@link
     * #DEFAULT_TIMEOUT}. A search that reaches it returns the hits found so far, flagged {@link
     * SearchResults#partial()}. Untrusted queries cannot then hold a thread for long.
     */
    public Builder withTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException(
            "timeout must be in (0, " + MAX_TIMEOUT + "], got: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Reads this Lucene directory instead of opening the builder's path, which then only names the
     * index in messages. For apps that keep an index somewhere other than a plain file-system
     * directory, and for tests that inject faults. The caller keeps ownership: {@link
     * Searcher#close()} does not close it.
     */
    public Builder withDirectory(Directory directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
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

    /** Points a topic score of 1 adds to text relevance when a request names topics; default 3. */
    public Builder withTopicWeight(float weight) {
      if (!(weight > 0 && weight <= 100)) {
        throw new IllegalArgumentException("topicWeight must be in (0, 100], got: " + weight);
      }
      this.topicWeight = weight;
      return this;
    }

    /** Whether queries expand entity names with the gazetteer's aliases; default true. */
    public Builder withEntitySynonyms(boolean enabled) {
      this.entitySynonyms = enabled;
      return this;
    }

    /**
     * The gazetteer for entity synonyms and entity filters; default {@link Gazetteer#defaults()}.
     */
    public Builder withGazetteer(Gazetteer gazetteer) {
      this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
      return this;
    }

    /**
     * A second stage that re-scores the top BM25 passages with a {@link RerankModel}, for example
     * {@link RerankModel#learned()}; null (the default) ranks by the first stage alone.
     */
    public Builder withReranker(RerankModel model) {
      this.reranker = model;
      return this;
    }

    /**
     * How the lexical and the dense side are fused when the index has passage vectors; default
     * {@link Fusion#learned()}, with the floor of the index's model ({@link Fusion#forModel}).
     * Ignored for an index without vectors.
     */
    public Builder withFusion(Fusion fusion) {
      this.fusion = Objects.requireNonNull(fusion, "fusion");
      return this;
    }

    /**
     * How article hits are scored from their passages; default {@link ArticleModel#learnedHybrid()}
     * when the passages are ranked with vectors, else {@link ArticleModel#learnedLexical()}.
     */
    public Builder withArticleModel(ArticleModel model) {
      this.articleModel = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * Query-embedding sessions (queries embedded at the same time) for an index with vectors;
     * default the number of processors, at most 4. Each holds the model, about 35 MB.
     */
    public Builder withEmbeddingSessions(int sessions) {
      if (sessions < 1 || sessions > 64) {
        throw new IllegalArgumentException("sessions must be in [1, 64], got: " + sessions);
      }
      this.sessions = sessions;
      return this;
    }

    /** Highlight markers; default {@code <em>} and {@code </em>}. */
    public Builder withHighlightMarkers(String pre, String post) {
      this.pre = Objects.requireNonNull(pre, "pre");
      this.post = Objects.requireNonNull(post, "post");
      return this;
    }

    /**
     * Whether hits carry snippets; default true. Without, {@link Hit#snippet()} is empty and the
     * highlighter never runs: for lists that show titles or highlight on their own, and for
     * measuring the snippet stage ({@code parley bench}).
     */
    public Builder withSnippets(boolean snippets) {
      this.snippets = snippets;
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

    /**
     * What happens to the article text inside snippets. The default, {@link SnippetEscaping#HTML},
     * escapes it so snippets are safe to insert into a page as HTML even when an article contains
     * markup such as {@code <script>}; {@link SnippetEscaping#NONE} is the explicit opt-out for
     * apps that escape snippets themselves. {@link Hit#text()} is never escaped.
     */
    public Builder withSnippetEscaping(SnippetEscaping escaping) {
      this.escaping = Objects.requireNonNull(escaping, "escaping");
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
