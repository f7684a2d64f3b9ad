package dev.parley.query;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.Entity;
import dev.parley.analysis.EntityTagger;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.ParleyAnalyzer;
import dev.parley.query.build.ForeignNames;
import dev.parley.query.build.QueryFactory;
import dev.parley.query.build.SimpleQuery;
import dev.parley.query.build.SynonymBalance;
import dev.parley.query.rank.QuerySignals;
import dev.parley.query.rank.TopicRescorer;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link SearchRequest} into the first-stage Lucene query of one {@link Searcher}: checks
 * topics and entities against the index, builds the text query with synonyms balanced, adds topic
 * scores, recency and filters.
 *
 * <p>Thread safety: immutable after construction; safe for concurrent searches.
 */
final class QueryPreparer {
  private final QueryFactory queries;

  /** The index chain minus stop words: how typed words are compared with query alternatives. */
  private final ParleyAnalyzer wordAnalyzer;

  private final ForeignNames foreignNames;
  private final EntityTagger tagger;
  private final Gazetteer gazetteer;
  private final List<String> topics;
  private final float topicWeight;

  /**
   * The preparer of an index analyzed with {@code analysis} whose passages were scored for {@code
   * topics}: the one wiring of analyzers and query factories that the embedded {@link Searcher} and
   * the Solr query parser ({@link FirstStage}) share.
   */
  static QueryPreparer create(
      AnalysisConfig analysis,
      boolean entitySynonyms,
      Gazetteer gazetteer,
      float contextWeight,
      float topicWeight,
      List<String> topics) {
    ParleyAnalyzer wordAnalyzer = ParleyAnalyzer.forQueries(analysis);
    return new QueryPreparer(
        // Its relevance queries come with their passage-text-only twins (ownTextHits).
        queryFactory(analysis, entitySynonyms, gazetteer, wordAnalyzer, contextWeight),
        wordAnalyzer,
        entitySynonyms ? ForeignNames.of(gazetteer, analysis) : ForeignNames.NONE,
        gazetteer,
        topics,
        topicWeight);
  }

  /** This preparer for an index whose passages were scored for {@code otherTopics}; cheap. */
  QueryPreparer withTopics(List<String> otherTopics) {
    return new QueryPreparer(
        queries, wordAnalyzer, foreignNames, gazetteer, otherTopics, topicWeight);
  }

  private static QueryFactory queryFactory(
      AnalysisConfig analysis,
      boolean entitySynonyms,
      Gazetteer gazetteer,
      ParleyAnalyzer wordAnalyzer,
      float contextWeight) {
    return entitySynonyms
        ? new QueryFactory(
            ParleyAnalyzer.forQueries(analysis, gazetteer),
            ParleyAnalyzer.forPhrases(analysis, gazetteer),
            contextWeight)
        : new QueryFactory(wordAnalyzer, ParleyAnalyzer.forPhrases(analysis), contextWeight);
  }

  QueryPreparer(
      QueryFactory queries,
      ParleyAnalyzer wordAnalyzer,
      ForeignNames foreignNames,
      Gazetteer gazetteer,
      List<String> topics,
      float topicWeight) {
    this.queries = queries;
    this.wordAnalyzer = wordAnalyzer;
    this.foreignNames = foreignNames;
    this.tagger = new EntityTagger(gazetteer);
    this.gazetteer = gazetteer;
    this.topics = List.copyOf(topics);
    this.topicWeight = topicWeight;
  }

  /**
   * A request checked against the index, before a reader is held.
   *
   * @param request the request
   * @param parsed its parsed query text
   * @param entityIds the canonical ids of its entity filters
   */
  record Request(SearchRequest request, SimpleQuery parsed, List<String> entityIds) {}

  /**
   * The Lucene queries of one request.
   *
   * @param browse whether the request has no query words (ranked by date or topic alone)
   * @param text the relevance query, synonyms balanced (what snippets highlight)
   * @param query the full first-stage query: text, topics, recency and filters
   * @param typed the query words as the index analyzes them, in order
   * @param ownText the query's words on the passage text alone (no article context) with the same
   *     filters, to count the hits that hold the words themselves; null when browsing
   * @param firstStage what the ranker searches when topic scores are added by a {@link
   *     TopicRescorer} over the top passages: {@code query} without its topic clause (the same
   *     matches); {@code query} itself when the request names no topics or browses
   * @param decay the recency decay of the request, or null
   */
  record Prepared(
      boolean browse,
      Query text,
      Query query,
      List<String> typed,
      Query ownText,
      Query firstStage,
      DoubleValuesSource decay) {

    /** Whether topic scores are added by rescoring the top passages rather than by the query. */
    boolean rescoresTopics() {
      return firstStage != query;
    }
  }

  /** Checks topics and resolves entities; both fail fast with the bad value named. */
  Request check(SearchRequest request) {
    checkTopics(request.topics());
    checkTopics(request.topicFilter());
    List<String> entityIds = request.entities().stream().map(this::entityId).toList();
    return new Request(request, SimpleQuery.parse(request.query()), entityIds);
  }

  /** Builds the first-stage query of a checked request over {@code searcher}'s reader. */
  Prepared prepare(Request r, IndexSearcher searcher) throws IOException {
    return prepare(r, searcher, true);
  }

