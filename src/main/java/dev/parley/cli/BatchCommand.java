package dev.parley.cli;

import dev.parley.eval.Evaluation;
import dev.parley.eval.QueryFile;
import dev.parley.eval.TrecRun;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import dev.parley.query.result.Unit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley batch}: run a file of queries and write a TREC run, one line per hit: {@code qid Q0
 * articleId#from-to rank score tag}, or with {@code --articles} one line per article: {@code qid Q0
 * articleId rank score tag}.
 */
@Command(
    name = "batch",
    description = {
      "Run a file of queries and write a TREC run.",
      "Queries are qid<TAB>query; each hit is a line: qid Q0 articleId#from-to rank score tag"
          + " (with --articles: qid Q0 articleId rank score tag)."
    })
final class BatchCommand extends CliCommand {
  @Mixin IndexLocation where = new IndexLocation();

  @Option(
      names = "--queries",
      required = true,
      paramLabel = "FILE.tsv",
      description = "Queries: qid<TAB>query, or a header row with a 'query' column.")
  Path queriesFile;

  @Option(names = "--run", required = true, paramLabel = "OUT.trec", description = "Run file.")
  Path runFile;

  @Option(names = "--k", paramLabel = "N", description = "Hits per query (default 1000).")
  int k = 1000;

  @Option(
      names = "--per-article",
      paramLabel = "N",
      description = "At most N passages of one article (default 2; 0 for no limit).")
  int perArticle = 2;

  @Option(names = "--tag", paramLabel = "NAME", description = "Run tag (default parley).")
  String tag = "parley";

  @Option(
      names = "--articles",
      description = "One hit per article (qid Q0 articleId rank score tag).")
  boolean articles;

  @Option(
      names = "--no-dense",
      description = "Rank lexically only, even on an index with passage vectors.")
  boolean noDense;

  @Option(
      names = "--latency",
      description =
          "Run every query --repeat times to warm up, then --repeat times timed; print p50, p95"
              + " and max over all timed runs on stderr (query embedding included).")
  boolean latency;

  @Option(
      names = "--repeat",
      paramLabel = "R",
      description = "With --latency: warm-up and timed passes over the queries (default 1).")
  int repeat = 1;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      description =
          "Time limit of each search (default 600000: a run to be scored must be complete; a"
              + " search that reaches it fails the run).")
  int timeoutMs = (int) Evaluation.SEARCH_TIMEOUT.toMillis();

  @Override
  public Integer call() throws IOException {
    inRange("--k", k, 1, SearchRequest.MAX_K);
    inRange("--timeout-ms", timeoutMs, 1, (int) Searcher.MAX_TIMEOUT.toMillis());
    inRange("--per-article", perArticle, 0, 1000);
    inRange("--repeat", repeat, 1, 1000);
    if (repeat > 1 && !latency) {
      throw new UsageException("--repeat needs --latency (it repeats the timed passes)");
    }
    if (!tag.matches("\\S+")) {
      throw new UsageException("--tag must be one word, got: '" + tag + "'");
    }
    if (where.solr != null && articles) {
      throw Backend.notOnSolr("--articles", "rank passages, or use an embedded index: --index DIR");
    }
    List<QueryFile.Query> queries = QueryFile.read(queriesFile);
    // Every request is built (and so checked) before the run file is touched: a bad query names
    // its line and id, and the run file of an earlier run is still there.
    List<SearchRequest> requests = new java.util.ArrayList<>();
    for (QueryFile.Query q : queries) {
      try {
        requests.add(
            SearchRequest.builder(q.text())
                .withK(k)
                .withPerArticle(perArticle)
                .withDense(!noDense)
                .withUnit(articles ? Unit.ARTICLE : Unit.PASSAGE)
                .build());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            queriesFile
                + ":"
                + q.line()
                + ": query "
                + q.id()
                + (e.getMessage().startsWith("query ")
                    ? " " + e.getMessage().substring(6) + ": shorten it"
                    : ": " + e.getMessage()),
            e);
      }
    }
    Path absolute = runFile.toAbsolutePath();
    Path parent = absolute.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageException("--run " + runFile + ": no folder " + parent + ": create it first");
    }
    // Written beside the run file and moved over it only when every query has run, so a failure
    // part-way leaves the previous run file whole.
    // (Not createTempFile: its owner-only permissions would pass to the run file.)
    Path temp =
        parent.resolve(
            "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".part");
    int lines = 0;
    // A few milliseconds per query are easily moved by the JIT: --repeat warms up as many passes
    // as it times (the run file is written from the last pass: every pass ranks alike).
    int passes = latency ? 2 * repeat : 1;
    long[] nanos = new long[queries.size() * repeat];
    try (Backend searcher =
            Backend.open(
                where.index,
                where.solr,
                dev.parley.query.highlight.SnippetEscaping.HTML,
                null,
                null,
                Duration.ofMillis(timeoutMs));
        BufferedWriter w =
            Files.newBufferedWriter(
                temp,
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                java.nio.file.StandardOpenOption.WRITE)) {
      for (int pass = 0; pass < passes; pass++) {
        for (int i = 0; i < queries.size(); i++) {
          QueryFile.Query q = queries.get(i);
          SearchRequest request = requests.get(i);
          long start = System.nanoTime();
          List<Hit> hits =
              Evaluation.complete(
                      searcher.search(request),
                      q.id(),
                      Duration.ofMillis(timeoutMs),
                      "a longer --timeout-ms")
                  .hits();
          if (latency && pass >= repeat) {
            nanos[(pass - repeat) * queries.size() + i] = System.nanoTime() - start;
          }
          if (pass == passes - 1) {
            for (Hit h : hits) {
              w.write(TrecRun.line(q.id(), h, tag));
              lines++;
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    try {
      Files.move(
          temp, runFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    err.printf("wrote %d lines for %d queries to %s%n", lines, queries.size(), runFile);
    if (latency && nanos.length > 0) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      err.printf(
          Locale.ROOT,
          "latency over %d queries x %d timed passes (after %d warm-up): p50 %.2f ms, p95 %.2f ms,"
              + " max %.2f ms%n",
          queries.size(),
          repeat,
          repeat,
          sorted[(sorted.length - 1) / 2] / 1e6,
          sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1e6,
          sorted[sorted.length - 1] / 1e6);
    }
    return 0;
  }
}
