package dev.parley.cli;

import dev.parley.eval.QueryFile;
import dev.parley.eval.TrecRun;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import dev.parley.query.result.Unit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code parley batch}: run a file of queries and write a TREC run, one line per hit: {@code qid Q0
 * articleId#from-to rank score tag}, or with {@code --articles} one line per article: {@code qid Q0
 * articleId rank score tag}.
 */
final class BatchCommand implements Main.Command {

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
    Args args =
        new Args(
            "batch",
            argv,
            Set.of("index", "queries", "run", "k", "per-article", "tag"),
            Set.of(),
            Set.of("articles", "no-dense", "latency"));
    args.noPositional();
    Path queriesFile = Path.of(args.required("queries"));
    Path runFile = Path.of(args.required("run"));
    int k = args.integer("k", 1000, 1, SearchRequest.MAX_K);
    int perArticle = args.integer("per-article", 2, 0, 1000);
    String tag = args.string("tag", "parley");
    if (!tag.matches("\\S+")) {
      throw new UsageException("--tag must be one word, got: '" + tag + "'");
    }
    List<QueryFile.Query> queries = QueryFile.read(queriesFile);
    int lines = 0;
    // With --latency every query runs once to warm up, then once timed (query embedding included).
    int passes = args.has("latency") ? 2 : 1;
    long[] nanos = new long[queries.size()];
    try (Searcher searcher = Searcher.open(args.path("index", "index"));
        BufferedWriter w = Files.newBufferedWriter(runFile, StandardCharsets.UTF_8)) {
      for (int pass = 0; pass < passes; pass++) {
        for (int i = 0; i < queries.size(); i++) {
          QueryFile.Query q = queries.get(i);
          SearchRequest request =
              SearchRequest.builder(q.text())
                  .withK(k)
                  .withPerArticle(perArticle)
                  .withDense(!args.has("no-dense"))
                  .withUnit(args.has("articles") ? Unit.ARTICLE : Unit.PASSAGE)
                  .build();
          long start = System.nanoTime();
          List<Hit> hits = searcher.search(request).hits();
          nanos[i] = System.nanoTime() - start;
          if (pass == passes - 1) {
            for (Hit h : hits) {
              w.write(TrecRun.line(q.id(), h, tag));
              lines++;
            }
          }
        }
      }
    }
    err.printf("wrote %d lines for %d queries to %s%n", lines, queries.size(), runFile);
    if (args.has("latency") && nanos.length > 0) {
      long[] sorted = nanos.clone();
      java.util.Arrays.sort(sorted);
      err.printf(
          java.util.Locale.ROOT,
          "latency over %d queries (after one warm-up pass): p50 %.2f ms, p95 %.2f ms, max %.2f"
              + " ms%n",
          sorted.length,
          sorted[(sorted.length - 1) / 2] / 1e6,
          sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1e6,
          sorted[sorted.length - 1] / 1e6);
    }
    return 0;
  }
}
