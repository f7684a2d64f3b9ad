package dev.parley.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.analysis.Gazetteer;
import dev.parley.embed.DenseModel;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.IngestReport;
import dev.parley.indexer.ProgressListener;
import dev.parley.indexer.Rejection;
import dev.parley.indexer.enrich.NewsEnricher;
import dev.parley.indexer.enrich.TopicModel;
import dev.parley.query.result.ResultsJson;
import dev.parley.schema.IndexManifest;
import dev.parley.solr.write.SolrIndexer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley index}: index articles (skipping unchanged ones, optionally pruning those whose
 * file is gone), or delete articles by id; print a summary; exit 1 if any input was rejected.
 */
@Command(
    name = "index",
    description = {
      "Index files and directories, or delete articles by id.",
      "Unchanged articles are skipped, changed ones replaced. Exit 1 if any input was rejected",
      "(the rest is indexed), 2 if none of the --input paths exists (no index is created)."
    })
final class IndexCommand extends CliCommand {
  @Option(
      names = "--input",
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files or directories to index (default: seeds).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: index).")
  Path index;

  @Option(
      names = "--solr",
      paramLabel = "URL",
      description =
          "Index into a Parley collection on SolrCloud instead of --index, for example"
              + " http://127.0.0.1:8983/solr/parley (see: parley cluster).")
  String solr;

  @Option(
      names = "--commit-every",
      paramLabel = "N",
      description = "Commit every N articles (default 25000).")
  int commitEvery = dev.parley.indexer.Indexer.DEFAULT_COMMIT_EVERY;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--prune", description = "Remove articles whose file under the inputs is gone.")
  boolean prune;

  @Option(
      names = "--delete",
      arity = "1..*",
      paramLabel = "ID",
      description = "Delete these article ids instead of indexing.")
  List<String> delete = new ArrayList<>();

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Option(
      names = "--topics",
      paramLabel = "DIR",
      description =
          "Also score the topics whose files (format 2, trained by tune-topics) are in DIR, beside"
              + " the built-in ones.")
  String topicsDir;

  @Option(
      names = "--embed",
      paramLabel = "MODEL",
      description =
          "Give every passage a dense vector for hybrid search: e5-small-v2 (recommended) or"
              + " bge-small-en-v1.5. Later runs on the index keep its model.")
  String embed;

  @Override
  public Integer call() throws IOException {
    inRange("--commit-every", commitEvery, 1, 1_000_000);
    inRange("--threads", threads, 1, 256);
    if (solr != null) {
      return indexIntoSolr();
    }
    if (index == null) {
      index = Path.of("index");
    }
    IngestReport report;
    boolean deleting = !delete.isEmpty();
    if (deleting) {
      if (!inputs.isEmpty() || prune) {
        throw new UsageException(
            "--delete cannot be combined with --input or --prune: run them one after the other");
      }
      try (Indexer indexer = Indexer.builder(index).withEnricher(enricher(index)).build()) {
        report = indexer.delete(delete);
      }
      printRejections(report, err);
    } else {
      List<Path> paths = inputs.isEmpty() ? List.of(Path.of("seeds")) : inputs;
      requireSomeInput(paths);
      Indexer.Prune mode = prune ? Indexer.Prune.MISSING_SOURCES : Indexer.Prune.NONE;
      DenseModel model = embed == null ? null : DenseModel.named(embed);
      report = index(paths, index, commitEvery, threads, mode, model, enricher(index), err);
    }
    if (json) {
      out.println(ResultsJson.toJson(toJson(report, index)));
    } else if (deleting) {
      out.printf(
          "deleted %d articles from %s, %d rejected%n",
          report.deleted(), index, report.rejected().size());
    } else {
      out.println(summary(report, index));
    }
    return report.ok() ? 0 : 1;
  }

