package dev.parley.query;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.Entity;
import dev.parley.analysis.EntityTagger;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.ParleyAnalyzer;
import dev.parley.query.build.QueryFactory;
import dev.parley.query.build.SimpleQuery;
import dev.parley.query.build.SynonymBalance;
import dev.parley.query.fuse.Fusion;
import dev.parley.query.highlight.SnippetHighlighter;
import dev.parley.query.rank.ArticleModel;
import dev.parley.query.rank.PassageRanker;
import dev.parley.query.rank.QuerySignals;
import dev.parley.query.rank.RerankCandidate;
import dev.parley.query.rank.RerankModel;
import dev.parley.query.rank.Reranker;
import dev.parley.query.result.FacetCount;
import dev.parley.query.result.Hit;
import dev.parley.query.result.IndexStats;
import dev.parley.query.result.SearchResults;
import dev.parley.query.result.Unit;
import dev.parley.schema.Fields;
import dev.parley.schema.IndexManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValuesSource;
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
  private final SearcherManager manager;
  private final Duration timeout;

  /**
   * Searches hold the read lock while they run; {@link #close()} takes the write lock, so it waits
   * for them, and marks the searcher closed for every later search.
   */
  private final ReentrantReadWriteLock closeLock = new ReentrantReadWriteLock();

  private boolean closed; // guarded by closeLock
  private final QueryFactory queries;
  private final SnippetHighlighter highlighter;
  private final FacetCounter facets = new FacetCounter();
  private final Gazetteer gazetteer;
  private final IndexManifest manifest;
  private final float topicWeight;
  private final ParleyAnalyzer indexAnalyzer;
  private final EntityTagger tagger;
  private final RerankModel reranker;
  private final DenseSide denseSide; // null when the index has no vectors
  private final Fusion fusion;
  private final ArticleModel articleModel;

  private Searcher(Builder b) throws IOException {
    this.path = b.path;
    this.gazetteer = b.gazetteer;
    this.topicWeight = b.topicWeight;
    this.tagger = new EntityTagger(gazetteer);
    this.reranker = b.reranker;
    this.fusion = b.fusion;
    this.articleModel = b.articleModel;
    this.timeout = b.timeout;
    this.ownsDirectory = b.directory == null;
    if (ownsDirectory && !Files.isDirectory(path)) {
      throw notFound(path);
    }
    this.directory = ownsDirectory ? FSDirectory.open(path) : b.directory;
    try {
      try {
        this.manifest = IndexManifest.read(directory, path);
      } catch (IndexNotFoundException e) {
        throw notFound(path);
      }
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
      if (ownsDirectory) {
        directory.close();
      }
      throw e;
    }
    try {
      this.denseSide =
          manifest.dense() == null ? null : DenseSide.open(manifest.dense(), path, b.sessions);
    } catch (IOException | RuntimeException e) {
      manager.close();
      if (ownsDirectory) {
        directory.close();
      }
      throw e;
    }
    AnalysisConfig analysis = AnalysisConfig.fromJson(manifest.analysis());
    this.indexAnalyzer = new ParleyAnalyzer(analysis);
    ParleyAnalyzer queryAnalyzer =
        b.entitySynonyms ? ParleyAnalyzer.forQueries(analysis, gazetteer) : indexAnalyzer;
    this.queries = new QueryFactory(queryAnalyzer, b.contextWeight);
    this.highlighter =
        new SnippetHighlighter(indexAnalyzer, b.pre, b.post, b.sentences, b.escapeHtml);
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
  public dev.parley.schema.DenseSpec dense() {
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
   * @throws IOException on a read error
   * @throws IllegalStateException if the searcher is closed
   */
  public SearchResults search(SearchRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    Request checked = check(request);
    // The query is embedded before the time limit starts: the limit bounds Lucene's collection,
    // and embedding one query takes a few milliseconds whatever the index.
    float[] vector =
        denseSide == null
                || !request.dense()
                || checked.parsed().groups().isEmpty()
                || reranker != null
            ? null
            : denseSide.embed(checked.parsed());
    IndexSearcher shared = acquire();
    try {
      IndexSearcher searcher = withTimeLimit(shared);
      Prepared q = prepare(checked, searcher);
      boolean byScore =
          !q.browse() || !request.topics().isEmpty() || request.recencyHalfLifeDays() > 0;
      boolean articles = request.unit() == Unit.ARTICLE;
      PassageRanker.Options options =
          new PassageRanker.Options(
              byScore ? PassageRanker.Order.RELEVANCE : PassageRanker.Order.NEWEST,
              request.offset(),
              request.k(),
              articles ? 0 : request.perArticle(),
              !articles && request.collapse(),
              !articles && q.browse() && !request.topics().isEmpty(),
              reranker == null || q.browse() || articles
                  ? null
                  : rescorer(searcher, request, q.typed(), reranker));
      HybridSearch.Dense dense = vector == null ? null : dense(checked, q, vector);
      PassageRanker.Page page;
      Map<Integer, String> notes = Map.of();
      if (articles) {
        HybridSearch.Ranked r =
            HybridSearch.articles(
                searcher,
                q.query(),
                q.typed(),
                dense,
                articleModel,
                !byScore,
                request.offset(),
                request.k());
        page = PassageRanker.rankList(searcher, r.ranked(), r.totalHits(), options);
        notes = r.notes();
      } else if (dense != null) {
        HybridSearch.Ranked r =
            HybridSearch.fused(searcher, q.query(), dense, 3 * (request.offset() + request.k()));
        page = PassageRanker.rankList(searcher, r.ranked(), r.totalHits(), options);
        notes = r.notes();
      } else {
        page = PassageRanker.rank(searcher, q.query(), options);
      }
      List<Hit> hits = hits(searcher, page, q.text(), q.query(), request, notes);
      Map<String, List<FacetCount>> counts =
          request.facets() ? facets.count(searcher, q.query()) : Map.of();
      return new SearchResults(
          request.query(), page.totalHits(), hits, counts, searcher.timedOut());
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooComplex(e);
    } finally {
      release(shared);
    }
  }

  /**
   * A request checked against the index, before a reader is held.
   *
   * @param request the request
   * @param parsed its parsed query text
   * @param entityIds the canonical ids of its entity filters
   */
  private record Request(SearchRequest request, SimpleQuery parsed, List<String> entityIds) {}

  /**
   * The Lucene queries of one request.
   *
   * @param browse whether the request has no query words (ranked by date or topic alone)
   * @param text the relevance query, synonyms balanced (what snippets highlight)
   * @param query the full first-stage query: text, topics, recency and filters
   * @param typed the query words as the index analyzes them, in order
   */
  private record Prepared(boolean browse, Query text, Query query, List<String> typed) {}

  /** Checks topics and resolves entities; both fail fast with the bad value named. */
  private Request check(SearchRequest request) {
    checkTopics(request.topics());
    List<String> entityIds = request.entities().stream().map(this::entityId).toList();
    return new Request(request, SimpleQuery.parse(request.query()), entityIds);
  }

  /** Builds the first-stage query of a checked request over {@code searcher}'s reader. */
  private Prepared prepare(Request r, IndexSearcher searcher) throws IOException {
    SearchRequest request = r.request();
    boolean browse = r.parsed().groups().isEmpty();
    List<String> typed = typedTerms(r.parsed());
    Query text;
    try {
      text = SynonymBalance.balance(queries.build(r.parsed(), request.match()), searcher, typed);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooComplex(e);
    }
    Query ranking = ranking(text, request.topics(), browse);
    if (request.recencyHalfLifeDays() > 0) {
      ranking = recency(ranking, request.recencyHalfLifeDays(), newestDate(searcher));
    }
    return new Prepared(browse, text, withFilters(ranking, request, r.entityIds(), browse), typed);
  }

  /** The second stage over {@code searcher} for {@code request}'s query. */
  private PassageRanker.Rescorer rescorer(
      IndexSearcher searcher, SearchRequest request, List<String> typed, RerankModel model) {
    QuerySignals signals = signals(request.query(), typed);
    return new PassageRanker.Rescorer() {
      @Override
      public int depth() {
        return model.depth();
      }

      @Override
      public double[] rescore(int[] docs, double[] scores) throws IOException {
        double[][] f =
            Reranker.features(searcher, signals, indexAnalyzer, docs, scores, model, false);
        return Reranker.combine(f, model.vector());
      }
    };
  }

  /** The query's analyzed words, entities and topic cues. */
  private QuerySignals signals(String query, List<String> typed) {
    Set<String> entities = new java.util.LinkedHashSet<>(EntityTagger.ids(tagger.tag(query)));
    return QuerySignals.of(query, typed, entities);
  }

  /** The positive query words as the index analyzes them (no synonyms), in order. */
  private List<String> typedTerms(SimpleQuery query) throws IOException {
    List<String> terms = new ArrayList<>();
    StringBuilder words = new StringBuilder();
    for (List<SimpleQuery.Term> group : query.groups()) {
      group.forEach(t -> words.append(t.text()).append(' '));
    }
    try (var ts = indexAnalyzer.tokenStream(Fields.TEXT, words.toString())) {
      var term =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    }
    return terms;
  }

  /**
   * The candidates of a hybrid search for {@code request} with {@code depth} from each side (the
   * lexical top and the nearest by vector), with both raw scores: what {@code parley tune --fusion}
   * learns the fusion weight from.
   *
   * @throws IllegalStateException if the index has no vectors
   * @throws IOException on a read error
   */
  public dev.parley.query.fuse.HybridRanker.Candidates fusionCandidates(
      SearchRequest request, int depth) throws IOException {
    if (denseSide == null) {
      throw new IllegalStateException(
          "index " + path + " has no passage vectors: build it with parley index --embed MODEL");
    }
    Request checked = check(request);
    float[] vector = denseSide.embed(checked.parsed());
    IndexSearcher searcher = acquire();
    try {
      Prepared q = prepare(checked, searcher);
      HybridSearch.Dense d = dense(checked, q, vector);
      return dev.parley.query.fuse.HybridRanker.collect(
          searcher, q.query(), d.filter(), vector, depth, depth);
    } finally {
      release(searcher);
    }
  }

  /**
   * The candidate articles of an article search for {@code request} (hybrid when the index has
   * vectors and the request allows them), with the raw evidence an {@link ArticleModel} weighs:
   * what {@code parley tune --articles} learns the article shares from.
   *
   * @throws IOException on a read error
   */
  public List<dev.parley.query.rank.ArticleRanker.Candidate> articleCandidates(
      SearchRequest request) throws IOException {
    Request checked = check(request);
    float[] vector =
        denseSide == null || !request.dense() || checked.parsed().groups().isEmpty()
            ? null
            : denseSide.embed(checked.parsed());
    IndexSearcher searcher = acquire();
    try {
      Prepared q = prepare(checked, searcher);
      return HybridSearch.articleCandidates(
          searcher,
          q.query(),
          q.typed(),
          vector == null ? null : dense(checked, q, vector),
          request.offset() + request.k());
    } finally {
      release(searcher);
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
    Request checked = check(request);
    IndexSearcher searcher = acquire();
    try {
      Prepared q = prepare(checked, searcher);
      var top = searcher.search(q.query(), depth);
      int[] docs = new int[top.scoreDocs.length];
      double[] scores = new double[docs.length];
      for (int i = 0; i < docs.length; i++) {
        docs[i] = top.scoreDocs[i].doc;
        scores[i] = top.scoreDocs[i].score;
      }
      RerankModel model = reranker == null ? RerankModel.of(Map.of("base", 1.0)) : reranker;
      double[][] f =
          Reranker.features(
              searcher,
              signals(request.query(), q.typed()),
              indexAnalyzer,
              docs,
              scores,
              model,
              true);
      StoredFields stored = searcher.storedFields();
      List<RerankCandidate> out = new ArrayList<>(docs.length);
      Set<String> fields =
          Set.of(Fields.PASSAGE_ID, Fields.ARTICLE_ID, Fields.PARA_FROM, Fields.PARA_TO);
      for (int i = 0; i < docs.length; i++) {
        Document d = stored.document(docs[i], fields);
        out.add(
            new RerankCandidate(
                d.get(Fields.PASSAGE_ID),
                d.get(Fields.ARTICLE_ID)
                    + "#"
                    + intField(d, Fields.PARA_FROM)
                    + "-"
                    + intField(d, Fields.PARA_TO),
                d.get(Fields.ARTICLE_ID),
                f[i]));
      }
      return out;
    } finally {
      release(searcher);
    }
  }

  private static IllegalArgumentException tooComplex(IndexSearcher.TooManyClauses e) {
    return new IllegalArgumentException(
        "query is too complex: its words and their synonyms make more than "
            + IndexSearcher.getMaxClauseCount()
            + " clauses; use fewer words",
        e);
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
   * The dense side of a search, or null when it ranks lexically: the index has no vectors, the
   * request turned them off, it has no query words, or a second stage re-ranks the lexical list.
   */
  private HybridSearch.Dense dense(Request r, Prepared q, float[] vector) {
    Query exclusions = queries.exclusions(r.parsed());
    Query knnFilter =
        DenseSide.filter(
            requestFilters(r.request(), r.entityIds()), exclusions, q.text(), r.request().match());
    return new HybridSearch.Dense(vector, knnFilter, fusion);
  }

  private List<Hit> hits(
      IndexSearcher searcher,
      PassageRanker.Page page,
      Query text,
      Query query,
      SearchRequest request,
      Map<Integer, String> notes)
      throws IOException {
    int[] docs = page.hits().stream().mapToInt(PassageRanker.Ranked::doc).toArray();
    String[] snippets = highlighter.highlight(searcher, text, docs);
    StoredFields stored = searcher.storedFields();
    List<Hit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      PassageRanker.Ranked r = page.hits().get(i);
      Document doc = stored.document(r.doc());
      String explanation =
          request.explain()
              ? notes.getOrDefault(r.doc(), "")
                  + (notes.isEmpty() ? "" : "lexical part: ")
                  + searcher.explain(query, r.doc())
              : null;
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
              explanation,
              topicScores(doc.get(Fields.TOPICS_JSON)),
              Arrays.stream(doc.getFields(Fields.ENTITY)).map(IndexableField::stringValue).toList(),
              r.duplicates(),
              request.unit()));
    }
    return hits;
  }

  /** Text relevance plus topic scores; topic scores alone when browsing by topic. */
  private Query ranking(Query text, List<String> topics, boolean browse) {
    if (topics.isEmpty()) {
      return text;
    }
    BooleanQuery.Builder topicScore = new BooleanQuery.Builder();
    for (String topic : topics) {
      topicScore.add(
          FeatureField.newLinearQuery(Fields.TOPIC_SCORES, topic, topicWeight), Occur.SHOULD);
    }
    if (browse) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.add(topicScore.build(), Occur.MUST);
      BooleanQuery.Builder labelled = new BooleanQuery.Builder();
      topics.forEach(t -> labelled.add(new TermQuery(new Term(Fields.TOPIC, t)), Occur.SHOULD));
      b.add(labelled.build(), Occur.FILTER);
      b.add(text, Occur.FILTER);
      return b.build();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(text, Occur.MUST);
    b.add(topicScore.build(), Occur.SHOULD);
    return b.build();
  }

  /** Multiplies scores by {@code 2^(-age/halfLife)}, age in days before {@code newest}. */
  private static Query recency(Query query, int halfLifeDays, long newest) {
    DoubleValuesSource decay = new RecencyDecay(newest, halfLifeDays);
    return FunctionScoreQuery.boostByValue(query, decay);
  }

  private void checkTopics(List<String> topics) {
    for (String topic : topics) {
      if (!manifest.topics().contains(topic)) {
        throw new IllegalArgumentException(
            "unknown topic '"
                + topic
                + "': this index has "
                + String.join(", ", manifest.topics()));
      }
    }
  }

  private String entityId(String idOrAlias) {
    return gazetteer
        .resolve(idOrAlias)
        .map(Entity::id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown entity '"
                        + idOrAlias
                        + "': give a canonical id (north-korea) or a name (DPRK, North Korea)"));
  }

  private static Map<String, Float> topicScores(String json) {
    Map<String, Float> scores = new LinkedHashMap<>();
    if (json != null) {
      for (Map.Entry<String, JsonElement> e :
          JsonParser.parseString(json).getAsJsonObject().entrySet()) {
        scores.put(e.getKey(), e.getValue().getAsFloat());
      }
    }
    return scores;
  }

  /**
   * Counts what the index holds: articles, passages, dates, and passages per topic and entity.
   *
   * @throws IOException on a read error
   */
  public IndexStats stats() throws IOException {
    IndexSearcher searcher = acquire();
    try {
      long articles = searcher.count(kind(Fields.KIND_ARTICLE));
      long passages = searcher.count(kind(Fields.KIND_PASSAGE));
      Map<String, List<FacetCount>> counts = facets.count(searcher, kind(Fields.KIND_PASSAGE));
      return new IndexStats(
          articles,
          passages,
          articleDate(searcher, false),
          articleDate(searcher, true),
          manifest.schemaVersion(),
          counts.get(Fields.TOPIC),
          counts.get(Fields.ENTITY));
    } finally {
      release(searcher);
    }
  }

  private static long newestDate(IndexSearcher searcher) throws IOException {
    LocalDate newest = articleDate(searcher, true);
    return newest == null ? 0 : newest.toEpochDay();
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

  /**
   * Releases the index. Waits for the searches in progress to finish (each is bounded by the time
   * limit); searches started later throw {@link IllegalStateException}. Closing twice is harmless.
   * A directory given to {@link Builder#withDirectory} stays open.
   */
  @Override
  public void close() throws IOException {
    closeLock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
    } finally {
      closeLock.writeLock().unlock();
    }
    try {
      manager.close();
    } finally {
      try {
        if (ownsDirectory) {
          directory.close();
        }
      } finally {
        if (denseSide != null) {
          denseSide.close();
        }
      }
    }
  }

  /** The current searcher, after picking up a new commit; pair with {@link #release}. */
  private IndexSearcher acquire() throws IOException {
    closeLock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("searcher over " + path + " is closed");
      }
      // Blocking, so that a commit finished before this search started is always visible to it:
      // the non-blocking refresh returns at once while another thread refreshes, leaving this
      // search on the older reader (say, one that still holds a deleted article).
      manager.maybeRefreshBlocking();
      return manager.acquire();
    } catch (AlreadyClosedException e) {
      closeLock.readLock().unlock();
      throw new IllegalStateException("searcher over " + path + " is closed", e);
    } catch (IOException | RuntimeException e) {
      closeLock.readLock().unlock();
      throw e;
    }
  }

  private void release(IndexSearcher searcher) throws IOException {
    try {
      manager.release(searcher);
    } finally {
      closeLock.readLock().unlock();
    }
  }

  /** The request's date and entity filters as one query, or null when it has none. */
  private static Query requestFilters(SearchRequest request, List<String> entityIds) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    if (request.since() != null || request.until() != null) {
      long from = request.since() == null ? Long.MIN_VALUE : request.since().toEpochDay();
      long to = request.until() == null ? Long.MAX_VALUE : request.until().toEpochDay();
      b.add(LongPoint.newRangeQuery(Fields.DATE, from, to), Occur.FILTER);
      n++;
    }
    for (String entity : entityIds) {
      b.add(new TermQuery(new Term(Fields.ENTITY, entity)), Occur.FILTER);
      n++;
    }
    return n == 0 ? null : b.build();
  }

  private static Query withFilters(
      Query ranking, SearchRequest request, List<String> entityIds, boolean browse) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(ranking, Occur.MUST);
    if (browse) {
      // Only passages carry text, so a text query matches passages alone; browsing (match-all or
      // topic-only) must exclude article records explicitly. Skipping the filter otherwise saves
      // a conjunction on every search.
      b.add(kind(Fields.KIND_PASSAGE), Occur.FILTER);
    }
    if (request.since() != null || request.until() != null) {
      long from = request.since() == null ? Long.MIN_VALUE : request.since().toEpochDay();
      long to = request.until() == null ? Long.MAX_VALUE : request.until().toEpochDay();
      b.add(LongPoint.newRangeQuery(Fields.DATE, from, to), Occur.FILTER);
    }
    for (String entity : entityIds) {
      b.add(new TermQuery(new Term(Fields.ENTITY, entity)), Occur.FILTER);
    }
    return b.build();
  }

  private static Query kind(String kind) {
    return new TermQuery(new Term(Fields.KIND, kind));
  }

  private static int intField(Document doc, String field) {
    return doc.getField(field).numericValue().intValue();
  }

  /** Default time limit of one search. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /** Longest time limit a searcher accepts. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /** Configures a {@link Searcher}. Not thread-safe; build once. */
  public static final class Builder {
    private final Path path;
    private float k1 = 0.9f;
    private float b = 0.4f;
    private float contextWeight = 0.2f;
    private float topicWeight = 3f;
    private String pre = "<em>";
    private String post = "</em>";
    private int sentences = 2;
    private boolean escapeHtml;
    private boolean entitySynonyms = true;
    private Gazetteer gazetteer = Gazetteer.defaults();
    private RerankModel reranker;
    private Fusion fusion = Fusion.learned();
    private ArticleModel articleModel = ArticleModel.learned();
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
     * {@link Fusion#learned()}. Ignored for an index without vectors.
     */
    public Builder withFusion(Fusion fusion) {
      this.fusion = Objects.requireNonNull(fusion, "fusion");
      return this;
    }

    /** How article hits are scored from their passages; default {@link ArticleModel#learned()}. */
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
