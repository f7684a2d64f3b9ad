package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.parley.embed.DenseModel;
import dev.parley.indexer.Indexer;
import dev.parley.query.fuse.Fusion;
import dev.parley.query.fuse.HybridRanker;
import dev.parley.query.result.FacetCount;
import dev.parley.query.result.Hit;
import dev.parley.query.result.ResultsJson;
import dev.parley.query.result.SearchResults;
import dev.parley.query.result.Unit;
import dev.parley.schema.Fields;
import dev.parley.schema.IndexManifest;
import dev.parley.schema.SchemaMismatchException;
import dev.parley.testutil.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid search on a tiny corpus written for the test: passages that say "embargo" or "barred all
 * commerce" share no word with "trade ban", so BM25 cannot find them; the e5-small-v2 vectors can.
 */
class HybridSearchTest {
  @TempDir static Path dir;
  static Path input;
  static Path index;

  static final String CORPUS =
      String.join(
          "\n",
          "{\"id\": \"emb1\", \"date\": \"2019-03-01\", \"text\": \"The European Union imposed an"
              + " embargo on arms sales to Venezuela and froze the assets of senior officials.\"}",
          "{\"id\": \"emb2\", \"date\": \"2019-04-10\", \"paragraphs\": [\"Washington barred all"
              + " commerce with Pyongyang, forbidding American firms from selling goods there.\","
              + " \"The measure was announced by the Treasury.\"]}",
          "{\"id\": \"trade1\", \"date\": \"2019-01-15\", \"text\": \"Trade between the two countries"
              + " grew by 12 pct last year, the ministry said.\"}",
          "{\"id\": \"ban1\", \"date\": \"2019-02-01\", \"text\": \"The city council voted to ban"
              + " smoking in public parks.\"}",
          "{\"id\": \"ban2\", \"date\": \"2018-11-20\", \"text\": \"Officials lifted the ban on"
              + " smoking in bars after the vote.\"}",
          "{\"id\": \"trade2\", \"date\": \"2018-10-02\", \"text\": \"Trade unions called a general"
              + " strike over pension reform.\"}",
          "{\"id\": \"summit1\", \"date\": \"2019-02-27\", \"text\": \"Kim Jong Un and Donald Trump"
              + " met in Hanoi for their second summit.\"}",
          "{\"id\": \"fx1\", \"date\": \"2019-05-05\", \"text\": \"The dollar rose against the yen in"
              + " quiet trading.\"}");

  @BeforeAll
  static void index() throws IOException {
    input = dir.resolve("news.jsonl");
    Files.writeString(input, CORPUS + "\n");
    index = embedded("index", 2);
  }

  static Path embedded(String name, int threads) throws IOException {
    Path out = dir.resolve(name);
    try (Indexer indexer =
        Indexer.builder(out).withEmbeddings(DenseModel.E5_SMALL_V2).withThreads(threads).build()) {
      assertEquals(List.of(), indexer.index(List.of(input)).rejected());
      assertEquals(9, indexer.embeddedPassages());
    }
    return out;
  }

  static SearchResults search(Path index, SearchRequest request) throws IOException {
    try (Searcher searcher = Searcher.open(index)) {
      return searcher.search(request);
    }
  }

  static List<String> ids(SearchResults results) {
    return results.hits().stream().map(Hit::passageId).toList();
  }

  @Test
  void manifestRecordsTheModel() throws IOException {
    try (var d = FSDirectory.open(index)) {
      IndexManifest m = IndexManifest.read(d, index);
      assertEquals("e5-small-v2", m.dense().model());
      assertEquals(384, m.dense().dimension());
      assertEquals("1.11.0-beta19", m.dense().version());
    }
  }

