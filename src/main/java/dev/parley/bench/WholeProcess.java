package dev.parley.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whole-process indexing ({@code bench --whole-process}): runs {@code parley index} (default
 * threads), the {@link RawLuceneIndexer} and the {@link Fts5Loader} as child JVMs with this JVM's
 * options and class path, on the same input files, one after the other, and times each from process
 * start to exit (JVM start, reading, analysis, writing, final merge or optimize: what a user waits
 * for).
 *
 * <p>Not thread-safe; one run at a time.
 */
public final class WholeProcess {
  private WholeProcess() {}

  /**
   * One child's wall time and output size.
   *
   * @param seconds wall time, process start to exit
   * @param bytes size of the index directory or database file afterwards
   */
  public record Child(double seconds, long bytes) {}

  /**
   * The three children.
   *
   * @param parley {@code parley index}
   * @param lucene the raw Lucene indexer
   * @param fts5 the FTS5 loader
   */
  public record Result(Child parley, Child lucene, Child fts5) {
    /** The {@code wholeProcess} block of {@code bench --json}. */
    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("parleySeconds", round(parley.seconds()));
      o.addProperty("luceneSeconds", round(lucene.seconds()));
      o.addProperty("fts5Seconds", round(fts5.seconds()));
      o.addProperty("parleyOverLucene", round(parley.seconds() / lucene.seconds()));
      o.addProperty("parleyOverFts5", round(parley.seconds() / fts5.seconds()));
      o.addProperty("parleyBytes", parley.bytes());
      o.addProperty("luceneBytes", lucene.bytes());
      o.addProperty("fts5Bytes", fts5.bytes());
      return o;
    }

    /** Lines for the text report. */
    public void print(PrintStream out) {
      out.printf(
          Locale.ROOT,
          "whole-process indexing (child JVMs): parley %.2f s, raw Lucene %.2f s, FTS5 %.2f s;"
              + " parley / Lucene %.2f, parley / FTS5 %.2f%n%n",
          parley.seconds(),
          lucene.seconds(),
          fts5.seconds(),
          parley.seconds() / lucene.seconds(),
          parley.seconds() / fts5.seconds());
    }
  }

  /**
   * Runs the three children on {@code inputs}, writing under {@code work}.
   *
   * @throws IOException if a child cannot start or exits with an error (its last output quoted)
   */
  public static Result run(List<Path> inputs, Path work, PrintStream progress) throws IOException {
    List<String> in = inputs.stream().map(Path::toString).toList();
    Path parleyDir = Benchmark.emptied(work.resolve("process-parley"));
    Path luceneDir = Benchmark.emptied(work.resolve("process-lucene"));
    Path db = work.resolve("process-fts5.db");
    Files.deleteIfExists(db);
    List<String> parleyArgs = new ArrayList<>(List.of("dev.parley.cli.Main", "index"));
    for (String i : in) {
      parleyArgs.add("--input");
      parleyArgs.add(i);
    }
    parleyArgs.add("--index");
    parleyArgs.add(parleyDir.toString());
    List<String> luceneArgs =
        new ArrayList<>(List.of(RawLuceneIndexer.class.getName(), luceneDir.toString()));
    luceneArgs.addAll(in);
    List<String> fts5Args = new ArrayList<>(List.of(Fts5Loader.class.getName(), db.toString()));
    fts5Args.addAll(in);
    say(progress, "whole process: raw Lucene child...");
    Child lucene = new Child(child(luceneArgs, work, "lucene"), size(luceneDir));
    say(progress, "whole process: FTS5 child...");
    Child fts5 = new Child(child(fts5Args, work, "fts5"), Files.size(db));
    say(progress, "whole process: parley index child...");
    Child parley = new Child(child(parleyArgs, work, "parley"), size(parleyDir));
    return new Result(parley, lucene, fts5);
  }

  /** Runs one child JVM; returns its wall time in seconds. */
  static double child(List<String> mainAndArgs, Path work, String name) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(mainAndArgs);
    Path out = work.resolve("process-" + name + ".out");
    Path err = work.resolve("process-" + name + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    int code;
    try {
      code = p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while " + name + " indexed", e);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      List<String> lines = Files.readAllLines(err);
      throw new IOException(
          name
              + " child exited with "
              + code
              + ": "
              + (lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1))
              + " (see "
              + err
              + ")");
    }
    return seconds;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void say(PrintStream progress, String line) {
    if (progress != null) {
      progress.println(line);
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
