package dev.parley.schema;

/**
 * The one error for a stored value that does not decode: an index of another schema, or damaged
 * bytes. One wording for every packed value ({@link PassageSpan}, {@link StoredTopics}), so a user
 * meets one message and one remedy.
 */
final class UndecodableValue {
  private UndecodableValue() {}

  /** The error for {@code field}'s value of {@code length} bytes, with its cause. */
  static IllegalArgumentException of(String field, int length, Throwable cause) {
    return new IllegalArgumentException(
        "stored "
            + field
            + " value of "
            + length
            + " bytes does not decode (an index of another schema, or damaged): re-index",
        cause);
  }
}
