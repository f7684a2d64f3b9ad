package dev.parley.analysis;

import java.util.Objects;

/**
 * One place where a text names an entity.
 *
 * @param entityId the entity's canonical id
 * @param kind how it was named
 * @param start offset of the first character in the text
 * @param end offset just past the last character
 */
public record Mention(String entityId, Kind kind, int start, int end) {

  /** How an entity was named. */
  public enum Kind {
    /** By one of its names ({@code North Korea}, {@code DPRK}, {@code Kim Jong Un}). */
    NAME,
    /** By a demonym ({@code North Korean}). */
    DEMONYM,
    /** By its capital standing for its government ({@code Pyongyang said}). */
    CAPITAL,
    /** By its seat of government ({@code the White House}). */
    SEAT
  }

  /** Validates the values. */
  public Mention {
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(kind, "kind");
  }
}
