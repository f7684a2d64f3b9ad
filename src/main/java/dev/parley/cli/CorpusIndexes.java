package dev.parley.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code CORPUS=DIR} index specs (eval, tune). */
final class CorpusIndexes {
  private CorpusIndexes() {}

  /**
   * The specs as corpus name to index directory, in the order given; a bare {@code DIR} serves the
   * empty corpus name when {@code bare} is allowed, else it is a usage error naming {@code option}.
   */
  static Map<String, Path> parse(String option, List<String> specs, boolean bare) {
    Map<String, Path> indexes = new LinkedHashMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq < 0 && !bare) {
        throw new UsageException(option + " takes CORPUS=DIR, got: " + spec);
      }
      indexes.put(
          eq < 0 ? "" : spec.substring(0, eq), Path.of(eq < 0 ? spec : spec.substring(eq + 1)));
    }
    return indexes;
  }
}