  /** {@code index --solr URL}: the same run into a SolrCloud collection. */
  private int indexIntoSolr() throws IOException {
    if (index != null) {
      throw new UsageException("give --index DIR or --solr URL, not both");
    }
    if (embed != null) {
      throw Backend.notOnSolr("--embed", "hybrid search needs an embedded index: --index DIR");
    }
    if (topicsDir != null) {
      throw Backend.notOnSolr("--topics", "the collection scores the built-in topics");
    }
    if (!delete.isEmpty() || prune) {
      throw Backend.notOnSolr(
          !delete.isEmpty() ? "--delete" : "--prune", "use an embedded index: --index DIR");
    }
    List<Path> paths = inputs.isEmpty() ? List.of(Path.of("seeds")) : inputs;
    requireSomeInput(paths);
    IngestReport report;
    try (SolrIndexer indexer =
        SolrIndexer.builder(solr)
            .withThreads(Math.min(threads, 64))
            .withProgress(progress(err))
            .build()) {
      report = indexer.index(paths);
    }
    printRejections(report, err);
    if (json) {
      JsonObject o = toJson(report, Path.of("."));
      o.addProperty("index", solr);
      out.println(ResultsJson.toJson(o));
    } else {
      out.println(summary(report, solr));
    }
    return report.ok() ? 0 : 1;
  }

  /**
   * A usage error (exit 2, before any index is created) when not one of {@code inputs} exists: that
   * is a mistyped path, not a partly bad input. When only some are missing, the library rejects
   * those and indexes the rest (exit 1).
   */
  static void requireSomeInput(List<Path> inputs) {
    if (inputs.stream().noneMatch(Files::exists)) {
      throw new UsageException(
          (inputs.size() == 1 ? "no such input: " : "none of the inputs exists: ")
              + printable(String.join(", ", inputs.stream().map(Path::toString).toList()))
              + "; nothing indexed");
    }
  }

  /** Indexes {@code inputs} into {@code index}, printing progress and rejections on {@code err}. */
  static IngestReport index(List<Path> inputs, Path index, int commitEvery, PrintStream err)
      throws IOException {
    return index(
        inputs,
        index,
        commitEvery,
        Runtime.getRuntime().availableProcessors(),
        Indexer.Prune.NONE,
        null,
        NewsEnricher.defaults(),
        err);
  }

  /**
   * The built-in topics plus those of {@code --topics}; refuses, before anything is written, a run
   * that would drop a topic {@code index} holds: a run with other topics re-enriches every article
   * (docs/reliability.md), so an app's topic would vanish from every passage without a word.
   */
  private NewsEnricher enricher(Path index) throws IOException {
    TopicModel.Builder topics = TopicModel.builder(Gazetteer.defaults()).addDefaults();
    if (topicsDir != null) {
      TopicCommands.refuseBuiltInNames(topicsDir);
      TopicCommands.addTrained(topics, topicsDir);
    }
    TopicModel model = topics.build();
    List<String> held = heldTopics(index);
    List<String> dropped = held.stream().filter(t -> !model.names().contains(t)).toList();
    if (!dropped.isEmpty()) {
      throw new UsageException(
          "index "
              + index
              + " holds the topic"
              + (dropped.size() == 1 ? " " : "s ")
              + String.join(", ", dropped)
              + " that this run would drop from every passage: pass --topics DIR with"
              + " their topic files (the built-in topics are always included)");
    }
    return new NewsEnricher(Gazetteer.defaults(), model);
  }