  /**
   * Golden: that the embargo passages reach the top 3 is what e5-small-v2 gives, not something the
   * fixture alone implies (that BM25 cannot find them is: they share no word with the query).
   */
  @Test
  @Tag("golden")
  void hybridFindsTheParaphraseThatBm25Misses() throws IOException {
    SearchRequest lexical = SearchRequest.builder("trade ban").withDense(false).build();
    List<String> bm25 = ids(search(index, lexical));
    assertFalse(bm25.contains("emb1#0-0"), bm25.toString());
    assertFalse(bm25.contains("emb2#0-0"), bm25.toString());

    List<String> hybrid = ids(search(index, SearchRequest.of("trade ban")));
    assertTrue(hybrid.contains("emb1#0-0") && hybrid.contains("emb2#0-0"), "default: " + hybrid);
    // The nearest passage's cosine is 0.836, weak evidence above e5's floor 0.74 (confidence
    // 0.37): by default the paraphrases come after the passages holding a query word, but above
    // the unrelated summit passage.
    assertTrue(hybrid.indexOf("emb2#0-0") < hybrid.indexOf("summit1#0-0"), "default: " + hybrid);
    assertTrue(hybrid.indexOf("emb1#0-0") < hybrid.indexOf("summit1#0-0"), "default: " + hybrid);
    // Min-max alone (no floor) at the lexical share 0.4, or the floor with a share of 0.1, puts
    // them in the top 3.
    for (Fusion meaning :
        List.of(
            Fusion.learned().withWeight(0.4).withFloor(Fusion.NO_FLOOR),
            Fusion.learned().withWeight(0.1))) {
      try (Searcher s = Searcher.builder(index).withFusion(meaning).build()) {
        List<String> top = ids(s.search(SearchRequest.of("trade ban")));
        assertTrue(
            top.subList(0, 3).contains("emb1#0-0") || top.subList(0, 3).contains("emb2#0-0"),
            meaning + ": " + top);
      }
    }
  }

  @Test
  void sameInputSameOrderTwice() throws IOException {
    Path again = embedded("again", 1);
    for (String q : List.of("trade ban", "sanctions on North Korea", "summit", "smoking")) {
      SearchRequest r = SearchRequest.builder(q).withK(20).withPerArticle(0).build();
      SearchResults a = search(index, r);
      SearchResults b = search(again, r);
      assertEquals(ids(a), ids(b), q);
      assertEquals(
          a.hits().stream().map(Hit::score).toList(),
          b.hits().stream().map(Hit::score).toList(),
          q);
      assertEquals(ids(a), ids(search(index, r)), q);
    }
  }

  @Test
  void theHitCountDoesNotMoveWithThePage() throws IOException {
    // A fusion reaching 2 passages deep on each side: pages beyond it must count the same hits,
    // and paging one hit at a time up to totalHits must show each of them once (reviewer finding:
    // totalHits grew with the offset, so a client trusting the first page lost hits).
    Fusion shallow = new Fusion(Fusion.LEARNED_WEIGHT, 2, Fusion.Candidates.UNION);
    try (Searcher searcher = Searcher.builder(index).withFusion(shallow).build()) {
      for (String q : List.of("trade", "sanctions on North Korea", "xylophone")) {
        long first =
            searcher
                .search(SearchRequest.builder(q).withK(1).withPerArticle(0).build())
                .totalHits();
        List<String> paged = new java.util.ArrayList<>();
        for (int offset = 0; offset < first + 2; offset++) {
          SearchResults page =
              searcher.search(
                  SearchRequest.builder(q).withK(1).withOffset(offset).withPerArticle(0).build());
          assertEquals(first, page.totalHits(), q + " at offset " + offset);
          paged.addAll(ids(page));
        }
        assertEquals(first, paged.size(), q + ": " + paged);
        assertEquals(first, new java.util.HashSet<>(paged).size(), q + ": " + paged);
      }
    }
  }

