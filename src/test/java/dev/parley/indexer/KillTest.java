package dev.parley.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.ChildJvm;
import dev.parley.schema.Fields;
import dev.parley.schema.IndexManifest;
import dev.parley.schema.PassageIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills an indexing process with SIGKILL at random moments and checks after each kill that the
 * index opens, is clean for Lucene's CheckIndex, holds exactly what its last commit's manifest
 * records, and holds every committed article whole and once; then re-runs the same indexing to the
 * exact expected totals.
 *
 * <p>{@code -Dparley.killRounds=N} (default 3) sets the number of kills, {@code -Dparley.seed=S}
 * replays a run (the seed is printed).
 */
class KillTest {
  @TempDir Path tmp;

  static final int ARTICLES = 2000;
  static final int COMMIT_EVERY = 25;

  @Test
  void killedIndexingLeavesACommittedWholeIndexAndAReRunFinishesIt() throws Exception {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    int rounds = Integer.getInteger("parley.killRounds", 3);
    System.out.println("KillTest: -Dparley.seed=" + seed + " -Dparley.killRounds=" + rounds);
    Random random = new Random(seed);
    Path input = tmp.resolve("input");
    Map<String, Integer> passages = generate(input, random);
    long totalPassages = passages.values().stream().mapToLong(Integer::longValue).sum();
    Path index = tmp.resolve("idx");

    int killedMidRun = 0;
    for (int round = 1; round <= rounds; round++) {
      Process child =
          ChildJvm.builder(
                  "256m",
                  KillTestIndexing.class,
                  index.toString(),
                  input.toString(),
                  Integer.toString(COMMIT_EVERY))
              .redirectError(tmp.resolve("child-" + round + ".err").toFile())
              .redirectOutput(tmp.resolve("child-" + round + ".out").toFile())
              .start();
      // stdout goes to a file (a pipe would be closed by the kill before the test read it all).
      Path outFile = tmp.resolve("child-" + round + ".out");
      long waitUntil = System.nanoTime() + 300_000_000_000L; // a loaded machine starts JVMs slowly
      while (!Files.readString(outFile).startsWith("open\n")
          && child.isAlive()
          && System.nanoTime() < waitUntil) {
        Thread.sleep(10);
      }
      assertTrue(
          Files.readString(outFile).startsWith("open\n"),
          "child: " + Files.readString(tmp.resolve("child-" + round + ".err")));
      if (round == 1) {
        // A second writer, in another process than the one holding the lock, gets a clear error.
        IOException locked = assertThrows(IOException.class, () -> Indexer.builder(index).build());
        assertTrue(
            locked.getMessage().startsWith("index " + index + " is locked by another process"),
            locked.getMessage());
      }
      // Round 1 is killed early (the child needs seconds for 2000 articles and 80 commits), so
      // at least one round is killed mid-run. Later rounds first wait for the child to commit
      // something new (however slow the machine), so a kill also lands after commits and the
      // committed part is checked; then they may finish before the kill.
      long committedBefore = round == 1 ? 0 : committedNow(index);
      if (round > 1) {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (child.isAlive()
            && committedNow(index) <= committedBefore
            && System.nanoTime() < giveUp) {
          Thread.sleep(5);
        }
      }
      long delay = round == 1 ? 100 + random.nextInt(200) : random.nextInt(300);
      Thread.sleep(delay);
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      String rest = Files.readString(outFile).substring("open\n".length());
      String err = Files.readString(tmp.resolve("child-" + round + ".err"));
      // Only two endings are legitimate: the kill's own exit status (128 + SIGKILL's 9) before
      // the child said "done", or a clean 0 after it. Any other status is a crash, not a kill.
      int exit = child.exitValue();
      boolean finished = exit == 0;
      assertTrue(
          exit == 137 || exit == 0, "round " + round + ": exit " + exit + ", stderr: " + err);
      assertEquals(
          finished,
          rest.startsWith("done "),
          "round " + round + ": exit " + exit + " but stdout after 'open' was: " + rest);
      assertFalse(
          err.contains("Exception") || err.contains("Error") || err.contains("\tat "),
          "round " + round + ": the child wrote to stderr: " + err);
      killedMidRun += finished ? 0 : 1;
      long committed = checkCommitted(index, passages);
      System.out.printf(
          "KillTest round %d: %s %d ms after %s, %d of %d articles committed%n",
          round,
          finished ? "finished before the kill" : "killed",
          delay,
          round == 1 ? "'open'" : "a new commit",
          committed,
          ARTICLES);
    }
    // A run where every child finished before its kill would test nothing about crashes.
    assertTrue(killedMidRun >= 1, "no round was killed mid-run: raise the article count");

    long committedBefore = checkCommitted(index, passages);
    IngestReport rerun;
    try (Indexer indexer = Indexer.builder(index).build()) {
      rerun = indexer.index(List.of(input));
    }
    assertEquals(List.of(), rerun.rejected());
    assertEquals(committedBefore, rerun.unchanged(), "every committed article is unchanged");
    assertEquals(ARTICLES - committedBefore, rerun.articles());
    assertEquals(ARTICLES, checkCommitted(index, passages));
    try (var dir = FSDirectory.open(index)) {
      IndexManifest m = IndexManifest.read(dir, index);
      assertEquals(List.of((long) ARTICLES, totalPassages), List.of(m.articles(), m.passages()));
    }
    System.out.printf(
        "KillTest: %d of %d rounds killed mid-run; re-run wrote %d, skipped %d unchanged%n",
        killedMidRun, rounds, rerun.articles(), rerun.unchanged());
  }

