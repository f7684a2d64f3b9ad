package dev.parley.schema;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An index that exists but cannot be read: a stray or truncated commit file, a missing or corrupt
 * segment file, a manifest that does not parse. Lucene reports such damage with a dozen exception
 * types, some unchecked and worded for its own developers (a stray {@code segments_zz} file gives
 * {@code For input string: "zz" under radix 36}); both front doors translate them into this one,
 * whose one-line message names the index, the underlying cause, and what to do: run {@code parley
 * verify} (or {@code IndexVerifier.verify}) for the full report, then re-index.
 */
public final class DamagedIndexException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the index at {@code index}, damaged as {@code cause} shows.
   *
   * @param index the index directory
   * @param cause what Lucene (or the manifest reader) threw
   */
  public DamagedIndexException(Path index, Throwable cause) {
    super(
        "index "
            + index
            + " cannot be read, it may be damaged ("
            + cause.getClass().getSimpleName()
            + ": "
            + String.valueOf(cause.getMessage()).replaceAll("\\s*\\R\\s*", " ")
            + "): run parley verify --index "
            + index
            + " for a full report, then re-index into a new directory",
        cause);
  }
}
