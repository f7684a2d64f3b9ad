package dev.parley.indexer.ingest;

/** An input that is not a valid article; the message is the reason shown to the user. */
public final class ArticleFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the user-facing reason. */
  public ArticleFormatException(String reason) {
    super(reason);
  }
}
