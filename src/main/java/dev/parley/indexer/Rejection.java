package dev.parley.indexer;

import java.util.Objects;

/**
 * An input that was not indexed, and why.
 *
 * @param source the file, or {@code file:line} for JSON Lines
 * @param reason what is wrong and, where it helps, what to do
 */
public record Rejection(String source, String reason) {
  /** Validates the values. */
  public Rejection {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * The reason given for an article whose id was already read in the same run (from {@code
   * earlier}): every writer, embedded or Solr, rejects the second one with these words.
   */
  public static String duplicateId(String id, String earlier) {
    return "duplicate article id '"
        + id
        + "': already read from "
        + earlier
        + " in this run; give one of them another id";
  }

  @Override
  public String toString() {
    return source + ": " + reason;
  }
}
