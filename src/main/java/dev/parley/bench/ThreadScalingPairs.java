package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Repeats {@code bench --thread-scaling} in one JVM, for comparing two builds on a machine whose
 * speed drifts: {@code java -cp parley.jar dev.parley.bench.ThreadScalingPairs PAIRS WORK INPUT...}
 * runs {@link ThreadScaling#run} {@code PAIRS} times (one thread, then two, each into a fresh index
 * under {@code WORK}) and prints one line per pair. The first pair runs while the JIT is still
 * compiling, so compare the later ones (bench's own pair runs in a JVM already warmed by its
 * indexing).
 *
 * <p>Not thread-safe; a command-line tool.
 */
public final class ThreadScalingPairs {
  private ThreadScalingPairs() {}

  /**
   * Runs the pairs.
   *
   * @throws IOException on a read or write error
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: ThreadScalingPairs PAIRS WORK INPUT...");
      System.exit(2);
    }
    int pairs = Integer.parseInt(args[0]);
    Path work = Files.createDirectories(Path.of(args[1]));
    List<Path> inputs = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      inputs.add(Path.of(args[i]));
    }
    for (int i = 0; i < pairs; i++) {
      ThreadScaling.Result r = ThreadScaling.run(inputs, work, null);
      System.out.printf(
          Locale.ROOT,
          "pair %d%s: 1 thread %.0f passages/s (%.2f s), 2 threads %.0f passages/s (%.2f s):"
              + " %.3fx%n",
          i + 1,
          i == 0 ? " (JIT warming)" : "",
          r.one().rate(),
          r.one().seconds(),
          r.two().rate(),
          r.two().seconds(),
          r.speedup());
    }
  }
}
