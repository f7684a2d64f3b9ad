package dev.parley.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Relevance judgments: for each query, graded units. A unit is a paragraph ({@code
 * articleId#paragraph}) for passage-level judgments or an article id for article-level ones. Grades
 * above 0 are relevant.
 *
 * <p>Thread safety: immutable.
 */
public final class Qrels {
  private final Map<String, Map<String, Integer>> byQuery;

  private Qrels(Map<String, Map<String, Integer>> byQuery) {
    this.byQuery = byQuery;
  }

  /** Judgments from a map of query id to unit to grade. */
  public static Qrels of(Map<String, Map<String, Integer>> judgments) {
    Map<String, Map<String, Integer>> copy = new HashMap<>();
    judgments.forEach((q, m) -> copy.put(q, Map.copyOf(m)));
    return new Qrels(Collections.unmodifiableMap(copy));
  }

  /**
   * Reads a TREC qrels file: {@code qid 0 unit grade} per line.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed line
   * @throws IOException if the file cannot be read
   */
  public static Qrels read(Path file) throws IOException {
    Map<String, Map<String, Integer>> byQuery = new HashMap<>();
    List<String> lines = Utf8Lines.read(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s+");
      try {
        if (f.length != 4) {
          throw new NumberFormatException();
        }
        byQuery.computeIfAbsent(f[0], q -> new HashMap<>()).put(f[2], Integer.parseInt(f[3]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": expected 'qid 0 unit grade', found '" + line + "'");
      }
    }
    return of(byQuery);
  }

  /** The query ids with judgments. */
  public Set<String> queries() {
    return byQuery.keySet();
  }

  /** The judged units of {@code qid} and their grades (empty if none). */
  public Map<String, Integer> of(String qid) {
    return byQuery.getOrDefault(qid, Map.of());
  }

  /** True if {@code qid} has at least one relevant unit. */
  public boolean hasRelevant(String qid) {
    return of(qid).values().stream().anyMatch(g -> g > 0);
  }
}
