package dev.parley.bench;

import com.google.gson.JsonObject;
import dev.parley.indexer.Article;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.ingest.InputFiles;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Searches under concurrent writes ({@code bench --concurrent-writes}): several threads search one
 * shared {@link Searcher} over a copy of an index, first alone ("quiet"), then while one writer
 * adds and deletes articles in small committed batches ("writes"). Both phases run the same time;
 * the figures are per-search latencies of the full answer (top 10 with snippets), all threads
 * pooled.
 *
 * <p>The writer adds copies of input articles under new ids ({@code mixed-N-ID}) and deletes
 * original articles (input order), {@link Config#adds()} and {@link Config#deletes()} per commit,
 * pausing {@link Config#pauseMillis()} between commits. Deletes reach into the large merged
 * segment, so each commit changes its live documents as well as adding a small segment.
 *
 * <p>Not thread-safe; one run at a time.
 */
public final class MixedLoad {
  /**
   * What to run.
   *
   * @param index the index to copy (left untouched)
   * @param copy where the copy goes (replaced)
   * @param inputs the article files the writer takes its articles from
   * @param queries query texts, searched in a shuffled order per thread
   * @param searchThreads threads searching at once
   * @param seconds length of each phase
   * @param adds articles added per commit
   * @param deletes articles deleted per commit
   * @param pauseMillis pause after each commit
   * @param seed seed of the query orders
   * @param progress where to report progress, or null
   */
  public record Config(
      Path index,
      Path copy,
      List<Path> inputs,
      List<String> queries,
      int searchThreads,
      double seconds,
      int adds,
      int deletes,
      int pauseMillis,
      long seed,
      PrintStream progress) {
    /** Validates the values. */
    public Config {
      Objects.requireNonNull(index, "index");
      Objects.requireNonNull(copy, "copy");
      inputs = List.copyOf(inputs);
      queries = List.copyOf(queries);
      if (queries.isEmpty()) {
        throw new IllegalArgumentException("the mixed load needs at least one query");
      }
      if (searchThreads < 1 || !(seconds > 0) || adds < 0 || deletes < 0 || pauseMillis < 0) {
        throw new IllegalArgumentException(
            "searchThreads >= 1, seconds > 0, adds, deletes, pauseMillis >= 0; got: "
                + searchThreads
                + ", "
                + seconds
                + ", "
                + adds
                + ", "
                + deletes
                + ", "
                + pauseMillis);
      }
    }

    /** The same load for {@code seconds} per phase. */
    public Config withSeconds(double seconds) {
      return new Config(
          index,
          copy,
          inputs,
          queries,
          searchThreads,
          seconds,
          adds,
          deletes,
          pauseMillis,
          seed,
          progress);
    }

    /** The defaults of {@code bench --concurrent-writes}: 4 threads, 10 s, 5 + 5 per commit. */
    public static Config defaults(
        Path index, Path copy, List<Path> inputs, List<String> queries, PrintStream progress) {
      return new Config(index, copy, inputs, queries, 4, 10, 5, 5, 20, 42, progress);
    }
  }

  /**
   * One phase's figures.
   *
   * @param searches searches finished
   * @param p50Millis median latency
   * @param p99Millis 99th percentile latency
   * @param maxMillis slowest search
   * @param commits commits the writer finished during the phase (0 when quiet)
   * @param partial searches that hit the time limit
   */
  public record Phase(
      int searches,
      double p50Millis,
      double p99Millis,
      double maxMillis,
      int commits,
      int partial) {
    JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("searches", searches);
      o.addProperty("p50Millis", round(p50Millis));
      o.addProperty("p99Millis", round(p99Millis));
      o.addProperty("maxMillis", round(maxMillis));
      o.addProperty("commits", commits);
      o.addProperty("partial", partial);
      return o;
    }
  }

  /**
   * Both phases.
   *
   * @param quiet searches alone
   * @param writes searches while the writer commits
   */
  public record Result(Config config, Phase quiet, Phase writes) {
    /** p99 under writes over the quiet p99. */
    public double p99Ratio() {
      return quiet.p99Millis() == 0 ? 0 : writes.p99Millis() / quiet.p99Millis();
    }

    /** The {@code concurrentWrites} block of {@code bench --json}. */
    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("searchThreads", config.searchThreads());
      o.addProperty("seconds", config.seconds());
      o.addProperty("addsPerCommit", config.adds());
      o.addProperty("deletesPerCommit", config.deletes());
      o.addProperty("pauseMillis", config.pauseMillis());
      o.add("quiet", quiet.toJson());
      o.add("writes", writes.toJson());
      o.addProperty("p99Ratio", round(p99Ratio()));
      return o;
    }

    /** Two lines for the text report. */
    public void print(PrintStream out) {
      out.printf(
          Locale.ROOT,
          "concurrent writes (%d search threads, %.0f s per phase, %d adds + %d deletes per"
              + " commit):%n",
          config.searchThreads(),
          config.seconds(),
          config.adds(),
          config.deletes());
      for (var e : List.of(List.of("quiet", quiet), List.of("writes", writes))) {
        Phase p = (Phase) e.get(1);
        out.printf(
            Locale.ROOT,
            "  %-7s %,7d searches  p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms  %d commits%n",
            e.get(0),
            p.searches(),
            p.p50Millis(),
            p.p99Millis(),
            p.maxMillis(),
            p.commits());
      }
      out.printf(Locale.ROOT, "  p99 under writes / quiet p99: %.2f%n%n", p99Ratio());
    }
  }

  private final Config config;

  /** A mixed load for {@code config}. */
  public MixedLoad(Config config) {
    this.config = config;
  }

  /**
   * Copies the index, runs the quiet phase, then the phase with writes.
   *
   * @throws IOException on a read or write error, or if a search or write fails
   */
  public Result run() throws IOException {
    copyIndex(config.index(), config.copy());
    List<Article> articles = articles(config.inputs(), 20_000);
    if (articles.isEmpty()) {
      throw new IOException("no articles under " + config.inputs() + " for the writer");
    }
    try (Searcher searcher = Searcher.open(config.copy())) {
      say("mixed load: warming up...");
      long warm = System.nanoTime() + 2_000_000_000L;
      while (System.nanoTime() < warm) {
        for (String q : config.queries()) {
          searcher.search(request(q));
        }
      }
      say("mixed load: %d search threads, quiet...", config.searchThreads());
      Phase quiet = phase(searcher, null);
      say("mixed load: %d search threads while a writer commits...", config.searchThreads());
      Phase writes;
      try (Indexer indexer = Indexer.builder(config.copy()).withThreads(1).build()) {
        writes = phase(searcher, new Writer(indexer, articles));
      }
      return new Result(config, quiet, writes);
    }
  }

  /** Runs the search threads (and the writer, if any) for one phase. */
  private Phase phase(Searcher searcher, Writer writer) throws IOException {
    long end = System.nanoTime() + (long) (config.seconds() * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(config.searchThreads() + 1);
    ConcurrentLinkedQueue<long[]> lists = new ConcurrentLinkedQueue<>();
    AtomicInteger partial = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      Future<Integer> writing = writer == null ? null : pool.submit(() -> writer.run(end));
      for (int t = 0; t < config.searchThreads(); t++) {
        long seed = config.seed() + t;
        futures.add(
            pool.submit(
                () -> {
                  List<String> order = new ArrayList<>(config.queries());
                  Random random = new Random(seed);
                  long[] nanos = new long[1024];
                  int n = 0;
                  while (System.nanoTime() < end) {
                    Collections.shuffle(order, random);
                    for (String q : order) {
                      long t0 = System.nanoTime();
                      if (searcher.search(request(q)).partial()) {
                        partial.incrementAndGet();
                      }
                      if (n == nanos.length) {
                        nanos = java.util.Arrays.copyOf(nanos, n * 2);
                      }
                      nanos[n++] = System.nanoTime() - t0;
                    }
                  }
                  lists.add(java.util.Arrays.copyOf(nanos, n));
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      int commits = writing == null ? 0 : writing.get();
      long[] all = lists.stream().flatMapToLong(java.util.Arrays::stream).toArray();
      long max = lists.stream().flatMapToLong(java.util.Arrays::stream).max().orElse(0);
      return new Phase(
          all.length,
          Latencies.percentile(all, 50),
          Latencies.percentile(all, 99),
          max / 1e6,
          commits,
          partial.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("mixed load failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Adds copies under new ids and deletes originals, committing each small batch. */
  private final class Writer {
    private final Indexer indexer;
    private final List<Article> articles;
    private int next;
    private int nextDelete;

    Writer(Indexer indexer, List<Article> articles) {
      this.indexer = indexer;
      this.articles = articles;
    }

    /** Writes until {@code end}; returns the number of commits. */
    int run(long end) throws IOException, InterruptedException {
      int commits = 0;
      while (System.nanoTime() < end) {
        for (int i = 0; i < config.adds(); i++) {
          Article a = articles.get(next % articles.size());
          indexer.add(
              new Article(
                  "mixed-" + next + "-" + a.id(), a.date(), a.title(), a.paragraphs(), a.source()));
          next++;
        }
        for (int i = 0; i < config.deletes() && nextDelete < articles.size(); i++) {
          indexer.delete(articles.get(nextDelete++).id());
        }
        indexer.commit();
        commits++;
        if (config.pauseMillis() > 0) {
          Thread.sleep(config.pauseMillis());
        }
      }
      return commits;
    }
  }

  private static SearchRequest request(String q) {
    String clipped =
        q.length() <= SearchRequest.MAX_QUERY_CHARS
            ? q
            : q.substring(0, SearchRequest.MAX_QUERY_CHARS);
    return SearchRequest.builder(clipped).withK(10).build();
  }

  /** Up to {@code max} articles of the inputs, in input order. */
  private static List<Article> articles(List<Path> inputs, int max) throws IOException {
    List<Article> out = new ArrayList<>();
    for (Path file : InputFiles.list(inputs).articles()) {
      if (out.size() >= max) {
        break;
      }
      out.addAll(Benchmark.parse(file));
    }
    return out;
  }

  /** Replaces {@code to} with a copy of the files of the index in {@code from}. */
  private static void copyIndex(Path from, Path to) throws IOException {
    if (Files.exists(to)) {
      try (Stream<Path> walk = Files.walk(to)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (!f.getFileName().toString().equals("write.lock")) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }

  private void say(String format, Object... args) {
    if (config.progress() != null) {
      config.progress().printf(format + "%n", args);
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /**
   * Runs the mixed load alone, for profiling: {@code INDEX COPY QUERIES INPUT [SECONDS]}.
   *
   * @throws IOException on a read or write error
   */
  public static void main(String[] args) throws IOException {
    List<String> queries =
        dev.parley.eval.QueryFile.read(Path.of(args[2])).stream()
            .map(dev.parley.eval.QueryFile.Query::text)
            .toList();
    Config d =
        Config.defaults(
            Path.of(args[0]), Path.of(args[1]), List.of(Path.of(args[3])), queries, null);
    double seconds = args.length > 4 ? Double.parseDouble(args[4]) : d.seconds();
    Config c = d.withSeconds(seconds);
    new MixedLoad(c).run().print(System.out);
  }
}
