package dev.parley.solr.query;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.query.FirstStage;
import dev.parley.query.SearchRequest;
import dev.parley.query.highlight.SnippetEscaping;
import dev.parley.query.highlight.SnippetHighlighter;
import dev.parley.query.rank.PassageRanker;
import dev.parley.query.result.FacetCount;
import dev.parley.query.result.Hit;
import dev.parley.query.result.IndexStats;
import dev.parley.query.result.SearchResults;
import dev.parley.query.result.Unit;
import dev.parley.schema.Fields;
import dev.parley.schema.IndexManifest;
import dev.parley.schema.PassageSpan;
import dev.parley.schema.StoredTopics;
import dev.parley.solr.schema.SolrCollection;
import dev.parley.solr.schema.SolrSchema;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * Searches a Parley collection on SolrCloud and returns the same {@link SearchResults} as the
 * embedded {@code dev.parley.query.Searcher}: Solr ranks with {@code {!parley}} (the library's
 * first-stage query, with the collection's statistics), this client collects the global top
 * passages (score, then passage id) and applies the per-article limit, near-duplicate folding, date
 * diversity and paging with the library's own {@link PassageRanker#keep} and {@link
 * PassageRanker#diversifiedOrder}; snippets come from Solr's unified highlighter formatting as the
 * embedded one ({@link ParleySnippetHighlighter}); facets from JSON facets.
 *
 * <p>Not supported on Solr (an {@link IllegalArgumentException} says so): article hits ({@link
 * Unit#ARTICLE}), recency weighting, and dense vectors (the collection has none).
 *
 * <p>Thread safety: safe for concurrent searches; {@link #close()} releases the client.
 */
public final class SolrSearcher implements AutoCloseable {
  /**
   * Default time limit: 10 s, more than the embedded searcher's 2 s because Solr counts the whole
   * distributed request (the statistics round trip, parsing, highlighting), not collection alone;
   * with 5 s the first query after indexing all of Reuters came back empty and partial on a loaded
   * 2-core machine (docs/scale-out.md).
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final String SEPARATOR = "\n"; // never in an id: article ids have no controls
  private static final String OWN = "own";

  private final SolrCollection collection;
  private final CloudSolrClient client;
  private final IndexManifest manifest;
  private final FirstStage checks;
  private final String pre;
  private final String post;
  private final int sentences;
  private final SnippetEscaping escaping;
  private final Duration timeout;

  private SolrSearcher(Builder b) throws IOException {
    this.collection = b.collection;
    this.pre = b.pre;
    this.post = b.post;
    this.sentences = b.sentences;
    this.escaping = b.escaping;
    this.timeout = b.timeout;
    this.client = collection.client();
    try {
      IndexManifest m = collection.readManifest(client);
      if (m == null) {
        throw new IllegalStateException(
            "no Parley index in Solr collection "
                + collection.url()
                + ": index into it with: parley index --input DIR --solr "
                + collection.url());
      }
      this.manifest = m;
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
    this.checks =
        FirstStage.defaults(AnalysisConfig.fromJson(manifest.analysis()), manifest.topics());
  }

  /**
   * Opens the collection at {@code collectionUrl} with the default highlighting.
   *
   * @throws IllegalArgumentException if it is not a collection URL
   * @throws IllegalStateException if nothing was indexed into it
   * @throws IOException if Solr cannot be reached
   */
  public static SolrSearcher open(String collectionUrl) throws IOException {
    return builder(collectionUrl).build();
  }

  /** Starts configuring a searcher over the collection at {@code collectionUrl}. */
  public static Builder builder(String collectionUrl) {
    return new Builder(SolrCollection.parse(collectionUrl));
  }

  /** The topics the collection's passages were scored for. */
  public List<String> topics() {
    return manifest.topics();
  }

  /**
   * Ranks passages for {@code request}.
   *
   * @throws IllegalArgumentException for an unknown topic or entity, or an option Solr does not
   *     support (article hits, recency)
   * @throws IOException if Solr cannot be reached or fails
   */
  public SearchResults search(SearchRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    if (request.unit() == Unit.ARTICLE) {
      throw new IllegalArgumentException(
          "--articles is not supported on Solr; search passages (drop --articles) or use an"
              + " embedded index (--index DIR)");
    }
    if (request.recencyHalfLifeDays() > 0) {
      throw new IllegalArgumentException(
          "--recency-half-life is not supported on Solr; use an embedded index (--index DIR)");
    }
    boolean browse = checks.check(request);
    boolean byScore = !browse || !request.topics().isEmpty();
    boolean diversify = browse && !request.topics().isEmpty();
    int wanted = request.offset() + request.k();
    boolean needsWindow = request.perArticle() > 0 || request.collapse() || diversify;
    boolean ownText = !browse;
    int window = needsWindow ? Math.max(30, wanted * 3) : wanted;
    while (true) {
      Window top = window(request, byScore, ownText, window);
      boolean exhausted = top.rows.size() < window;
      boolean fewMatches = top.matching <= PassageRanker.TOTAL_HITS_THRESHOLD;
      if (fewMatches && !exhausted && (needsWindow || ownText)) {
        window = (int) top.matching + 1;
        continue;
      }
      List<PassageRanker.Listed> listed = new ArrayList<>(top.rows.size());
      for (Row r : top.rows) {
        listed.add(
            new PassageRanker.Listed(
                byScore ? r.score : 0f, r.passageId, request.collapse() ? r.simhash : 0));
      }
      int limit = exhausted ? Integer.MAX_VALUE : wanted;
      List<PassageRanker.Kept> kept =
          PassageRanker.keep(
              listed,
              request.perArticle(),
              request.collapse(),
              diversify ? (int) Math.min(Integer.MAX_VALUE, limit * 3L) : limit);
      if (diversify) {
        float[] scores = new float[kept.size()];
        long[] dates = new long[kept.size()];
        for (int i = 0; i < scores.length; i++) {
          scores[i] = listed.get(kept.get(i).index()).score();
          dates[i] = top.rows.get(kept.get(i).index()).date;
        }
        List<PassageRanker.Kept> ordered = new ArrayList<>(kept.size());
        for (int i : PassageRanker.diversifiedOrder(scores, dates)) {
          ordered.add(kept.get(i));
        }
        kept = ordered;
      }
      if (kept.size() >= wanted || exhausted) {
        List<PassageRanker.Kept> page =
            kept.subList(Math.min(request.offset(), kept.size()), Math.min(kept.size(), wanted));
        boolean exact = exhausted || (!needsWindow && fewMatches);
        List<PassageRanker.Kept> all =
            needsWindow
                ? PassageRanker.keep(
                    listed, request.perArticle(), request.collapse(), Integer.MAX_VALUE)
                : null;
        long listedCount = needsWindow ? all.size() : top.matching;
        long own = listedCount;
        if (ownText) {
          own = 0;
          if (needsWindow) {
            for (PassageRanker.Kept k : all) {
              own += top.rows.get(k.index()).own ? 1 : 0;
            }
          } else {
            for (Row r : top.rows) {
              own += r.own ? 1 : 0;
            }
          }
        }
        if (!exact && needsWindow) {
          listedCount = Math.max(listedCount, request.offset() + page.size());
        }
        List<Hit> hits = hits(request, page, top.rows, listed);
        Map<String, List<FacetCount>> facets = request.facets() ? facets(request, false) : Map.of();
        SearchResults.Order order =
            !browse
                ? SearchResults.Order.RELEVANCE
                : !request.topics().isEmpty()
                    ? SearchResults.Order.TOPIC
                    : SearchResults.Order.NEWEST;
        return new SearchResults(
            request.query(),
            listedCount,
            exact
                ? SearchResults.Relation.EQUAL_TO
                : SearchResults.Relation.GREATER_THAN_OR_EQUAL_TO,
            Math.min(own, listedCount),
            top.matching,
            hits,
            facets,
            top.partial,
            order);
      }
      window *= 4;
    }
  }

  /** One passage of the global top list. */
  private record Row(
      String id, String passageId, float score, long simhash, long date, boolean own) {}

  /** The global top {@code size} passages and the number that matched. */
  private record Window(List<Row> rows, long matching, boolean partial) {}

  private Window window(SearchRequest request, boolean byScore, boolean ownText, int size)
      throws IOException {
    ModifiableSolrParams p = parleyParams(request);
    p.set("q", "{!parley}");
    p.set("rows", size);
    p.set(
        "sort",
        (byScore ? "score desc" : Fields.DATE + " desc") + "," + Fields.PASSAGE_ID + " asc");
    String fl =
        String.join(",", SolrSchema.ID, Fields.PASSAGE_ID, Fields.DATE, Fields.SIMHASH, "score");
    if (ownText) {
      p.set("parley.own", "{!parley part=owntext}");
      fl += "," + OWN + ":exists(query($parley.own))";
    }
    p.set("fl", fl);
    QueryResponse rsp = query(p);
    List<Row> rows = new ArrayList<>();
    for (SolrDocument d : rsp.getResults()) {
      Object score = d.getFirstValue("score");
      Object own = d.getFirstValue(OWN);
      rows.add(
          new Row(
              (String) d.getFirstValue(SolrSchema.ID),
              (String) d.getFirstValue(Fields.PASSAGE_ID),
              score == null ? 0f : ((Number) score).floatValue(),
              number(d.getFirstValue(Fields.SIMHASH)),
              number(d.getFirstValue(Fields.DATE)),
              Boolean.TRUE.equals(own)));
    }
    return new Window(rows, rsp.getResults().getNumFound(), partial(rsp));
  }

  private static long number(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  private static boolean partial(QueryResponse rsp) {
    Object p = rsp.getHeader() == null ? null : rsp.getHeader().get("partialResults");
    return Boolean.TRUE.equals(p);
  }

  /** The request's query part and the searcher's time limit as Solr parameters. */
  private ModifiableSolrParams parleyParams(SearchRequest request) {
    ModifiableSolrParams p = new ModifiableSolrParams();
    ParleyParams.write(request, p);
    p.set("timeAllowed", Long.toString(timeout.toMillis()));
    return p;
  }

  /** The hits of the page: stored fields, snippets and explanations in one request. */
  private List<Hit> hits(
      SearchRequest request,
      List<PassageRanker.Kept> page,
      List<Row> rows,
      List<PassageRanker.Listed> listed)
      throws IOException {
    if (page.isEmpty()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>(page.size());
    page.forEach(k -> ids.add(rows.get(k.index()).id));
    ModifiableSolrParams p = parleyParams(request);
    p.set("q", "{!parley}");
    p.set(
        "fq",
        "{!terms f=" + SolrSchema.ID + " separator=$parley.sep}" + String.join(SEPARATOR, ids));
    p.set("parley.sep", SEPARATOR);
    p.set("rows", ids.size());
    p.set(
        "fl",
        String.join(
            ",",
            SolrSchema.ID,
            Fields.ARTICLE_ID,
            Fields.SPAN,
            Fields.HEADING,
            Fields.TEXT,
            Fields.TOPICS,
            Fields.ENTITY));
    p.set("hl", true);
    p.set("hl.method", "unified");
    p.set("hl.fl", Fields.TEXT);
    p.set("hl.q", "{!parley part=text}");
    p.set("hl.snippets", sentences);
    p.set("hl.tag.pre", pre);
    p.set("hl.tag.post", post);
    p.set("hl.encoder", escaping == SnippetEscaping.HTML ? "html" : "none");
    p.set("hl.requireFieldMatch", true);
    if (request.explain()) {
      p.set("debug", "results");
      p.set("debug.explain.structured", false);
    }
    QueryResponse rsp = query(p);
    Map<String, SolrDocument> byId = new LinkedHashMap<>();
    for (SolrDocument d : rsp.getResults()) {
      byId.put((String) d.getFirstValue(SolrSchema.ID), d);
    }
    Map<String, Map<String, List<String>>> highlighting =
        rsp.getHighlighting() == null ? Map.of() : rsp.getHighlighting();
    Map<String, Object> explain = rsp.getExplainMap() == null ? Map.of() : rsp.getExplainMap();
    List<Hit> hits = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      PassageRanker.Kept k = page.get(i);
      String id = rows.get(k.index()).id;
      SolrDocument d = byId.get(id);
      if (d == null) {
        throw new IOException(
            "passage " + id + " left Solr collection " + collection.url() + " during the search");
      }
      List<String> snippets = highlighting.getOrDefault(id, Map.of()).get(Fields.TEXT);
      PassageSpan span = PassageSpan.decode(SolrSchema.binary(d.getFirstValue(Fields.SPAN)));
      hits.add(
          new Hit(
              request.offset() + i + 1,
              listed.get(k.index()).score(),
              (String) d.getFirstValue(Fields.ARTICLE_ID),
              listed.get(k.index()).passageId(),
              span.paraFrom(),
              span.paraTo(),
              span.charStart(),
              span.charEnd(),
              LocalDate.ofEpochDay(span.epochDay()),
              (String) d.getFirstValue(Fields.HEADING),
              (String) d.getFirstValue(Fields.TEXT),
              SnippetHighlighter.finish(
                  snippets == null || snippets.isEmpty() ? null : snippets.get(0)),
              request.explain() && explain.get(id) != null ? explanation(explain.get(id)) : null,
              StoredTopics.floats(SolrSchema.binary(d.getFirstValue(Fields.TOPICS))),
              strings(d.getFieldValues(Fields.ENTITY)),
              k.duplicates(),
              span.cpStart(),
              span.cpEnd()));
    }
    return hits;
  }

  private static List<String> strings(Collection<Object> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      values.forEach(v -> out.add(v.toString()));
    }
    return out;
  }

  /** Topic, entity and month counts over the request's matches (or every passage for stats). */
  private Map<String, List<FacetCount>> facets(SearchRequest request, boolean everyPassage)
      throws IOException {
    ModifiableSolrParams p = parleyParams(request);
    if (everyPassage) {
      p.set("q", "*:*");
      p.set("fq", Fields.KIND + ":" + Fields.KIND_PASSAGE);
    } else {
      p.set("q", "{!parley}");
    }
    p.set("rows", 0);
    p.set(
        "json.facet",
        "{topic:{type:terms,field:"
            + Fields.TOPIC
            + ",limit:-1},"
            + "entity:{type:terms,field:"
            + Fields.ENTITY
            + ",limit:"
            + TOP_ENTITIES
            + ",overrequest:1000,refine:true},"
            + "month:{type:terms,field:"
            + Fields.MONTH
            + ",limit:-1,sort:'index asc'}}");
    QueryResponse rsp = query(p);
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    NamedList<?> facets = (NamedList<?>) rsp.getResponse().get("facets");
    for (String dim : List.of(Fields.TOPIC, Fields.ENTITY, Fields.MONTH)) {
      List<FacetCount> counts = new ArrayList<>();
      NamedList<?> f = facets == null ? null : (NamedList<?>) facets.get(dim);
      if (f != null) {
        for (Object bucket : (List<?>) f.get("buckets")) {
          NamedList<?> b = (NamedList<?>) bucket;
          counts.add(
              new FacetCount(b.get("val").toString(), ((Number) b.get("count")).longValue()));
        }
      }
      if (!dim.equals(Fields.MONTH)) {
        counts.sort(
            Comparator.comparingLong(FacetCount::count)
                .reversed()
                .thenComparing(FacetCount::label));
      }
      out.put(dim, counts);
    }
    return out;
  }

  /** How many entities a facet list shows, as embedded. */
  private static final int TOP_ENTITIES = 20;

  /**
   * Counts what the collection holds, as the embedded searcher's stats.
   *
   * @throws IOException if Solr cannot be reached
   */
  public IndexStats stats() throws IOException {
    long articles = count(Fields.KIND_ARTICLE);
    long passages = count(Fields.KIND_PASSAGE);
    Map<String, List<FacetCount>> counts = facets(SearchRequest.of(""), true);
    return IndexStats.of(
        articles,
        passages,
        articleDate(false),
        articleDate(true),
        manifest,
        counts.get(Fields.TOPIC),
        counts.get(Fields.ENTITY));
  }

  private long count(String kind) throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "*:*");
    p.set("fq", Fields.KIND + ":" + kind);
    p.set("rows", 0);
    return query(p).getResults().getNumFound();
  }

  private LocalDate articleDate(boolean newest) throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "*:*");
    p.set("fq", Fields.KIND + ":" + Fields.KIND_ARTICLE);
    p.set("rows", 1);
    p.set("sort", Fields.DATE + (newest ? " desc" : " asc"));
    p.set("fl", Fields.DATE);
    List<SolrDocument> docs = query(p).getResults();
    return docs.isEmpty()
        ? null
        : LocalDate.ofEpochDay(number(docs.get(0).getFirstValue(Fields.DATE)));
  }

  private QueryResponse query(ModifiableSolrParams params) throws IOException {
    try {
      return new QueryRequest(params, SolrRequest.METHOD.POST)
          .process(client, collection.collection());
    } catch (SolrException e) {
      String message = String.valueOf(e.getMessage());
      // Solr prefixes the server's message with "Error from server at URL: ".
      int at = message.indexOf(": ", message.indexOf("Error from server at ") + 1);
      String reason =
          message.startsWith("Error from server at ") && at > 0
              ? message.substring(at + 2)
              : message;
      reason = reason.replaceAll("\\s*\\R\\s*", " ").strip();
      if (e.code() == SolrException.ErrorCode.BAD_REQUEST.code) {
        throw new IllegalArgumentException(reason, e);
      }
      throw new IOException("Solr collection " + collection.url() + " failed: " + reason, e);
    } catch (SolrServerException e) {
      throw new IOException(
          "cannot reach Solr collection "
              + collection.url()
              + ": "
              + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " "),
          e);
    }
  }

  /** Releases the client. */
  @Override
  public void close() throws IOException {
    client.close();
  }

  /** Configures a {@link SolrSearcher}. Not thread-safe; build once. */
  public static final class Builder {
    private final SolrCollection collection;
    private String pre = "<em>";
    private String post = "</em>";
    private int sentences = 2;
    private SnippetEscaping escaping = SnippetEscaping.HTML;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder(SolrCollection collection) {
      this.collection = collection;
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

    /** What happens to the article text inside snippets; default {@link SnippetEscaping#HTML}. */
    public Builder withSnippetEscaping(SnippetEscaping escaping) {
      this.escaping = Objects.requireNonNull(escaping, "escaping");
      return this;
    }

    /**
     * Time limit of one search on each shard (Solr's {@code timeAllowed}); default {@link
     * #DEFAULT_TIMEOUT}. A shard that reaches it returns what it found and the results are flagged
     * {@link SearchResults#partial()}.
     */
    public Builder withTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be > 0, got: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Opens the collection and reads its manifest.
     *
     * @throws IllegalStateException if nothing was indexed into it
     * @throws IOException if Solr cannot be reached
     */
    public SolrSearcher build() throws IOException {
      return new SolrSearcher(this);
    }
  }

  /**
   * Solr's text of an explanation starts with a line break that Lucene's own does not have; the
   * command line printed it as an empty line under the hit.
   */
  private static String explanation(Object solrText) {
    return solrText.toString().stripLeading();
  }
}