  /** Articles in the index's last commit, read while the child may be writing (0 if unreadable). */
  private static long committedNow(Path index) {
    try (var dir = FSDirectory.open(index)) {
      return IndexManifest.read(dir, index).articles();
    } catch (IOException | RuntimeException e) {
      return 0; // no commit yet, or one being replaced while we read: ask again
    }
  }

  /** Writes small seed-format articles of 1 to 4 paragraphs; returns passages per article id. */
  private static Map<String, Integer> generate(Path input, Random random) throws IOException {
    Files.createDirectories(input);
    Map<String, Integer> passages = new HashMap<>();
    String[] words = {"summit", "talks", "sanctions", "envoy", "treaty", "ministers", "embargo"};
    for (int i = 0; i < ARTICLES; i++) {
      String id = String.format("k%05d", i);
      int paragraphs = 1 + random.nextInt(4);
      StringBuilder text = new StringBuilder("date 2020-01-01 ");
      for (int p = 0; p < paragraphs; p++) {
        if (p > 0) {
          text.append("\n\n");
        }
        text.append("Paragraph ")
            .append(p)
            .append(" of ")
            .append(id)
            .append(" is about ")
            .append(words[random.nextInt(words.length)])
            .append(" and ")
            .append(words[random.nextInt(words.length)])
            .append(".");
      }
      Files.writeString(input.resolve(id + ".txt"), text.append('\n'));
      passages.put(id, paragraphs);
    }
    return passages;
  }

  /**
   * Checks the committed index and returns its number of articles: CheckIndex is clean, the live
   * counts are those of the last commit's manifest, and each article record has all its passages
   * (as many as it was generated with), each passage id once.
   */
  private static long checkCommitted(Path index, Map<String, Integer> expected) throws IOException {
    try (var dir = FSDirectory.open(index)) {
      try (CheckIndex checker = new CheckIndex(dir)) {
        checker.setInfoStream(null);
        assertTrue(checker.checkIndex().clean, "CheckIndex found problems");
      }
      IndexManifest manifest = IndexManifest.read(dir, index);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        TermQuery records = new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE));
        TermQuery passageKind = new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE));
        int articles = searcher.count(records);
        int passages = searcher.count(passageKind);
        assertEquals(manifest.articles(), articles, "articles against the manifest");
        assertEquals(manifest.passages(), passages, "passages against the manifest");
        StoredFields stored = searcher.storedFields();
        Set<String> passageIds = new HashSet<>();
        for (ScoreDoc sd : searcher.search(records, Math.max(1, articles)).scoreDocs) {
          Document record = stored.document(sd.doc);
          String id = record.get(Fields.ARTICLE_ID);
          int count = record.getField(Fields.PASSAGE_COUNT).numericValue().intValue();
          assertEquals(expected.get(id), count, id + ": passage_count");
          BooleanQuery ofArticle =
              new BooleanQuery.Builder()
                  .add(new TermQuery(new Term(Fields.ARTICLE_ID, id)), Occur.FILTER)
                  .add(passageKind, Occur.FILTER)
                  .build();
          ScoreDoc[] docs = searcher.search(ofArticle, 100).scoreDocs;
          assertEquals(count, docs.length, id + ": passages present");
          for (ScoreDoc p : docs) {
            String passageId = PassageIds.of(reader, new int[] {p.doc})[0];
            assertTrue(passageIds.add(passageId), "duplicate passage " + passageId);
          }
        }
        assertEquals(passages, passageIds.size(), "passages without an article record");
        return articles;
      }
    }
  }
}