  @Test
  void theArticleCountsDoNotMoveWithThePage() throws IOException {
    // Reviewer finding: with articles, an offset past the end became totalHits and ownTextHits
    // (7 articles, offset 500: 500). Paged one article at a time, hybrid and lexical, past the end.
    Fusion shallow = new Fusion(Fusion.LEARNED_WEIGHT, 2, Fusion.Candidates.UNION);
    try (Searcher searcher = Searcher.builder(index).withFusion(shallow).build()) {
      for (boolean dense : new boolean[] {true, false}) {
        for (String q : List.of("trade", "sanctions on North Korea", "xylophone", "smoking ban")) {
          SearchRequest.Builder b =
              SearchRequest.builder(q).withUnit(Unit.ARTICLE).withDense(dense).withK(1);
          SearchResults first = searcher.search(b.withOffset(0).build());
          List<String> paged = new java.util.ArrayList<>();
          for (int offset :
              java.util.stream.IntStream.concat(
                      java.util.stream.IntStream.rangeClosed(0, (int) first.totalHits() + 2),
                      java.util.stream.IntStream.of(9, 500))
                  .toArray()) {
            SearchResults page = searcher.search(b.withOffset(offset).build());
            String where = q + " dense " + dense + " at offset " + offset;
            assertEquals(first.totalHits(), page.totalHits(), where);
            assertEquals(first.ownTextHits(), page.ownTextHits(), where);
            assertEquals(first.totalHitsRelation(), page.totalHitsRelation(), where);
            paged.addAll(page.hits().stream().map(Hit::articleId).toList());
          }
          assertEquals(first.totalHits(), paged.size(), q + ": " + paged);
          assertEquals(first.totalHits(), new java.util.HashSet<>(paged).size(), q + ": " + paged);
        }
      }
    }
  }

  @Test
  void articleOwnTextHitsCountTheArticlesHoldingAWord() throws IOException {
    // Reviewer finding: in article mode ownTextHits counted every article ("xylophone zebra" 7 of
    // 7); articles the dense side found by meaning alone are hits, not own-text hits.
    Map<String, Integer> expected =
        // "trade" also finds fx1's "trading" (stemmed); "smoking" is only in the two ban stories.
        Map.of("xylophone zebra", 0, "trade", 3, "smoking", 2, "summit", 1, "trade ban", 5);
    for (var e : expected.entrySet()) {
      SearchResults hybrid =
          search(index, SearchRequest.builder(e.getKey()).withUnit(Unit.ARTICLE).build());
      SearchResults lexical =
          search(
              index,
              SearchRequest.builder(e.getKey()).withUnit(Unit.ARTICLE).withDense(false).build());
      assertEquals(e.getValue().longValue(), hybrid.ownTextHits(), e.getKey());
      assertEquals(e.getValue().longValue(), lexical.ownTextHits(), e.getKey());
      assertEquals(e.getValue().longValue(), lexical.totalHits(), e.getKey());
      assertTrue(hybrid.totalHits() >= lexical.totalHits(), e.getKey());
    }
  }

  @Test
  void theCountAndOrderDoNotDependOnThePageSize() throws IOException {
    // Review finding: with more lexical matches than the fusion's depth, a first page of 1 counted
    // 141 hits ("at least") and a page of 100 counted 174: the lexical side followed the page.
    Fusion shallow = new Fusion(Fusion.LEARNED_WEIGHT, 2, Fusion.Candidates.UNION);
    try (Searcher searcher = Searcher.builder(index).withFusion(shallow).build()) {
      for (String q : List.of("trade ban smoking", "sanctions officials", "trade")) {
        SearchResults all =
            searcher.search(SearchRequest.builder(q).withK(50).withPerArticle(0).build());
        assertEquals(SearchResults.Relation.EQUAL_TO, all.totalHitsRelation(), q);
        for (int k = 1; k <= 3; k++) {
          SearchResults page =
              searcher.search(SearchRequest.builder(q).withK(k).withPerArticle(0).build());
          assertEquals(all.totalHits(), page.totalHits(), q + " k " + k);
          assertEquals(SearchResults.Relation.EQUAL_TO, page.totalHitsRelation(), q + " k " + k);
          assertEquals(ids(all).subList(0, Math.min(k, ids(all).size())), ids(page), q);
        }
      }
    }
  }

