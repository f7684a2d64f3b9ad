package dev.parley.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A queries file: tab-separated {@code qid<TAB>query}, more columns ignored. When the first line is
 * a header whose first column is {@code qid}, the query is read from the column named {@code query}
 * (and the corpus, if any, from the column named {@code corpus}); otherwise from column 2.
 *
 * <p>Thread safety: stateless.
 */
public final class QueryFile {
  private QueryFile() {}

  /**
   * One query.
   *
   * @param id the query id
   * @param text the query text
   * @param corpus the corpus it is meant for, or empty
   * @param line its line in the file (1-based), or 0 when it was not read from a file
   */
  public record Query(String id, String text, String corpus, int line) {
    /** A query that was not read from a file. */
    public Query(String id, String text, String corpus) {
      this(id, text, corpus, 0);
    }
  }

  /**
   * Reads a queries file.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed line
   * @throws IOException if the file cannot be read
   */
  public static List<Query> read(Path file) throws IOException {
    List<String> lines = Utf8Lines.read(file);
    int column = 1;
    int corpusColumn = -1;
    int first = 0;
    if (!lines.isEmpty() && lines.get(0).split("\t", -1)[0].strip().equalsIgnoreCase("qid")) {
      String[] header = lines.get(0).split("\t", -1);
      column = -1;
      for (int i = 0; i < header.length; i++) {
        if (header[i].strip().equalsIgnoreCase("query")) {
          column = i;
        } else if (header[i].strip().equalsIgnoreCase("corpus")) {
          corpusColumn = i;
        }
      }
      if (column < 0) {
        throw new IllegalArgumentException(
            file + ": header line has no 'query' column: name the query column 'query'");
      }
      first = 1;
    }
    List<Query> queries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int n = first; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length <= column || cols[0].isBlank()) {
        throw new IllegalArgumentException(
            file + ":" + (n + 1) + ": expected qid<TAB>query, found '" + abbreviate(line) + "'");
      }
      String id = cols[0].strip();
      if (!ids.add(id)) {
        throw new IllegalArgumentException(
            file + ":" + (n + 1) + ": query id " + id + " repeats: give each query its own id");
      }
      if (id.contains(" ")) {
        throw new IllegalArgumentException(
            file + ":" + (n + 1) + ": query id '" + id + "' has a space: ids are one word");
      }
      if (cols[column].isBlank()) {
        // A batch or evaluation run ranks by query text; an empty one would browse by date and
        // score as a query that found nothing, silently.
        throw new IllegalArgumentException(
            file
                + ":"
                + (n + 1)
                + ": query "
                + id
                + " has no text: give it words, or remove the line");
      }
      String corpus =
          corpusColumn >= 0 && corpusColumn < cols.length ? cols[corpusColumn].strip() : "";
      queries.add(new Query(id, cols[column].strip(), corpus, n + 1));
    }
    return queries;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
