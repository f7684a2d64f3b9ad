package dev.parley.schema;

/**
 * The version of the index layout described by {@link Fields}. Raise it whenever a field is added,
 * removed, or indexed differently, so that an old index is refused instead of silently misread.
 */
public final class SchemaVersion {
  private SchemaVersion() {}

  /** The schema version this build of Parley writes and reads. */
  public static final int CURRENT = 1;
}
