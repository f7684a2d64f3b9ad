package dev.parley.cli;

import dev.parley.query.DayParam;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of {@code parley.jar}, on picocli. Runs one command and exits with its code: 0
 * success, 1 some inputs rejected (the rest done) or, for {@code verify}, an index that is not
 * sound, 2 usage or fatal error. Errors are one line on stderr; {@code --debug} (anywhere on the
 * line) adds the stack trace. Every command has {@code --help}; {@code parley --version} prints the
 * version. No ANSI colours are ever printed, so redirected output stays plain text.
 */
public final class Main {
  private Main() {}

  /** The top-level command: only {@code --help}, {@code --version} and the subcommands. */
  @Command(
      name = "parley",
      synopsisSubcommandLabel = "COMMAND",
      description = "Passage search over news about diplomacy, sanctions and summits.",
      versionProvider = Main.Version.class,
      footer = {
        "",
        "Defaults: --input seeds, --index index. Exit codes: 0 success, 1 some inputs rejected (the"
            + " rest done) or an unsound index (verify), 2 usage or fatal error.",
        "Add --debug to any command to see stack traces. 'parley COMMAND --help' shows a"
            + " command's options."
      },
      subcommands = {CommandLine.HelpCommand.class})
  static final class Root implements Runnable {
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help and exit.")
    boolean help;

    @Option(
        names = {"-V", "--version"},
        versionHelp = true,
        description = "Print the version and exit.")
    boolean version;

    @Override
    public void run() {
      throw new UsageException("give a command, for example: parley demo");
    }
  }

  /** Reads the version Maven wrote into {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"parley " + p.getProperty("version", "unknown")};
    }
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs the command line, printing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> list = Arrays.asList(args);
    boolean debug = list.contains("--debug");
    String[] rest = list.stream().filter(a -> !a.equals("--debug")).toArray(String[]::new);
    CommandLine cl = commandLine(out, err, debug);
    if (rest.length == 0) {
      cl.usage(cl.getErr());
      cl.getErr().flush();
      return 2;
    }
    int code = cl.execute(rest);
    cl.getOut().flush();
    cl.getErr().flush();
    return code;
  }

  /** The command tree, writing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err, boolean debug) {
    CommandLine cl = new CommandLine(new Root());
    List<CliCommand> commands =
        List.of(
            new DemoCommand(),
            new IndexCommand(),
            new SearchCommand(),
            new BatchCommand(),
            new StatsCommand(),
            new VerifyCommand(),
            new EvalCommand(),
            new TuneCommand(),
            new ClassifyCommand(),
            new TuneTopicsCommand(),
            new ServeCommand(),
            new BenchCommand(),
            new ClusterCommand(),
            new ConfigsetCommand());
    for (CliCommand c : commands) {
      cl.addSubcommand(c.streams(out, err));
    }
    // Only --words are options: a query such as "-banquet" (an exclusion) is a positional word.
    cl.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
    cl.registerConverter(Integer.class, Main::integer);
    cl.registerConverter(int.class, Main::integer);
    cl.registerConverter(LocalDate.class, Main::date);
    cl.registerConverter(Double.class, Main::number);
    cl.registerConverter(double.class, Main::number);
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
    cl.setUsageHelpWidth(100);
    cl.setExecutionStrategy(
        parseResult -> {
          if (!helpRequested(parseResult)) {
            checkPathKinds(parseResult);
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine failed = ex.getCommandLine();
          err.println(prefix(failed) + usageMessage(ex, Arrays.asList(args)) + hint(failed));
          if (debug) {
            ex.printStackTrace(err);
          }
          return 2;
        });
    cl.setExecutionExceptionHandler(
        (ex, failed, parseResult) -> {
          String message =
              ex instanceof UsageException
                  ? ex.getMessage() + hint(failed)
                  : ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
                      ? ex.getMessage()
                      : ex instanceof IOException || ex instanceof UncheckedIOException
                          ? describe(ex)
                          : "internal error: " + ex;
          err.println(prefix(failed) + oneLine(message));
          if (debug) {
            ex.printStackTrace(err);
          }
          return 2;
        });
    return cl;
  }

  /** Whether the command line asks for help or the version (then nothing is checked). */
  private static boolean helpRequested(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Refuses, before a command runs, a directory given where its option wants a file and a file
   * given where it wants a directory, judged by the option's label ({@code FILE...}/{@code OUT...}
   * against {@code DIR}): otherwise the reader fails with the bare text of a Java exception ("Is a
   * directory"), or an index is advised to be created over a file. Paths that do not exist are left
   * to the command (many are outputs).
   */
  private static void checkPathKinds(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      for (OptionSpec o : p.matchedOptions()) {
        String label = o.paramLabel();
        boolean wantsDir = label.equals("DIR");
        boolean wantsFile = label.startsWith("FILE") || label.startsWith("OUT");
        if (!wantsDir && !wantsFile) {
          continue;
        }
        Object value = o.getValue();
        List<?> values = value instanceof List<?> l ? l : Collections.singletonList(value);
        for (Object v : values) {
          if (v == null || v.toString().isEmpty()) {
            continue;
          }
          Path path;
          try {
            path = Path.of(v.toString());
          } catch (InvalidPathException e) {
            continue;
          }
          String name = o.longestName() + " " + v;
          if (wantsFile && Files.isDirectory(path)) {
            throw new ParameterException(
                p.commandSpec().commandLine(),
                name + ": is a directory, give a file (" + label + ")");
          }
          if (wantsDir && Files.exists(path) && !Files.isDirectory(path)) {
            throw new ParameterException(
                p.commandSpec().commandLine(),
                name + ": is a file, not a directory: give a directory (" + label + ")");
          }
        }
      }
    }
  }

