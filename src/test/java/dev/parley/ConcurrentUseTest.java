package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Article;
import dev.parley.indexer.IndexVerifier;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.Paragraph;
import dev.parley.indexer.Verification;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import dev.parley.query.result.SearchResults;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One indexer adding, replacing and deleting articles while several threads search the same index,
 * and a searcher closed while searches run.
 */
class ConcurrentUseTest {
  @TempDir Path dir;

  /** How long the stress test runs. */
  static final long STRESS_MILLIS = Long.getLong("parley.stressMillis", 2500);

  static final int QUERY_THREADS = 3;

  /** The stress test's minimum work, whatever the machine's speed. */
  static final int MIN_COMMITS = 5;

  static final int MIN_SEARCHES = 20;

  /** An article whose every passage says which version it is ("ver7") and how many it has. */
  private static Article article(String id, int version, int paragraphs) {
    List<Paragraph> list = new ArrayList<>();
    for (int i = 0; i < paragraphs; i++) {
      list.add(
          new Paragraph(
              i,
              "The summit on sanctions, ver"
                  + version
                  + " of "
                  + id
                  + ", paragraph "
                  + i
                  + " of n"
                  + paragraphs
                  + ".",
              Paragraph.Kind.BODY));
    }
    return new Article(id, LocalDate.of(2020, 1, 1 + version % 28), null, list, "test");
  }

  private static final Pattern VERSION =
      Pattern.compile("ver(\\d+) of \\S+, paragraph \\d+ of n(\\d+)");

  /** What the searchers may rely on: published after each commit returned. */
  record Committed(Set<String> deleted, Map<String, Integer> versions) {}

  @Test
  void searchesStayConsistentWhileArticlesAreAddedReplacedAndDeleted() throws Exception {
    Path index = dir.resolve("idx");
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println("ConcurrentUseTest stress: -Dparley.seed=" + seed);
    Random random = new Random(seed);
    Map<String, Integer> versions = new HashMap<>();
    Map<String, Integer> sizes = new HashMap<>();
    Set<String> deleted = new HashSet<>();
    try (Indexer indexer = Indexer.builder(index).build()) {
      for (int i = 0; i < 100; i++) {
        String id = String.format("a%03d", i);
        indexer.add(article(id, 0, 1 + i % 3));
        versions.put(id, 0);
        sizes.put(id, 1 + i % 3);
      }
      indexer.commit();
    }
    var committed =
        new java.util.concurrent.atomic.AtomicReference<>(
            new Committed(Set.of(), Map.copyOf(versions)));
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    Set<String> deleting = java.util.concurrent.ConcurrentHashMap.newKeySet();
    AtomicInteger searches = new AtomicInteger();
    AtomicInteger commits = new AtomicInteger();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STRESS_MILLIS);
    long giveUp = deadline + TimeUnit.MINUTES.toNanos(4); // then the minimum check below fails
    ExecutorService pool = Executors.newFixedThreadPool(QUERY_THREADS + 1);
    // A long time limit: a search cut off on a loaded machine would count as a failure below.
    try (Searcher searcher =
            Searcher.builder(index).withTimeout(java.time.Duration.ofMinutes(5)).build();
        Indexer indexer = Indexer.builder(index).build()) {
      Future<?> writer =
          pool.submit(
              () -> {
                int next = 100;
                // Runs for STRESS_MILLIS and at least until the minimum below is reached, so a
                // loaded machine makes the test slower, never failing for lack of work done.
                while ((System.nanoTime() < deadline || commits.get() <= MIN_COMMITS)
                    && System.nanoTime() < giveUp) {
                  for (int op = 0; op < 5; op++) {
                    List<String> live = new ArrayList<>(versions.keySet());
                    String id = live.get(random.nextInt(live.size()));
                    int choice = random.nextInt(3);
                    if (choice == 0 && live.size() > 20) {
                      deleting.add(id); // before the delete, so any search that sees it knows
                      indexer.delete(id);
                      versions.remove(id);
                      sizes.remove(id);
                      deleted.add(id);
                    } else if (choice == 1) {
                      int size = 1 + random.nextInt(4);
                      indexer.add(article(id, versions.get(id) + 1, size));
                      versions.merge(id, 1, Integer::sum);
                      sizes.put(id, size);
                    } else {
                      String fresh = String.format("n%04d", next++);
                      indexer.add(article(fresh, 0, 2));
                      versions.put(fresh, 0);
                      sizes.put(fresh, 2);
                    }
                  }
                  indexer.commit();
                  committed.set(new Committed(Set.copyOf(deleted), Map.copyOf(versions)));
                  commits.incrementAndGet();
                }
                return null;
              });
      List<Future<?>> readers = new ArrayList<>();
      for (int t = 0; t < QUERY_THREADS; t++) {
        long readerSeed = seed + t + 1;
        readers.add(
            pool.submit(
                () -> {
                  Random local = new Random(readerSeed);
                  while ((System.nanoTime() < deadline || searches.get() <= MIN_SEARCHES)
                      && System.nanoTime() < giveUp) {
                    Committed before = committed.get();
                    if (local.nextBoolean()) {
                      SearchResults results =
                          searcher.search(
                              SearchRequest.builder("summit sanctions")
                                  .withK(20)
                                  .withPerArticle(0)
                                  .build());
                      check(results, before, failures);
                    } else {
                      // One article by its id, which only its own passages contain.
                      List<String> ids = new ArrayList<>(before.versions().keySet());
                      ids.addAll(before.deleted());
                      String id = ids.get(local.nextInt(ids.size()));
                      SearchResults results =
                          searcher.search(
                              SearchRequest.builder(id).withK(10).withPerArticle(0).build());
                      check(results, before, failures);
                      boolean gone = before.deleted().contains(id);
                      boolean mayBeGone = gone || deleting.contains(id);
                      if (gone && !results.hits().isEmpty()
                          || !mayBeGone && results.hits().isEmpty()) {
                        failures.add(id + ": " + results.hits().size() + " hits");
                      }
                    }
                    searches.incrementAndGet();
                  }
                  return null;
                }));
      }
      writer.get(STRESS_MILLIS + 300_000, TimeUnit.MILLISECONDS);
      for (Future<?> f : readers) {
        f.get(300, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), List.copyOf(failures));
    assertTrue(
        commits.get() > MIN_COMMITS && searches.get() > MIN_SEARCHES,
        commits + " commits, " + searches);
    System.out.printf(
        "ConcurrentUseTest stress: %d commits, %d searches in %d ms (at least %d)%n",
        commits.get(),
        searches.get(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - deadline) + STRESS_MILLIS,
        STRESS_MILLIS);
    Verification v = IndexVerifier.verify(index);
    assertEquals(List.of(), v.problems());
    assertEquals(versions.size(), v.articles());
    assertEquals(sizes.values().stream().mapToLong(Integer::longValue).sum(), v.passages());
  }

