package dev.parley.cli;

import dev.parley.eval.QueryFile;
import dev.parley.eval.TrecRun;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley batch}: run a file of queries and write a TREC run, one line per hit: {@code qid Q0
 * articleId#from-to rank score tag}.
 */
@Command(
    name = "batch",
    description = {
      "Run a file of queries and write a TREC run.",
      "Queries are qid<TAB>query; each hit is a line: qid Q0 articleId#from-to rank score tag."
    })
final class BatchCommand extends CliCommand {
  @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: index).")
  Path index = Path.of("index");

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

  @Override
  public Integer call() throws IOException {
    inRange("--k", k, 1, SearchRequest.MAX_K);
    inRange("--per-article", perArticle, 0, 1000);
    if (!tag.matches("\\S+")) {
      throw new UsageException("--tag must be one word, got: '" + tag + "'");
    }
    List<QueryFile.Query> queries = QueryFile.read(queriesFile);
    int lines = 0;
    try (Searcher searcher = Searcher.open(index);
        BufferedWriter w = Files.newBufferedWriter(runFile, StandardCharsets.UTF_8)) {
      for (QueryFile.Query q : queries) {
        SearchRequest request =
            SearchRequest.builder(q.text()).withK(k).withPerArticle(perArticle).build();
        for (Hit h : searcher.search(request).hits()) {
          w.write(TrecRun.line(q.id(), h, tag));
          lines++;
        }
      }
    }
    err.printf("wrote %d lines for %d queries to %s%n", lines, queries.size(), runFile);
    return 0;
  }
}