  private static String prefix(CommandLine failed) {
    return failed.getParent() == null ? "parley: " : "parley " + failed.getCommandName() + ": ";
  }

  private static String hint(CommandLine failed) {
    return failed.getParent() == null
        ? " (see: parley --help)"
        : " (see: parley " + failed.getCommandName() + " --help)";
  }

  /** A picocli parse error in Parley's words, on one line. */
  private static String usageMessage(ParameterException ex, List<String> given) {
    CommandLine failed = ex.getCommandLine();
    String command = failed.getCommandName();
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String arg = u.getUnmatched().get(0);
      if (failed.getParent() == null) {
        return arg.startsWith("-") ? "unknown option " + arg : "unknown command '" + arg + "'";
      }
      return arg.startsWith("-")
          ? "unknown option " + arg + " for '" + command + "'"
          : "unexpected argument '" + arg + "' for '" + command + "'";
    }
    if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
      ArgSpec missing = m.getMissing().get(0);
      if (missing instanceof OptionSpec o) {
        boolean named =
            given.stream()
                .anyMatch(a -> List.of(o.names()).contains(a.contains("=") ? a.split("=")[0] : a));
        return named
            ? o.longestName() + " needs a value (" + o.paramLabel() + ")"
            : "'" + command + "' needs " + o.longestName();
      }
      return "'" + command + "' needs " + missing.paramLabel();
    }
    if (ex.getCause() instanceof CommandLine.TypeConversionException t
        && ex.getArgSpec() instanceof OptionSpec o) {
      return o.longestName() + " " + t.getMessage();
    }
    if (ex instanceof CommandLine.OverwrittenOptionException o
        && o.getOverwritten() instanceof OptionSpec spec) {
      return spec.longestName() + " given twice";
    }
    return oneLine(ex.getMessage());
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  private static Integer integer(String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      // A whole number past what an option can take is too large, not "not a number".
      String v = value.strip();
      throw new CommandLine.TypeConversionException(
          v.matches("[+-]?\\d+")
              ? (v.startsWith("-") ? "is too small" : "is too large") + ", got: " + value
              : "must be a whole number, got: " + value);
    }
  }

  private static Double number(String value) {
    try {
      double d = Double.parseDouble(value.strip());
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("must be a number, got: " + value);
    }
  }

  private static LocalDate date(String value) {
    try {
      return DayParam.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  private static String describe(Exception e) {
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    String name = t.getClass().getSimpleName();
    String message = t.getMessage();
    return switch (name) {
      case "NoSuchFileException" -> "no such file: " + message;
      case "AccessDeniedException" -> "permission denied: " + message;
      case "FileAlreadyExistsException" -> "already exists: " + message;
      default -> message == null ? name : message;
    };
  }
}
