package dev.parley.indexer.segment;

/**
 * Sizes for {@link ParagraphSegmenter}, in characters.
 *
 * @param mergeBelowChars a passage shorter than this takes in the next paragraph (if the result
 *     stays within {@code maxChars}); 0 keeps every paragraph alone
 * @param maxChars the longest passage; a longer paragraph is cut into sentence-aligned windows
 * @param overlapSentences how many sentences consecutive windows share
 */
public record SegmentationConfig(int mergeBelowChars, int maxChars, int overlapSentences) {

  /** Validates the values. */
  public SegmentationConfig {
    if (maxChars < 50) {
      throw new IllegalArgumentException("maxChars must be >= 50, got: " + maxChars);
    }
    if (mergeBelowChars < 0 || mergeBelowChars > maxChars) {
      throw new IllegalArgumentException(
          "mergeBelowChars must be in [0, maxChars=" + maxChars + "], got: " + mergeBelowChars);
    }
    if (overlapSentences < 0 || overlapSentences > 5) {
      throw new IllegalArgumentException(
          "overlapSentences must be in [0, 5], got: " + overlapSentences);
    }
  }

  /** The defaults, justified in DESIGN.md. */
  public static SegmentationConfig defaults() {
    return new SegmentationConfig(0, 1000, 1);
  }
}