  @Test
  void passagesNoNearerThanUnrelatedOnesAreNotHits() throws IOException {
    // Review finding: a query whose nearest passage is no nearer than an unrelated one (confidence
    // 0) listed every passage the dense side found, all scoring 0. They match nothing: not hits.
    try (Searcher searcher =
        Searcher.builder(index).withFusion(Fusion.learned().withFloor(0.99)).build()) {
      SearchResults none =
          searcher.search(SearchRequest.builder("xylophone zebra").withPerArticle(0).build());
      assertEquals(0, none.totalHits(), ids(none).toString());
      SearchResults some =
          searcher.search(SearchRequest.builder("trade ban").withPerArticle(0).build());
      SearchResults lexical =
          searcher.search(
              SearchRequest.builder("trade ban").withPerArticle(0).withDense(false).build());
      assertEquals(sorted(ids(lexical)), sorted(ids(some)));
      assertEquals(ids(lexical), ids(some), "the lexical order, with the dense part at 0");
    }
  }

  @Test
  void ownTextHitsCountOnlyPassagesHoldingTheWords() throws IOException {
    // Hits the dense side found without a query word are hits, but not own-text hits (reviewer
    // finding: 'xylophone zebra' reported ownTextHits = totalHits).
    for (String q : List.of("xylophone zebra", "trade", "trade ban", "summit", "sanctions")) {
      SearchResults hybrid = search(index, SearchRequest.builder(q).withPerArticle(0).build());
      SearchResults lexical =
          search(index, SearchRequest.builder(q).withPerArticle(0).withDense(false).build());
      assertEquals(lexical.ownTextHits(), hybrid.ownTextHits(), q);
      assertTrue(hybrid.totalHits() >= lexical.totalHits(), q);
    }
    assertEquals(
        0, search(index, SearchRequest.of("xylophone zebra")).ownTextHits(), "no word matches");
  }

  @Test
  void facetsDescribeTheHybridHits() throws IOException {
    // Every passage has one month, so the month facet sums to the hits counted; in hybrid mode
    // that includes the passages found by meaning alone (reviewer finding: facets described the
    // lexical matches only, so "xylophone zebra" showed hits and no facets).
    Fusion shallow = new Fusion(Fusion.LEARNED_WEIGHT, 3, Fusion.Candidates.UNION);
    try (Searcher searcher = Searcher.builder(index).withFusion(shallow).build()) {
      for (String q : List.of("xylophone zebra", "trade ban", "summit", "embargo Venezuela")) {
        SearchResults r =
            searcher.search(SearchRequest.builder(q).withPerArticle(0).withFacets(true).build());
        long months = r.facets().get(Fields.MONTH).stream().mapToLong(FacetCount::count).sum();
        assertEquals(r.totalHits(), months, q + ": " + r.facets());
        SearchResults lexical =
            searcher.search(
                SearchRequest.builder(q)
                    .withPerArticle(0)
                    .withFacets(true)
                    .withDense(false)
                    .build());
        long lexicalMonths =
            lexical.facets().get(Fields.MONTH).stream().mapToLong(FacetCount::count).sum();
        assertEquals(lexical.totalHits(), lexicalMonths, q);
      }
      SearchResults none =
          searcher.search(
              SearchRequest.builder("xylophone zebra").withPerArticle(0).withFacets(true).build());
      assertEquals(3, none.totalHits(), "the three nearest passages, no lexical match");
    }
  }