  /**
   * As {@link #prepare(Request, IndexSearcher)}; without {@code ownText} the {@link
   * Prepared#ownText()} query is null even with words: ranking alone counts nothing, and building
   * it analyzes the query a second time.
   */
  Prepared prepare(Request r, IndexSearcher searcher, boolean ownText) throws IOException {
    SearchRequest request = r.request();
    boolean browse = r.parsed().groups().isEmpty();
    List<String> typed = typedTerms(r.parsed());
    boolean wantsOwnText = !browse && ownText;
    // One analysis gives both: the relevance query and, when the hits are counted, its words on
    // the passage text alone.
    QueryFactory.Built built =
        wantsOwnText
            ? queries.buildWithOwnText(r.parsed(), request.match())
            : new QueryFactory.Built(queries.build(r.parsed(), request.match()), null);
    Query text;
    try {
      text = SynonymBalance.balance(built.query(), searcher, typed, foreignNames);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooComplex(e);
    }
    Query ranking = ranking(text, request.topics(), browse);
    DoubleValuesSource decay =
        request.recencyHalfLifeDays() > 0
            ? new RecencyDecay(ArticleDates.newestDay(searcher), request.recencyHalfLifeDays())
            : null;
    if (decay != null) {
      ranking = FunctionScoreQuery.boostByValue(ranking, decay);
    }
    Query ownTextQuery =
        wantsOwnText ? withFilters(built.ownText(), request, r.entityIds(), false) : null;
    Query query = withFilters(ranking, request, r.entityIds(), browse);
    Query firstStage = query;
    if (!browse && !request.topics().isEmpty()) {
      Query textOnly = decay == null ? text : FunctionScoreQuery.boostByValue(text, decay);
      firstStage = withFilters(textOnly, request, r.entityIds(), false);
    }
    return new Prepared(browse, text, query, typed, ownTextQuery, firstStage, decay);
  }

  /** The topic rescorer of a prepared request that names topics and has words. */
  TopicRescorer topicRescorer(
      SearchRequest request, Prepared q, IndexSearcher searcher, int depth) {
    return new TopicRescorer(searcher, request.topics(), topicWeight, q.decay(), depth);
  }

  /** The query's analyzed words, entities and topic cues. */
  QuerySignals signals(String query, List<String> typed) {
    Set<String> entities = new LinkedHashSet<>(EntityTagger.ids(tagger.tag(query)));
    return QuerySignals.of(query, typed, entities);
  }

  /**
   * The positive query words as loose words are analyzed (no synonyms, no stop words), in order.
   */
  private List<String> typedTerms(SimpleQuery query) throws IOException {
    List<String> terms = new ArrayList<>();
    StringBuilder words = new StringBuilder();
    for (List<SimpleQuery.Term> group : query.groups()) {
      group.forEach(t -> words.append(t.text()).append(' '));
    }
    try (var ts = wordAnalyzer.tokenStream(Fields.TEXT, words.toString())) {
      var term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    }
    return terms;
  }

  static IllegalArgumentException tooComplex(IndexSearcher.TooManyClauses e) {
    return new IllegalArgumentException(
        "query is too complex: its words and their synonyms make more than "
            + IndexSearcher.getMaxClauseCount()
            + " clauses; use fewer words",
        e);
  }

  /**
   * Text relevance plus topic scores; topic scores alone when browsing by topic. With words, the
   * lexical ranker searches {@link Prepared#firstStage()} and adds the topic scores with a {@link
   * TopicRescorer}; this full query serves the hybrid and article rankings, explanations and {@code
   * tune}.
   */
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

  private void checkTopics(List<String> topics) {
    for (String topic : topics) {
      if (!this.topics.contains(topic)) {
        throw new IllegalArgumentException(
            "unknown topic '" + topic + "': this index has " + String.join(", ", this.topics));
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

  /**
   * The filter of the dense side's kNN search for a prepared request: the request's dates and
   * entities, none of its excluded words, and with {@code MatchMode.ALL} its required words.
   */
  Query denseFilter(Request r, Prepared q) {
    return DenseSide.filter(
        requestFilters(r.request(), r.entityIds()),
        queries.exclusions(r.parsed()),
        q.text(),
        r.request().match());
  }

  /**
   * The request's date, entity and topic filters as one query, or null when it has none. Topic
   * filters are one disjunction (a passage labelled with any of them passes); dates and every
   * entity must all hold.
   */
  private static Query requestFilters(SearchRequest request, List<String> entityIds) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    if (request.since() != null || request.until() != null) {
      long from = request.since() == null ? Long.MIN_VALUE : request.since().toEpochDay();
      long to = request.until() == null ? Long.MAX_VALUE : request.until().toEpochDay();
      // Points or doc values, whichever is cheaper where the query runs: a range over half the
      // dates costs a bitset of half the index from the points, while the text clauses lead the
      // search to far fewer passages, whose dates the doc values check one by one. Same matches.
      b.add(
          new IndexOrDocValuesQuery(
              LongPoint.newRangeQuery(Fields.DATE, from, to),
              NumericDocValuesField.newSlowRangeQuery(Fields.DATE, from, to)),
          Occur.FILTER);
      n++;
    }
    for (String entity : entityIds) {
      b.add(new TermQuery(new Term(Fields.ENTITY, entity)), Occur.FILTER);
      n++;
    }
    if (!request.topicFilter().isEmpty()) {
      BooleanQuery.Builder labelled = new BooleanQuery.Builder();
      request
          .topicFilter()
          .forEach(t -> labelled.add(new TermQuery(new Term(Fields.TOPIC, t)), Occur.SHOULD));
      b.add(labelled.build(), Occur.FILTER);
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
      b.add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), Occur.FILTER);
    }
    Query filters = requestFilters(request, entityIds);
    if (filters != null) {
      b.add(filters, Occur.FILTER);
    }
    return b.build();
  }
}
