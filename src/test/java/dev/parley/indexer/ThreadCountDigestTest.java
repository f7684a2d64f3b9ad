package dev.parley.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.bench.IndexDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: on random input, any thread count, RAM buffer and commit interval (so segment buffers
 * are flushed by the indexing threads mid-run, on the workers before each commit, or by the commit
 * itself) gives an index with the same documents, every passage exactly once, as one thread with
 * the defaults ({@link IndexDigest}: stored fields, postings, norms and doc values per document).
 */
class ThreadCountDigestTest {
  @TempDir Path dir;

  @Test
  void threadsBufferAndCommitIntervalChangeNoDocument() throws IOException {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "ThreadCountDigestTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    int files = 150 + random.nextInt(100);
    for (int i = 0; i < files; i++) {
      StringBuilder b = new StringBuilder("date 2019-0" + (1 + random.nextInt(9)) + "-12\n\n");
      RandomArticles.appendParagraphs(b, random, 8, 60);
      Files.writeString(in.resolve(String.format("a%03d.txt", i)), b.toString());
    }
    Path reference = dir.resolve("ref");
    IngestReport ref;
    try (Indexer indexer = Indexer.builder(reference).withThreads(1).build()) {
      ref = indexer.index(List.of(in));
    }
    assertEquals(files, ref.articles(), "seed " + seed);
    Map<String, Long> expected = digest(reference, ref);
    for (int run = 0; run < 3; run++) {
      int threads = 2 + random.nextInt(3);
      int commitEvery = 5 + random.nextInt(files);
      double ramMb = random.nextBoolean() ? 1 : 64;
      boolean merge = random.nextBoolean();
      String what =
          "seed "
              + seed
              + ": threads "
              + threads
              + ", commit every "
              + commitEvery
              + ", RAM "
              + ramMb
              + " MB, merge "
              + merge;
      Path index = dir.resolve("run" + run);
      IngestReport report;
      try (Indexer indexer =
          Indexer.builder(index)
              .withThreads(threads)
              .withCommitEvery(commitEvery)
              .withRamBufferMb(ramMb)
              .withMergeAfterRun(merge)
              .build()) {
        report = indexer.index(List.of(in));
      }
      assertEquals(ref.articles(), report.articles(), what);
      assertEquals(ref.passages(), report.passages(), what);
      assertEquals(expected, digest(index, report), what);
    }
  }

  /** The digest, after checking that no document is there twice and the counts add up. */
  private static Map<String, Long> digest(Path index, IngestReport report) throws IOException {
    try (FSDirectory d = FSDirectory.open(index)) {
      Map<String, Long> digest = IndexDigest.of(d);
      try (DirectoryReader reader = DirectoryReader.open(d)) {
        assertEquals(reader.numDocs(), digest.size(), "a document is in the index twice");
        assertEquals(report.articles() + report.passages(), reader.numDocs());
      }
      return digest;
    }
  }
}
