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

  @Override
  public String toString() {
    return source + ": " + reason;
  }
}