  /** The topics {@code index}'s last commit records, or none if there is no index there yet. */
  private static List<String> heldTopics(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return List.of();
    }
    try (Directory d = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(d)) {
        return List.of();
      }
      return IndexManifest.read(d, index).topics();
    } catch (IOException | RuntimeException e) {
      // Another schema or a damaged index: the indexer reports it, with its own message that
      // points to the fix (Lucene's own exception here would not).
      return List.of();
    }
  }

  private static IngestReport index(
      List<Path> inputs,
      Path index,
      int commitEvery,
      int threads,
      Indexer.Prune prune,
      DenseModel embed,
      NewsEnricher enricher,
      PrintStream err)
      throws IOException {
    IngestReport report;
    Indexer.Builder builder =
        Indexer.builder(index)
            .withEnricher(enricher)
            .withCommitEvery(commitEvery)
            .withThreads(threads)
            .withProgress(progress(err));
    if (embed != null) {
      builder.withEmbeddings(embed);
    }
    try (Indexer indexer = builder.build()) {
      report = indexer.index(inputs, prune);
      if (indexer.dense() != null) {
        // Only an incremental run has a rest: the unchanged articles keep the vectors they have.
        err.printf(
            Locale.ROOT,
            "embedded %d passages with %s%s%n",
            indexer.embeddedPassages(),
            indexer.dense().describe(),
            report.unchanged() == 0
                ? ""
                : String.format(
                    Locale.ROOT,
                    " (%d unchanged article%s kept %s vectors)",
                    report.unchanged(),
                    report.unchanged() == 1 ? "" : "s",
                    report.unchanged() == 1 ? "its" : "their"));
      }
    }
    printRejections(report, err);
    return report;
  }

  /** Prints a progress line on {@code err} at most once per snapshot, after the first second. */
  static ProgressListener progress(PrintStream err) {
    return p -> {
      if (p.elapsed().toMillis() >= 1000 && p.files() < p.totalFiles()) {
        Duration eta = p.eta();
        err.printf(
            Locale.ROOT,
            "indexed %d/%d files: %d articles (%.0f articles/s), %d passages (%.0f"
                + " passages/s), %d rejected, ETA %s%n",
            p.files(),
            p.totalFiles(),
            p.articles(),
            p.articlesPerSecond(),
            p.passages(),
            p.passagesPerSecond(),
            p.rejected(),
            eta == null ? "unknown" : eta.toSeconds() + " s");
      }
    };
  }

  private static void printRejections(IngestReport report, PrintStream err) {
    for (Rejection r : report.rejected()) {
      // An empty source (index --delete "") would print as "rejected : ..."; name it.
      String source = r.source().isEmpty() ? "\"\" (an empty id)" : r.source();
      err.println(printable("rejected " + source + ": " + r.reason()));
    }
  }

  /**
   * {@code s} with control characters and the format characters that reorder or hide text shown as
   * {@code ?}: a file name or an article is untrusted input, and raw control characters could
   * rewrite the user's terminal or split one line into two, while bidirectional overrides and
   * isolates (U+202A-U+202E, U+2066-U+2069, the marks U+200E, U+200F, U+061C) can make a line read
   * in an order other than its characters', and tag characters (U+E0000-U+E007F) and interlinear
   * annotation marks (U+FFF9-U+FFFB) carry text a terminal does not show. Joiners (U+200C, U+200D)
   * and the soft hyphen stay: scripts and emoji need them and they hide nothing.
   */
  static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> b.appendCodePoint(unsafe(c) ? '?' : c));
    return b.toString();
  }

  private static boolean unsafe(int c) {
    return Character.isISOControl(c)
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E
        || c == 0x200F
        || c == 0x061C
        || (c >= 0xE0000 && c <= 0xE007F)
        || (c >= 0xFFF9 && c <= 0xFFFB);
  }

  static String summary(IngestReport report, Path index) {
    return summary(report, index.toString());
  }

  static String summary(IngestReport report, String index) {
    double seconds = report.elapsed().toNanos() / 1e9;
    return String.format(
            "indexed %d articles into %s: %d passages, %d rejected, %d other files skipped,"
                + " %d unchanged, %d pruned, %.1f s (%.0f articles/s)",
            report.articles(),
            index,
            report.passages(),
            report.rejected().size(),
            report.skipped().size(),
            report.unchanged(),
            report.pruned(),
            seconds,
            seconds > 0 ? report.articles() / seconds : 0)
        + (report.reenriched() == 0
            ? ""
            : String.format(
                "; %d stored article%s re-enriched for the changed topic model, gazetteer or"
                    + " segmentation",
                report.reenriched(), report.reenriched() == 1 ? "" : "s"));
  }

  private static JsonObject toJson(IngestReport report, Path index) {
    JsonObject o = new JsonObject();
    o.addProperty("index", index.toString());
    o.addProperty("articles", report.articles());
    o.addProperty("passages", report.passages());
    o.addProperty("skipped", report.skipped().size());
    o.addProperty("inputBytes", report.inputBytes());
    o.addProperty("seconds", report.elapsed().toMillis() / 1000.0);
    o.addProperty("unchanged", report.unchanged());
    o.addProperty("deleted", report.deleted());
    o.addProperty("pruned", report.pruned());
    o.addProperty("reenriched", report.reenriched());
    JsonArray rejected = new JsonArray();
    for (Rejection r : report.rejected()) {
      JsonObject j = new JsonObject();
      j.addProperty("source", r.source());
      j.addProperty("reason", r.reason());
      rejected.add(j);
    }
    o.add("rejected", rejected);
    return o;
  }
}