  @Test
  void noDenseIsTheLexicalRanking() throws IOException {
    SearchResults off =
        search(index, SearchRequest.builder("trade ban").withDense(false).withK(20).build());
    // KStem makes "trading" "trade": fx1 matches too.
    assertEquals(
        List.of("ban1#0-0", "ban2#0-0", "fx1#0-0", "trade1#0-0", "trade2#0-0"), sorted(ids(off)));
    assertEquals(5, off.totalHits());
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().toList();
  }

  @Test
  void filtersApplyToTheDenseSide() throws IOException {
    SearchResults since =
        search(
            index,
            SearchRequest.builder("trade ban")
                .withSince(LocalDate.of(2019, 4, 1))
                .withK(20)
                .build());
    for (Hit h : since.hits()) {
      assertFalse(h.date().isBefore(LocalDate.of(2019, 4, 1)), h.passageId());
    }
    assertTrue(ids(since).contains("emb2#0-0"), ids(since).toString());

    SearchResults excluded =
        search(index, SearchRequest.builder("trade ban -embargo").withK(20).build());
    assertFalse(ids(excluded).contains("emb1#0-0"), ids(excluded).toString());
    assertTrue(ids(excluded).contains("emb2#0-0"), ids(excluded).toString());

    SearchResults all =
        search(
            index, SearchRequest.builder("trade ban").withMatch(MatchMode.ALL).withK(20).build());
    assertEquals(List.of(), ids(all), "no passage says both trade and ban");
  }

  @Test
  void explainShowsBothParts() throws IOException {
    Hit top =
        search(index, SearchRequest.builder("trade ban").withExplain(true).build()).hits().get(0);
    assertTrue(top.explanation().contains("hybrid: 0.40 x lexical"), top.explanation());
    assertTrue(top.explanation().contains("+ 0.60 x confidence"), top.explanation());
    assertTrue(
        top.explanation().matches("(?s).*- floor 0\\.74\\) / \\(1 - floor 0\\.74\\).*"),
        top.explanation());
    assertTrue(top.explanation().contains("x dense"), top.explanation());
    assertTrue(top.explanation().contains("lexical part:"), top.explanation());
    try (Searcher plain =
        Searcher.builder(index).withFusion(Fusion.learned().withFloor(Fusion.NO_FLOOR)).build()) {
      Hit p =
          plain.search(SearchRequest.builder("trade ban").withExplain(true).build()).hits().get(0);
      assertTrue(p.explanation().contains("x confidence 1.0000 (no floor)"), p.explanation());
    }
  }

  @Test
  void anIndexOfAnotherModelFusesWithThatModelsFloor() throws IOException {
    // bge's cosines live far below e5's (an unrelated passage: about 0.43 against 0.74), so e5's
    // floor would switch bge's dense side off: the searcher takes the index model's own floor.
    Path bge = dir.resolve("bge");
    try (Indexer indexer =
        Indexer.builder(bge).withEmbeddings(DenseModel.BGE_SMALL_EN_V15).withThreads(1).build()) {
      assertEquals(List.of(), indexer.index(List.of(input)).rejected());
    }
    try (Searcher searcher = Searcher.open(bge)) {
      for (String q : List.of("trade ban", "sanctions on North Korea", "summit")) {
        SearchRequest r = SearchRequest.builder(q).withK(20).withPerArticle(0).build();
        var c = searcher.fusionCandidates(r, Fusion.DEFAULT_DEPTH).candidates();
        double own = HybridRanker.confidence(c, 0.43, Fusion.DEFAULT_DEPTH);
        assertTrue(own > 0, q + ": confidence over bge's floor " + own);
        assertEquals(0, HybridRanker.confidence(c, 0.74, Fusion.DEFAULT_DEPTH), q);
        double[] fused = HybridRanker.fuse(c, Fusion.LEARNED_WEIGHT, 0.43, Fusion.DEFAULT_DEPTH);
        for (Hit h : searcher.search(r).hits()) {
          assertEquals((float) fused[indexOf(c, h.passageId())], h.score(), 1e-6, q);
        }
      }
    }
  }

