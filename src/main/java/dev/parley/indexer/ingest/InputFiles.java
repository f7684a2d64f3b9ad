package dev.parley.indexer.ingest;

import dev.parley.indexer.Rejection;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Expands input paths into the article files to read, in a stable order: inputs in the order given,
 * directories recursively with entries sorted by name. Files Parley has no parser for (say an
 * {@code index.tsv} beside the articles) are listed as skipped; a directory reached twice through
 * symbolic links is visited once, so a link loop ends.
 *
 * <p>Thread safety: stateless.
 */
public final class InputFiles {
  private InputFiles() {}

  /** The format of an article file, by extension. */
  public enum Format {
    /** {@code .txt}: the seed format. */
    SEED(new SeedFormat()),
    /** {@code .jsonl}: JSON Lines. */
    JSON_LINES(new JsonLinesFormat());

    private final ArticleParser parser;

    Format(ArticleParser parser) {
      this.parser = parser;
    }

    /** The parser for this format. */
    public ArticleParser parser() {
      return parser;
    }

    /** The format of {@code file}, or {@code null} if Parley does not read it. */
    public static Format of(Path file) {
      Path fileName = file.getFileName();
      if (fileName == null) {
        return null;
      }
      String name = fileName.toString().toLowerCase(Locale.ROOT);
      if (name.startsWith(".")) {
        return null;
      } else if (name.endsWith(".txt")) {
        return SEED;
      } else if (name.endsWith(".jsonl")) {
        return JSON_LINES;
      }
      return null;
    }
  }

  /**
   * The result of listing inputs.
   *
   * @param articles the files to parse, in order
   * @param skipped files that are not articles
   * @param problems inputs that could not be listed, with the reason
   */
  public record Listing(List<Path> articles, List<Path> skipped, List<Rejection> problems) {
    /** Copies the lists. */
    public Listing {
      articles = List.copyOf(articles);
      skipped = List.copyOf(skipped);
      problems = List.copyOf(problems);
    }
  }

  /** Lists the article files under {@code inputs}. */
  public static Listing list(List<Path> inputs) {
    List<Path> articles = new ArrayList<>();
    List<Path> skipped = new ArrayList<>();
    List<Rejection> problems = new ArrayList<>();
    Set<Path> visited = new HashSet<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        problems.add(new Rejection(input.toString(), "no such file or directory"));
      } else if (Files.isDirectory(input)) {
        walk(input, visited, articles, skipped, problems);
      } else if (Format.of(input) != null) {
        articles.add(input);
      } else {
        skipped.add(input);
      }
    }
    return new Listing(articles, skipped, problems);
  }

  private static void walk(
      Path dir,
      Set<Path> visited,
      List<Path> articles,
      List<Path> skipped,
      List<Rejection> problems) {
    try {
      if (!visited.add(dir.toRealPath())) {
        problems.add(
            new Rejection(
                dir.toString(), "directory already visited (symbolic link loop?), skipped"));
        return;
      }
    } catch (IOException e) {
      problems.add(new Rejection(dir.toString(), "cannot resolve: " + describe(e)));
      return;
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(entries::add);
    } catch (IOException e) {
      problems.add(new Rejection(dir.toString(), "cannot list directory: " + describe(e)));
      return;
    }
    entries.sort(null);
    for (Path entry : entries) {
      if (Files.isDirectory(entry)) {
        walk(entry, visited, articles, skipped, problems);
      } else if (Format.of(entry) != null && Files.isRegularFile(entry)) {
        articles.add(entry);
      } else if (Format.of(entry) != null && Files.isSymbolicLink(entry)) {
        // Named like an article but pointing nowhere: say so rather than skip it silently.
        problems.add(new Rejection(entry.toString(), "broken symbolic link: " + linkTarget(entry)));
      } else {
        skipped.add(entry);
      }
    }
  }

  private static String linkTarget(Path link) {
    try {
      return "its target " + Files.readSymbolicLink(link) + " does not exist";
    } catch (IOException e) {
      return "cannot read it: " + describe(e);
    }
  }

  /**
   * The file an article's {@link dev.parley.indexer.Article#source()} names: the source itself, or
   * for JSON Lines ({@code file.jsonl:LINE}) the part before the line number.
   */
  public static Path sourceFile(String source) {
    int colon = source.lastIndexOf(':');
    if (colon > 0 && colon < source.length() - 1) {
      String file = source.substring(0, colon);
      String line = source.substring(colon + 1);
      if (line.chars().allMatch(c -> c >= '0' && c <= '9') && Format.of(Path.of(file)) != null) {
        return Path.of(file);
      }
    }
    return Path.of(source);
  }

  /** A short description of an I/O error, for messages. */
  public static String describe(IOException e) {
    String kind =
        switch (e.getClass().getSimpleName()) {
          case "AccessDeniedException" -> "permission denied";
          case "NoSuchFileException" -> "no such file";
          default -> e.getClass().getSimpleName();
        };
    return e.getMessage() == null || kind.equals("permission denied") || kind.equals("no such file")
        ? kind
        : kind + ": " + e.getMessage();
  }
}
