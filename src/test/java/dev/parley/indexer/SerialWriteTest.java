package dev.parley.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.parley.bench.IndexDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workers of a run build documents in parallel but write them to Lucene one at a time
 * (IndexRun's write lock), so a run that fits the RAM buffer leaves one segment and the final
 * {@code forceMerge(1)} has nothing to rewrite; the index, the report and the passages are those of
 * one thread.
 */
class SerialWriteTest {
  @TempDir Path dir;

  /** A target whose writes take a moment and record how many ran at the same time. */
  private static final class OverlapTarget implements IndexRun.Target {
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();
    final AtomicInteger written = new AtomicInteger();

    @Override
    public List<Document> documents(Article article, IndexedArticles known) {
      return List.of(new Document(), new Document());
    }

    @Override
    public void write(String articleId, List<Document> docs) {
      int now = active.incrementAndGet();
      most.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(1); // long enough that unserialised workers would overlap
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      active.decrementAndGet();
      written.incrementAndGet();
    }

    @Override
    public void commit() {}

    @Override
    public boolean flushNextBuffer() {
      return false;
    }
  }

  @Test
  void workersWriteOneAtATime() throws IOException {
    for (int threads : new int[] {2, 3, 4}) {
      OverlapTarget target = new OverlapTarget();
      IndexRun run =
          new IndexRun(target, threads, 25, ProgressListener.NONE, 60, System.nanoTime(), false);
      try (ByteBuffersDirectory d = new ByteBuffersDirectory()) {
        try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
          w.commit();
        }
        try (DirectoryReader reader = DirectoryReader.open(d)) {
          run.known = new IndexedArticles(reader, false);
          for (int i = 0; i < 60; i++) {
            run.accept(
                new Article(
                    "a" + i,
                    LocalDate.of(2020, 1, 1),
                    null,
                    List.of(new Paragraph(0, "Body " + i + ".", Paragraph.Kind.BODY)),
                    "f" + i));
          }
          run.finish();
        }
      } finally {
        run.stopWorkers();
      }
      assertEquals(60, target.written.get(), threads + " threads");
      assertEquals(1, target.most.get(), threads + " threads: writes overlapped");
    }
  }

  @Test
  void aRunThatFitsTheBufferLeavesOneSegmentWhateverTheThreads() throws IOException {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "SerialWriteTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    Path in = Files.createDirectories(dir.resolve("in"));
    int files = 120 + random.nextInt(120);
    for (int i = 0; i < files; i++) {
      String text;
      if (random.nextInt(25) == 0) {
        text = "date 2019-13-45\n\nA date that does not exist.\n"; // rejected, with its file named
      } else {
        StringBuilder b = new StringBuilder("date 2019-0" + (1 + random.nextInt(9)) + "-12\n\n");
        RandomArticles.appendParagraphs(b, random, 8, 60);
        text = b.toString();
      }
      Files.writeString(in.resolve(String.format("a%03d.txt", i)), text);
    }
    IngestReport one = null;
    Map<String, Long> expected = null;
    for (int threads = 1; threads <= 4; threads++) {
      Path index = dir.resolve("t" + threads);
      IngestReport report;
      try (Indexer indexer =
          Indexer.builder(index).withThreads(threads).withMergeAfterRun(false).build()) {
        report = indexer.index(List.of(in));
      }
      String what = "seed " + seed + ", " + threads + " threads";
      try (FSDirectory d = FSDirectory.open(index);
          DirectoryReader reader = DirectoryReader.open(d)) {
        assertEquals(1, reader.leaves().size(), what + ": segments");
        assertEquals(report.articles() + report.passages(), reader.numDocs(), what);
        Map<String, Long> digest = IndexDigest.of(d);
        assertEquals(reader.numDocs(), digest.size(), what + ": a document is there twice");
        if (one == null) {
          one = report;
          expected = digest;
          assertFalse(one.rejected().isEmpty(), what + ": the input has bad files");
        } else {
          assertEquals(one.articles(), report.articles(), what);
          assertEquals(one.passages(), report.passages(), what);
          assertEquals(one.rejected(), report.rejected(), what);
          assertEquals(expected, digest, what);
        }
      }
    }
  }
}
