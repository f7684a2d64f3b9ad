package dev.parley.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Before each commit of a run with workers, the writer's segment buffers are flushed on the
 * workers, all of them, and the commit comes after (IndexRun.flushBuffers); one thread and ordered
 * (embedding) runs leave flushing to the commit.
 */
class ParallelFlushTest {

  /** Stands in for the indexer: each write fills a buffer; a flush empties one. */
  private static final class CountingTarget implements IndexRun.Target {
    final AtomicInteger unflushed = new AtomicInteger();
    final List<String> flushThreads = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> unflushedAtCommit = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger written = new AtomicInteger();

    @Override
    public List<Document> documents(Article article, IndexedArticles known) {
      return List.of(new Document(), new Document());
    }

    @Override
    public void write(String articleId, List<Document> docs) {
      written.incrementAndGet();
      unflushed.incrementAndGet();
    }

    @Override
    public void commit() {
      unflushedAtCommit.add(unflushed.get());
    }

    @Override
    public boolean flushNextBuffer() {
      flushThreads.add(Thread.currentThread().getName());
      // one "buffer" per written article; taking it is atomic, as Lucene's checkout is
      return unflushed.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
  }

  private static CountingTarget run(int threads, boolean inOrder, int articles, int commitEvery)
      throws IOException {
    CountingTarget target = new CountingTarget();
    IndexRun run =
        new IndexRun(
            target,
            threads,
            commitEvery,
            ProgressListener.NONE,
            articles,
            System.nanoTime(),
            inOrder);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        w.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        run.known = new IndexedArticles(reader, false);
        for (int i = 0; i < articles; i++) {
          run.accept(article(i));
        }
        run.finish();
      }
    } finally {
      run.stopWorkers();
    }
    target.commit(); // what Indexer.index does after finish()
    assertEquals(articles, target.written.get());
    assertEquals(articles, run.articles.get());
    assertEquals(2L * articles - articles, run.passages.get()); // one passage + the record each
    return target;
  }

  private static Article article(int i) {
    return new Article(
        "a" + i,
        LocalDate.of(2020, 1, 1),
        null,
        List.of(new Paragraph(0, "Body " + i + ".", Paragraph.Kind.BODY)),
        "f" + i);
  }

  @Test
  void twoWorkersFlushEveryBufferBeforeEachCommit() throws IOException {
    CountingTarget t = run(2, false, 23, 5);
    // commits after articles 5, 10, 15, 20 and the final one: nothing left unflushed at any
    assertEquals(List.of(0, 0, 0, 0, 0), t.unflushedAtCommit);
    assertTrue(
        t.flushThreads.stream().allMatch("parley-indexer"::equals), t.flushThreads.toString());
    // every flush pass ends with one empty call per worker: 5 passes x 2 workers + 23 flushes
    assertEquals(23 + 5 * 2, t.flushThreads.size());
  }

  @Test
  void threeWorkersAndNoIntermediateCommit() throws IOException {
    CountingTarget t = run(3, false, 40, 1000);
    assertEquals(List.of(0), t.unflushedAtCommit);
    assertEquals(40 + 3, t.flushThreads.size());
  }

  @Test
  void oneThreadLeavesFlushingToTheCommit() throws IOException {
    CountingTarget t = run(1, false, 12, 5);
    assertEquals(List.of(5, 10, 12), t.unflushedAtCommit);
    assertEquals(List.of(), t.flushThreads);
  }

  @Test
  void orderedWritesLeaveFlushingToTheCommit() throws IOException {
    CountingTarget t = run(2, true, 12, 5);
    assertEquals(List.of(5, 10, 12), t.unflushedAtCommit);
    assertEquals(List.of(), t.flushThreads);
  }
}
