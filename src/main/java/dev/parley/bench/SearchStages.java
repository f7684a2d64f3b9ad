package dev.parley.bench;

import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.IndexStats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Parley's search timed stage by stage on one index, each query under three answers in turn (so a
 * change in the machine's load falls on all three alike): <b>ranking alone</b> ({@link
 * Searcher#passageIds}: top 10, no stored fields, no snippets), the answer <b>without snippets</b>
 * (stored fields read, highlighter off), and the <b>full answer</b>. The snippet stage is the
 * difference of the last two, per hit: each query's full time minus its no-snippet time from the
 * same pass, divided by its hits, and the median of those in microseconds.
 *
 * <p>The same loop also times the full answer <b>ranked with the diplomacy topic</b> and
 * <b>filtered to the middle half of the date range</b>, so the two filtered answers are set against
 * the same full answer in the same state of the JVM and the machine ({@code bench}'s {@code
 * filtered} block times them once after its first loop instead, beside its classic p50).
 *
 * <p>Figures (milliseconds unless the key says otherwise): {@code rankP50Millis}, {@code
 * rankWorstQueryP99Millis} (each query's own p99 over the passes, the worst), {@code
 * noSnippetsP50Millis}, {@code fullP50Millis}, {@code snippetMicrosPerHit}, {@code topicP50Millis},
 * {@code dateP50Millis}.
 *
 * <p>Thread safety: not thread-safe; one measurement at a time.
 */
final class SearchStages {
  private SearchStages() {}

  /** The topic the topic-ranked answer is ranked with, as in {@code bench}'s filtered block. */
  static final String TOPIC = "diplomacy";

  /** Three warm-up passes, then {@code repeat} timed passes. */
  static Map<String, Double> measure(
      Path dir, UnaryOperator<Searcher.Builder> configure, List<String> queries, int repeat)
      throws IOException {
    int n = queries.size();
    long[] rank = new long[n * repeat];
    long[] plain = new long[n * repeat];
    long[] full = new long[n * repeat];
    long[] topic = new long[n * repeat];
    long[] date = new long[n * repeat];
    long[] snippetNanosPerHit = new long[n * repeat];
    int perHit = 0;
    try (Searcher ranked = configure.apply(Searcher.builder(dir)).build();
        Searcher noSnippets = configure.apply(Searcher.builder(dir)).withSnippets(false).build();
        Searcher everything = configure.apply(Searcher.builder(dir)).build()) {
      IndexStats stats = everything.stats();
      LocalDate from = stats.firstDate();
      long span = from == null ? 0 : stats.lastDate().toEpochDay() - from.toEpochDay();
      for (int pass = -3; pass < repeat; pass++) {
        for (int q = 0; q < n; q++) {
          SearchRequest request = SearchRequest.builder(queries.get(q)).withK(10).build();
          SearchRequest byTopic =
              SearchRequest.builder(queries.get(q)).withK(10).addTopic(TOPIC).build();
          SearchRequest.Builder dated = SearchRequest.builder(queries.get(q)).withK(10);
          if (from != null) {
            dated.withSince(from.plusDays(span / 4)).withUntil(from.plusDays(3 * span / 4));
          }
          SearchRequest byDate = dated.build();
          long t0 = System.nanoTime();
          ranked.passageIds(request);
          long t1 = System.nanoTime();
          noSnippets.search(request);
          long t2 = System.nanoTime();
          int hits = everything.search(request).hits().size();
          long t3 = System.nanoTime();
          everything.search(byTopic);
          long t4 = System.nanoTime();
          everything.search(byDate);
          long t5 = System.nanoTime();
          if (pass >= 0) {
            int i = pass * n + q;
            rank[i] = t1 - t0;
            plain[i] = t2 - t1;
            full[i] = t3 - t2;
            topic[i] = t4 - t3;
            date[i] = t5 - t4;
            if (hits > 0) {
              snippetNanosPerHit[perHit++] = ((t3 - t2) - (t2 - t1)) / hits;
            }
          }
        }
      }
    }
    double worst = 0;
    for (int q = 0; q < n; q++) {
      long[] own = new long[repeat];
      for (int r = 0; r < repeat; r++) {
        own[r] = rank[r * n + q];
      }
      worst = Math.max(worst, Latencies.percentile(own, 99));
    }
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("rankP50Millis", Latencies.percentile(rank, 50));
    out.put("rankWorstQueryP99Millis", worst);
    out.put("noSnippetsP50Millis", Latencies.percentile(plain, 50));
    out.put("fullP50Millis", Latencies.percentile(full, 50));
    out.put(
        "snippetMicrosPerHit",
        perHit == 0
            ? 0
            : Latencies.percentile(java.util.Arrays.copyOf(snippetNanosPerHit, perHit), 50) * 1000);
    out.put("topicP50Millis", Latencies.percentile(topic, 50));
    out.put("dateP50Millis", Latencies.percentile(date, 50));
    return out;
  }
}
