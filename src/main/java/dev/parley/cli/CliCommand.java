package dev.parley.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * One command of the command line: picocli fills the annotated option fields, then {@link Main}
 * calls {@link #call()} with the streams set. Every command has {@code --help}. Not thread-safe;
 * one instance serves one run.
 */
abstract class CliCommand implements Callable<Integer> {
  @Option(
      names = "--help",
      usageHelp = true,
      description = "Show this help and exit.",
      order = Integer.MAX_VALUE)
  boolean help;

  /** Where results go. */
  PrintStream out;

  /** Where progress, warnings and errors go. */
  PrintStream err;

  /** Sets the streams; returns this. */
  CliCommand streams(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
    return this;
  }

  /** Runs the command; returns the exit code. */
  @Override
  public abstract Integer call() throws IOException;

  /** {@code value} if it lies in [{@code min}, {@code max}], else a usage error naming it. */
  static int inRange(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new UsageException(option + " must be in [" + min + ", " + max + "], got: " + value);
    }
    return value;
  }
}
