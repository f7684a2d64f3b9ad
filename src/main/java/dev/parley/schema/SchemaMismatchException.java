package dev.parley.schema;

import java.io.IOException;

/**
 * The index on disk was not written by this version of Parley's schema (or not by Parley at all).
 * The message names both versions and says how to recover: re-index.
 */
public final class SchemaMismatchException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what to do. */
  public SchemaMismatchException(String message) {
    super(message);
  }
}