  @Test
  void theSearcherFusesWithTheLearnedFloor() throws IOException {
    // The scores a search returns are the fusion of its candidates with Fusion.learned() (weight
    // and floor), so tune --fusion's offline figures are what the searcher does.
    try (Searcher searcher = Searcher.open(index)) {
      for (String q : List.of("trade ban", "sanctions on North Korea", "summit", "smoking")) {
        SearchRequest r = SearchRequest.builder(q).withK(20).withPerArticle(0).build();
        var c = searcher.fusionCandidates(r, Fusion.DEFAULT_DEPTH).candidates();
        double[] fused =
            dev.parley.query.fuse.HybridRanker.fuse(
                c, Fusion.learned().forModel(DenseModel.E5_SMALL_V2));
        double[] plain =
            dev.parley.query.fuse.HybridRanker.fuse(c, Fusion.LEARNED_WEIGHT, Fusion.DEFAULT_DEPTH);
        List<Hit> hits = searcher.search(r).hits();
        assertEquals(c.size(), hits.size(), q);
        double conf =
            dev.parley.query.fuse.HybridRanker.confidence(
                c, DenseModel.E5_SMALL_V2.backgroundCosine(), Fusion.DEFAULT_DEPTH);
        assertTrue(conf < 1, q + ": confidence " + conf);
        for (Hit h : hits) {
          int i = indexOf(c, h.passageId());
          assertEquals((float) fused[i], h.score(), 1e-6, q + " " + h.passageId());
          if (fused[i] != plain[i]) {
            assertTrue(Math.abs(h.score() - plain[i]) > 1e-6, q + " " + h.passageId());
          }
        }
      }
    }
  }

  private static int indexOf(List<dev.parley.query.fuse.HybridRanker.Candidate> c, String id) {
    for (int i = 0; i < c.size(); i++) {
      if (c.get(i).passageId().equals(id)) {
        return i;
      }
    }
    throw new AssertionError(id);
  }

  @Test
  void hybridHitJsonKeepsEveryField() throws IOException {
    JsonObject lexical =
        StrictJson.parseObject(
                ResultsJson.toJson(
                    search(index, SearchRequest.builder("trade").withDense(false).build())))
            .getAsJsonArray("hits")
            .get(0)
            .getAsJsonObject();
    JsonObject hybrid =
        StrictJson.parseObject(ResultsJson.toJson(search(index, SearchRequest.of("trade"))))
            .getAsJsonArray("hits")
            .get(0)
            .getAsJsonObject();
    assertEquals(lexical.keySet(), hybrid.keySet());
    assertTrue(
        hybrid
            .keySet()
            .containsAll(
                Set.of(
                    "rank",
                    "score",
                    "articleId",
                    "passageId",
                    "paragraphs",
                    "offsets",
                    "date",
                    "heading",
                    "text",
                    "snippet",
                    "topics",
                    "entities",
                    "duplicates")),
        hybrid.keySet().toString());
    assertFalse(hybrid.has("unit"), "passage hits keep exactly the passage fields");
  }

  @Test
  void articleSearchGivesOneHitPerArticle() throws IOException {
    SearchResults r =
        search(index, SearchRequest.builder("Pyongyang Treasury").withUnit(Unit.ARTICLE).build());
    // Hybrid: every article is a dense candidate; the one that says both words comes first.
    assertEquals("emb2", r.hits().get(0).articleId());
    assertEquals(8, r.hits().size());
    assertEquals(8, r.hits().stream().map(Hit::articleId).distinct().count());
    assertEquals(8, r.totalHits());
    Hit best = r.hits().get(0);
    assertEquals(Unit.ARTICLE, best.unit());
    JsonObject json =
        StrictJson.parseObject(ResultsJson.toJson(r))
            .getAsJsonArray("hits")
            .get(0)
            .getAsJsonObject();
    assertEquals("article", json.get("unit").getAsString());
    assertNotNull(json.get("passageId"));
    assertNotNull(json.get("offsets"));
    SearchResults lexical =
        search(
            index,
            SearchRequest.builder("Pyongyang Treasury")
                .withUnit(Unit.ARTICLE)
                .withDense(false)
                .build());
    assertEquals(1, lexical.totalHits(), "totalHits counts articles: two passages, one article");
    // The shorter second paragraph ("Treasury") outscores the first ("Pyongyang") in BM25.
    assertEquals(List.of("emb2#1-1"), ids(lexical));
  }

