package dev.parley.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code parley.jar}. Runs one command and exits with its code: 0 success, 1 some
 * inputs rejected (the rest done) or, for {@code verify}, an index that is not sound, 2 usage or
 * fatal error. Errors are one line on stderr; {@code --debug} adds the stack trace.
 */
public final class Main {
  private Main() {}

  static final String USAGE =
      String.join(
          "\n",
          "usage: parley COMMAND [OPTIONS]",
          "",
          "  demo   [--input DIR] [--index DIR]       index seeds/ into index/ and show ranked passages",
          "  index  [--input PATH...] [--index DIR] [--commit-every N] [--threads N] [--prune] [--json]",
          "  index  --delete ID... [--index DIR] [--json]",
          "  search [--index DIR] [QUERY] [--topic T...] [--entity E...] [--k N] [--offset N]",
          "         [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--per-article N] [--recency-half-life DAYS]",
          "         [--facets] [--collapse] [--all] [--json] [--explain]",
          "  batch  [--index DIR] --queries FILE.tsv --run OUT.trec [--k N] [--per-article N] [--tag NAME]",
          "  stats  [--index DIR] [--json]",
          "  verify [--index DIR] [--json]                 CheckIndex and manifest checks; exit 1 if unsound",
          "  eval   --index [CORPUS=]DIR... --queries FILE.tsv --qrels FILE [--level passage|article]",
          "         [--k N] [--run OUT.trec] [--profile NAME...] [--per-query] [--json]",
          "  tune   --set NAME=passage|article:QUERIES.tsv:QRELS... --index CORPUS=DIR... [--out FILE]",
          "         [--folds K] [--depth N] [--candidates N] [--profile NAME]",
          "  classify --input FILE.jsonl [--eval] [--explain [--top N]] [--json] [--topics DIR]",
          "         [--articles DIR...]",
          "  tune-topics --labels FILE.jsonl... [--natural FILE] [--articles DIR...] [--topics DIR]",
          "         [--out DIR] [--lambda L,L...] [--folds K] [--min-count N] [--curated-penalty F]",
          "         [--misses FILE] [--json] | --vet FILE [--topics DIR]",
          "  bench  --input PATH... --queries FILE.tsv [--threads N] [--repeat R] [--scale K...]",
          "         [--work DIR] [--plot FILE.png] [--json] [--no-synonyms] [--context-weight W]",
          "         [--timeout-ms MS] [--whole-process] [--concurrent-writes [--mixed-seconds S]]",
          "         exit 1 if the run was unfair or a search was cut off",
          "  bench  --stages [--input PATH...] [--threads 1] [--work DIR] [--json]",
          "         indexing time per stage in µs per passage, one thread",
          "",
          "Defaults: --input seeds, --index index. Add --debug to see stack traces.");

  private static final Map<String, Command> COMMANDS =
      Map.ofEntries(
          Map.entry("index", new IndexCommand()),
          Map.entry("search", new SearchCommand()),
          Map.entry("batch", new BatchCommand()),
          Map.entry("stats", new StatsCommand()),
          Map.entry("verify", new VerifyCommand()),
          Map.entry("demo", new DemoCommand()),
          Map.entry("classify", new ClassifyCommand()),
          Map.entry("tune-topics", new TuneTopicsCommand()),
          Map.entry("eval", new EvalCommand()),
          Map.entry("tune", new TuneCommand()),
          Map.entry("bench", new BenchCommand()));

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
    if (rest.length == 0
        || rest[0].equals("help")
        || rest[0].equals("--help")
        || rest[0].equals("-h")) {
      (rest.length == 0 ? err : out).println(USAGE);
      return rest.length == 0 ? 2 : 0;
    }
    Command command = COMMANDS.get(rest[0]);
    if (command == null) {
      err.println("parley: unknown command '" + rest[0] + "'");
      err.println(USAGE);
      return 2;
    }
    try {
      return command.run(Arrays.copyOfRange(rest, 1, rest.length), out, err);
    } catch (UsageException e) {
      err.println("parley " + rest[0] + ": " + e.getMessage());
      err.println("run 'parley help' for usage");
      return 2;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return fail(rest[0], e, e.getMessage(), debug, err);
    } catch (IOException | UncheckedIOException e) {
      return fail(rest[0], e, describe(e), debug, err);
    } catch (RuntimeException e) {
      return fail(rest[0], e, "internal error: " + e, debug, err);
    }
  }

  private static int fail(
      String command, Exception e, String message, boolean debug, PrintStream err) {
    err.println("parley " + command + ": " + message);
    if (debug) {
      e.printStackTrace(err);
    }
    return 2;
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

  /** One command of the command line. */
  interface Command {
    /** Runs with the arguments after the command name; returns the exit code. */
    int run(String[] args, PrintStream out, PrintStream err) throws IOException;
  }
}