  /**
   * One result list against what was committed before the search began: no deleted article, no
   * version older than the committed one, and every article's passages from one version, all of
   * them.
   */
  private static void check(SearchResults results, Committed before, Queue<String> failures) {
    if (results.partial()) {
      failures.add("a search hit the time limit");
    }
    Map<String, Set<String>> versionsSeen = new HashMap<>();
    Map<String, Integer> passagesSeen = new HashMap<>();
    Map<String, Integer> expectedPassages = new HashMap<>();
    for (Hit h : results.hits()) {
      String id = h.articleId();
      if (before.deleted().contains(id)) {
        failures.add("hit " + h.passageId() + " of an article deleted before the search");
      }
      Matcher m = VERSION.matcher(h.text());
      if (!m.find()) {
        failures.add("unexpected text " + h.text());
        continue;
      }
      int version = Integer.parseInt(m.group(1));
      Integer committedVersion = before.versions().get(id);
      if (committedVersion != null && version < committedVersion) {
        failures.add(id + " ver" + version + " after ver" + committedVersion + " was committed");
      }
      versionsSeen.computeIfAbsent(id, k -> new HashSet<>()).add(m.group(1));
      passagesSeen.merge(id, 1, Integer::sum);
      expectedPassages.put(id, Integer.parseInt(m.group(2)));
    }
    versionsSeen.forEach(
        (id, v) -> {
          if (v.size() > 1) {
            failures.add(id + " mixes versions " + v + " in one result list");
          }
        });
    if (results.totalHits() <= results.hits().size()) {
      passagesSeen.forEach(
          (id, n) -> {
            if (!n.equals(expectedPassages.get(id))) {
              failures.add(id + ": " + n + " passages of " + expectedPassages.get(id));
            }
          });
    }
  }

  @Test
  void closingLetsRunningSearchesFinishAndRefusesLaterOnes() throws Exception {
    Path index = dir.resolve("idx");
    try (Indexer indexer = Indexer.builder(index).build()) {
      indexer.index(List.of(Path.of("seeds")));
    }
    Searcher searcher = Searcher.open(index);
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    Queue<Long> succeeded = new ConcurrentLinkedQueue<>(); // start times of searches that worked
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch running = new CountDownLatch(4);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      threads.add(
          pool.submit(
              () -> {
                running.countDown();
                while (true) {
                  long start = System.nanoTime();
                  try {
                    SearchResults r =
                        searcher.search(
                            SearchRequest.builder("summit banquet").withFacets(true).build());
                    if (r.hits().isEmpty()) {
                      failures.add("no hits");
                    }
                    succeeded.add(start);
                  } catch (IllegalStateException e) {
                    if (!e.getMessage().equals("searcher over " + index + " is closed")) {
                      failures.add(e.toString());
                    }
                    refused.incrementAndGet();
                    return null;
                  } catch (IOException | RuntimeException e) {
                    failures.add(e.toString());
                    return null;
                  }
                }
              }));
    }
    running.await();
    // Close once searches are under way (at least five done), however slow the machine is.
    long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (succeeded.size() <= 4 && System.nanoTime() < giveUp) {
      Thread.sleep(10);
    }
    searcher.close();
    long closed = System.nanoTime();
    for (Future<?> f : threads) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(List.of(), List.copyOf(failures));
    assertEquals(4, refused.get(), "every thread ends on a refused search");
    assertTrue(succeeded.size() > 4, succeeded.size() + " searches succeeded");
    assertTrue(
        succeeded.stream().allMatch(t -> t < closed),
        "a search started after close() returned did not throw IllegalStateException");
    IllegalStateException after =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> searcher.search(SearchRequest.of("summit")));
    assertEquals("searcher over " + index + " is closed", after.getMessage());
    searcher.close(); // twice is harmless
  }
}