  @Test
  void vectorsOfAnotherModelVersionStopOnlyTheSearchesThatNeedThem() throws IOException {
    // Reviewer finding: an index whose vectors another version of the model wrote refused to open,
    // so stats, browsing and --no-dense (which need no vectors) failed with the hybrid search.
    Path older = dir.resolve("older-vectors");
    Files.createDirectories(older);
    try (var files = Files.list(index)) {
      for (Path f : files.toList()) {
        Files.copy(f, older.resolve(f.getFileName()));
      }
    }
    try (var d = FSDirectory.open(older);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
      Map<String, String> data = new HashMap<>();
      try (DirectoryReader r = DirectoryReader.open(d)) {
        data.putAll(r.getIndexCommit().getUserData());
      }
      data.put("parley.dense.version", "1.0.0-older");
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
    try (Searcher searcher = Searcher.open(older)) {
      SearchRequest lexical = SearchRequest.builder("trade ban").withDense(false).build();
      assertEquals(ids(search(index, lexical)), ids(searcher.search(lexical)));
      assertEquals(9, searcher.stats().passages());
      assertFalse(searcher.search(SearchRequest.builder("").build()).hits().isEmpty(), "browse");
      for (SearchRequest needsVectors :
          List.of(
              SearchRequest.of("trade ban"),
              SearchRequest.builder("embargo").withUnit(Unit.ARTICLE).build())) {
        SchemaMismatchException e =
            assertThrows(SchemaMismatchException.class, () -> searcher.search(needsVectors));
        assertEquals(
            "index "
                + older
                + " holds vectors of e5-small-v2 (384 dimensions, 1.0.0-older) but this Parley"
                + " embeds queries with e5-small-v2 (384 dimensions, 1.11.0-beta19): re-index into"
                + " a new directory with this Parley; or search without the vectors (parley search"
                + " --no-dense, SearchRequest.withDense(false))",
            e.getMessage());
      }
    }
  }

  @Test
  void anotherModelIsAClearError() {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                Indexer.builder(index).withEmbeddings(DenseModel.BGE_SMALL_EN_V15).build().close());
    assertEquals(
        "index "
            + index
            + " holds vectors of e5-small-v2 (384 dimensions, 1.11.0-beta19) but this run asks for"
            + " bge-small-en-v1.5: index into a new directory, or leave out the model to keep"
            + " e5-small-v2",
        e.getMessage());
  }

  @Test
  void anIndexWithoutVectorsSearchesLexically() throws IOException {
    Path plain = dir.resolve("plain");
    try (Indexer indexer = Indexer.builder(plain).build()) {
      indexer.index(List.of(input));
    }
    try (Searcher searcher = Searcher.open(plain)) {
      assertNull(searcher.dense());
      assertEquals(
          ids(search(index, SearchRequest.builder("trade ban").withDense(false).build())),
          ids(searcher.search(SearchRequest.of("trade ban"))));
    }
    IOException e =
        assertThrows(
            IOException.class,
            () -> Indexer.builder(plain).withEmbeddings(DenseModel.E5_SMALL_V2).build().close());
    assertEquals(
        "index "
            + plain
            + " has 9 passages without vectors, so it cannot take e5-small-v2 vectors: index with"
            + " embeddings into a new directory",
        e.getMessage());
  }
}
