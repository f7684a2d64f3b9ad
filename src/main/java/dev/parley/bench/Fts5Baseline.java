package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQLite FTS5 baseline, set up as a user of SQLite would: a contentless {@code fts5} table
 * ({@code content=''}, nothing stored but the index) with {@code tokenize='porter unicode61'},
 * passages inserted in one transaction, then {@code optimize}; queries are OR-disjunctions of the
 * query's words ranked by {@code bm25()}, top 10. Only the time inside SQLite (inserts, commit,
 * optimize) counts as indexing time, as for the raw Lucene {@link Baseline}.
 *
 * <p>SQLite through {@code org.xerial:sqlite-jdbc} (which ships FTS5), in the benchmark code only.
 *
 * <p>Not thread-safe: one loader per database; each searching thread opens its own {@link
 * Searcher}.
 */
final class Fts5Baseline implements AutoCloseable {
  static final String TABLE = "passages";
  private final Connection connection;
  private final PreparedStatement insert;
  private long nanos;
  private long rowid;

  /** Creates the database file {@code db} (replacing it) and starts the one transaction. */
  Fts5Baseline(Path db) throws IOException {
    Files.deleteIfExists(db);
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + db);
      try (Statement s = connection.createStatement()) {
        s.execute(
            "CREATE VIRTUAL TABLE "
                + TABLE
                + " USING fts5(text, content='', tokenize='porter unicode61')");
      }
      connection.setAutoCommit(false);
      insert = connection.prepareStatement("INSERT INTO " + TABLE + "(rowid, text) VALUES(?, ?)");
    } catch (SQLException e) {
      throw io(e);
    }
  }

  /** Inserts one passage, timing only SQLite. */
  void add(String text) throws IOException {
    try {
      long t0 = System.nanoTime();
      insert.setLong(1, ++rowid);
      insert.setString(2, text);
      insert.executeUpdate();
      nanos += System.nanoTime() - t0;
    } catch (SQLException e) {
      throw io(e);
    }
  }

  /** Commits, optimizes and closes; returns the SQLite time in nanoseconds. */
  long finish() throws IOException {
    try {
      long t0 = System.nanoTime();
      connection.commit();
      connection.setAutoCommit(true);
      try (Statement s = connection.createStatement()) {
        s.execute("INSERT INTO " + TABLE + "(" + TABLE + ") VALUES('optimize')");
      }
      insert.close();
      connection.close();
      nanos += System.nanoTime() - t0;
      return nanos;
    } catch (SQLException e) {
      throw io(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (!connection.isClosed()) {
        connection.close();
      }
    } catch (SQLException e) {
      throw io(e);
    }
  }

  /**
   * The FTS5 query for {@code text}: each word (letters and digits, as {@code unicode61} splits
   * them) as a quoted string, joined by OR; null if there is no word.
   */
  static String query(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      int c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        word.append((char) c);
      } else if (word.length() > 0) {
        words.add('"' + word.toString() + '"');
        word.setLength(0);
      }
    }
    return words.isEmpty() ? null : String.join(" OR ", words);
  }

  /** One connection for searching; one per thread. */
  static final class Searcher implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement search;

    Searcher(Path db) throws IOException {
      try {
        connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        search =
            connection.prepareStatement(
                "SELECT rowid FROM "
                    + TABLE
                    + " WHERE "
                    + TABLE
                    + " MATCH ? ORDER BY bm25("
                    + TABLE
                    + ") LIMIT 10");
      } catch (SQLException e) {
        throw io(e);
      }
    }

    /** The rowids of the top 10 passages for {@code text}. */
    long[] search(String text) throws IOException {
      String q = query(text);
      if (q == null) {
        return new long[0];
      }
      try {
        search.setString(1, q);
        long[] top = new long[10];
        int n = 0;
        try (ResultSet rs = search.executeQuery()) {
          while (rs.next()) {
            top[n++] = rs.getLong(1);
          }
        }
        return java.util.Arrays.copyOf(top, n);
      } catch (SQLException e) {
        throw io(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        connection.close();
      } catch (SQLException e) {
        throw io(e);
      }
    }
  }

  static IOException io(SQLException e) {
    return new IOException("SQLite: " + e.getMessage(), e);
  }
}
