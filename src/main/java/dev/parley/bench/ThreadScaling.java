package dev.parley.bench;

import com.google.gson.JsonObject;
import dev.parley.indexer.Article;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.IngestReport;
import dev.parley.indexer.Passage;
import dev.parley.indexer.segment.ParagraphSegmenter;
import dev.parley.indexer.segment.SegmentationConfig;
import dev.parley.indexer.segment.Segmenter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How Parley's indexing pipeline scales with threads ({@code bench --thread-scaling}): indexes the
 * input in this JVM with one thread, then with two, into fresh indexes, and reports the parallel
 * stages' throughput: passages per second from the first passage read (the first article reaching
 * the segmenter) to the last written (the run's final commit returned), so JVM start, listing the
 * input and the final merge (turned off here) are not counted.
 *
 * <p>The same harness measures the indexing knobs (RAM buffer, commit interval) through {@link
 * #main}.
 *
 * <p>Not thread-safe; one run at a time.
 */
public final class ThreadScaling {
  private ThreadScaling() {}

  /**
   * One indexing run.
   *
   * @param threads indexing threads
   * @param passages passages written
   * @param seconds first passage read to last written
   * @param wholeSeconds the whole {@link Indexer#index} call
   */
  public record Run(int threads, long passages, double seconds, double wholeSeconds) {
    /** Passages per second over the parallel stages. */
    public double rate() {
      return passages / seconds;
    }
  }

  /**
   * One thread against two.
   *
   * @param one the one-thread run
   * @param two the two-thread run
   */
  public record Result(Run one, Run two) {
    /** The two-thread rate over the one-thread rate. */
    public double speedup() {
      return two.rate() / one.rate();
    }

    /** The {@code threadScaling} block of {@code bench --json}. */
    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("passages", one.passages());
      o.addProperty("oneThreadPassagesPerSecond", Benchmark.Result.round(one.rate()));
      o.addProperty("twoThreadsPassagesPerSecond", Benchmark.Result.round(two.rate()));
      o.addProperty("speedup", Benchmark.Result.round(speedup()));
      o.addProperty("oneThreadSeconds", Benchmark.Result.round(one.seconds()));
      o.addProperty("twoThreadsSeconds", Benchmark.Result.round(two.seconds()));
      return o;
    }

    /** A line for the text report. */
    public void print(PrintStream out) {
      out.printf(
          Locale.ROOT,
          "thread scaling (first passage read to last written, no merge): 1 thread %,.0f"
              + " passages/s, 2 threads %,.0f passages/s: %.2fx%n%n",
          one.rate(),
          two.rate(),
          speedup());
    }
  }

  /**
   * Indexes {@code inputs} with one thread, then two, under {@code work}.
   *
   * @throws IOException on a read or write error
   */
  public static Result run(List<Path> inputs, Path work, PrintStream progress) throws IOException {
    if (progress != null) {
      progress.println("thread scaling: indexing with 1 thread...");
    }
    double ram = Indexer.defaultRamBufferMb();
    int commitEvery = Indexer.DEFAULT_COMMIT_EVERY;
    Run one = index(inputs, Benchmark.emptied(work.resolve("scaling-1")), 1, ram, commitEvery);
    if (progress != null) {
      progress.println("thread scaling: indexing with 2 threads...");
    }
    Run two = index(inputs, Benchmark.emptied(work.resolve("scaling-2")), 2, ram, commitEvery);
    return new Result(one, two);
  }

  /** One timed run without the final merge. */
  static Run index(List<Path> inputs, Path dir, int threads, double ramMb, int commitEvery)
      throws IOException {
    return index(inputs, dir, threads, ramMb, commitEvery, false);
  }

  /** One timed run, with or without the final merge to one segment. */
  static Run index(
      List<Path> inputs, Path dir, int threads, double ramMb, int commitEvery, boolean merge)
      throws IOException {
    AtomicLong first = new AtomicLong();
    Segmenter plain = new ParagraphSegmenter(SegmentationConfig.defaults());
    Segmenter timed =
        new Segmenter() {
          @Override
          public List<Passage> segment(Article article) {
            first.compareAndSet(0, System.nanoTime());
            return plain.segment(article);
          }

          @Override
          public String describe() {
            return plain.describe(); // the same manifest as a default run
          }
        };
    long t0 = System.nanoTime();
    IngestReport report;
    try (Indexer indexer =
        Indexer.builder(dir)
            .withThreads(threads)
            .withMergeAfterRun(merge)
            .withRamBufferMb(ramMb)
            .withCommitEvery(commitEvery)
            .withSegmenter(timed)
            .build()) {
      report = indexer.index(inputs);
    }
    long end = System.nanoTime();
    return new Run(threads, report.passages(), (end - first.get()) / 1e9, (end - t0) / 1e9);
  }

  /**
   * Measures one setting of the knobs, for docs/performance.md: {@code WORK THREADS RAM_MB
   * COMMIT_EVERY [--merge] INPUT...}; prints passages, seconds (parallel stages), seconds (whole
   * call, with the final merge to one segment when {@code --merge} is given), passages/s and the
   * segments left.
   *
   * @throws IOException on a read or write error
   */
  public static void main(String[] args) throws IOException {
    Path work = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    double ramMb = Double.parseDouble(args[2]);
    int commitEvery = Integer.parseInt(args[3]);
    int first = 4;
    boolean merge = args.length > 4 && args[4].equals("--merge");
    if (merge) {
      first++;
    }
    List<Path> inputs = new ArrayList<>();
    for (int i = first; i < args.length; i++) {
      inputs.add(Path.of(args[i]));
    }
    Path dir = Benchmark.emptied(work.resolve("knobs"));
    Run r = index(inputs, dir, threads, ramMb, commitEvery, merge);
    int segments;
    try (org.apache.lucene.store.FSDirectory d = org.apache.lucene.store.FSDirectory.open(dir);
        org.apache.lucene.index.DirectoryReader reader =
            org.apache.lucene.index.DirectoryReader.open(d)) {
      segments = reader.leaves().size();
    }
    System.out.printf(
        Locale.ROOT,
        "threads=%d ramMb=%.0f commitEvery=%d merge=%s passages=%d stages=%.2fs whole=%.2fs"
            + " rate=%.0f/s segments=%d%n",
        threads,
        ramMb,
        commitEvery,
        merge,
        r.passages(),
        r.seconds(),
        r.wholeSeconds(),
        r.rate(),
        segments);
  }
}
