package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.indexer.Article;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.Paragraph;
import dev.parley.indexer.Passage;
import dev.parley.indexer.enrich.Enricher;
import dev.parley.indexer.enrich.Enrichment;
import dev.parley.query.result.Hit;
import dev.parley.query.result.SearchResults;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Topic-ranked search adds {@code 3 × topic score} to the text score of the top passages
 * (TopicRescorer), ties by passage id; topic-only browsing ranks by the topic score. Passages share
 * one text so their text scores are equal and the order is the topic's alone.
 */
class TopicRescoringTest {

  /** Scores every passage of article {@code id} with the topic score {@code scores.get(id)}. */
  private record FixedTopics(Map<String, Float> scores) implements Enricher {
    @Override
    public Enrichment enrich(Article article, Passage passage) {
      float s = scores.get(article.id());
      return new Enrichment(
          Map.of("diplomacy", s), s >= 0.5f ? List.of("diplomacy") : List.of(), List.of());
    }

    @Override
    public List<String> topics() {
      return List.of("diplomacy");
    }
  }

  private static final String TEXT = "Ministers discussed the treaty on Monday.";

  private static Directory index(Map<String, Float> scores, boolean sameDate) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (Indexer indexer =
        Indexer.builder(Path.of("mem"))
            .withDirectory(dir)
            .withEnricher(new FixedTopics(scores))
            .build()) {
      int day = 0;
      for (String id : scores.keySet()) {
        indexer.add(
            new Article(
                id,
                LocalDate.of(2020, 1, 1).plusDays(sameDate ? 0 : day++),
                null,
                List.of(new Paragraph(0, TEXT, Paragraph.Kind.BODY)),
                "test"));
      }
    }
    return dir;
  }

  private static SearchResults search(Directory dir, SearchRequest request) throws IOException {
    try (Searcher s = Searcher.builder(Path.of("mem")).withDirectory(dir).build()) {
      return s.search(request);
    }
  }

  private static List<String> ids(SearchResults r) {
    return r.hits().stream().map(Hit::articleId).toList();
  }

  @Test
  void topicScoresOrderEqualTextScoresTiesByPassageId() throws IOException {
    Map<String, Float> scores = new LinkedHashMap<>();
    scores.put("a1", 0.2f);
    scores.put("a2", 0.9f);
    scores.put("a3", 0.9f);
    scores.put("a4", 0.5f);
    scores.put("a5", 0.0f);
    try (Directory dir = index(scores, false)) {
      SearchResults plain = search(dir, SearchRequest.builder("treaty").build());
      assertEquals(List.of("a1", "a2", "a3", "a4", "a5"), ids(plain));
      SearchResults topic =
          search(dir, SearchRequest.builder("treaty").addTopic("diplomacy").build());
      assertEquals(List.of("a2", "a3", "a4", "a1", "a5"), ids(topic));
      // score = text score + 3 × the topic score as FeatureField stores it (9 significant bits)
      float text = plain.hits().get(0).score();
      for (Hit h : topic.hits()) {
        assertEquals(text + 3 * stored(scores.get(h.articleId())), h.score(), 1e-4, h.articleId());
      }
      // the page cut after rescoring: offset 1, k 2
      assertEquals(
          List.of("a3", "a4"),
          ids(
              search(
                  dir,
                  SearchRequest.builder("treaty")
                      .addTopic("diplomacy")
                      .withOffset(1)
                      .withK(2)
                      .build())));
      // topic-only browsing: labelled passages by topic score (distinct dates: no penalty)
      assertEquals(
          List.of("a2", "a3", "a4"),
          ids(search(dir, SearchRequest.builder("").addTopic("diplomacy").build())));
    }
  }

  @Test
  void withRecencyTheTopicScoreDecaysLikeTheText() throws IOException {
    Map<String, Float> scores = new LinkedHashMap<>();
    scores.put("old", 0.9f); // 2020-01-01
    scores.put("new", 0.1f); // 2020-01-02, the newest: no decay
    try (Directory dir = index(scores, false)) {
      SearchResults plain = search(dir, SearchRequest.builder("treaty").build());
      float text = plain.hits().get(0).score();
      SearchResults r =
          search(
              dir,
              SearchRequest.builder("treaty").addTopic("diplomacy").withRecencyHalfLife(1).build());
      assertEquals(List.of("old", "new"), ids(r));
      // (text + 3 × topic) × 2^(-age/halfLife): the old passage is one half-life old
      assertEquals((text + 3 * stored(0.9f)) * 0.5, r.hits().get(0).score(), 1e-4);
      assertEquals(text + 3 * stored(0.1f), r.hits().get(1).score(), 1e-4);
    }
  }

  /**
   * Property: over random topic scores (many ties) on equal texts, the topic-ranked order is the
   * order by stored topic score, high first, then passage id.
   */
  @Test
  void randomScoresRankByTopicThenPassageId() throws IOException {
    long seed = System.nanoTime();
    System.out.println("TopicRescoringTest seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 5; round++) {
      Map<String, Float> scores = new LinkedHashMap<>();
      int n = 5 + random.nextInt(30);
      for (int i = 0; i < n; i++) {
        scores.put(String.format("p%03d", i), random.nextInt(5) / 4f);
      }
      try (Directory dir = index(scores, true)) {
        List<String> expected = new ArrayList<>(scores.keySet());
        expected.sort(
            Comparator.comparing((String id) -> -stored(scores.get(id)))
                .thenComparing(Comparator.naturalOrder()));
        SearchResults r =
            search(dir, SearchRequest.builder("treaty").addTopic("diplomacy").withK(n).build());
        assertEquals(expected, ids(r), "seed " + seed + " round " + round);
      }
    }
  }

  /** The value a FeatureField holds for {@code v} (it keeps the top 9 significant bits). */
  private static float stored(float v) {
    float floor = Math.max(v, 1e-4f);
    return Float.intBitsToFloat((Float.floatToIntBits(floor) >>> 15) << 15);
  }
}
