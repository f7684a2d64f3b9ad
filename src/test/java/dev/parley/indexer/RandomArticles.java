package dev.parley.indexer;

import java.util.Random;

/** Random article bodies for the indexing property tests: paragraphs of news words. */
final class RandomArticles {
  private RandomArticles() {}

  /** Words of diplomacy news and plain English, entities among them (North Korea, Moscow). */
  static final String[] WORDS = {
    "sanctions",
    "summit",
    "talks",
    "embargo",
    "minister",
    "treaty",
    "Iran",
    "China",
    "trade",
    "leaders",
    "nuclear",
    "envoy",
    "vote",
    "council",
    "ceasefire",
    "border",
    "tariffs",
    "North",
    "Korea",
    "Moscow",
    "Washington",
    "met",
    "signed",
    "agreed",
    "the",
    "in",
    "on",
    "said"
  };

  /**
   * Appends paragraphs (at least one, fewer than {@code 1 + maxParagraphs}) of random words (at
   * least 5, fewer than {@code 5 + maxExtraWords}), each ending in " .", separated by blank lines.
   */
  static void appendParagraphs(
      StringBuilder b, Random random, int maxParagraphs, int maxExtraWords) {
    for (int p = 0; p < 1 + random.nextInt(maxParagraphs); p++) {
      for (int w = 0; w < 5 + random.nextInt(maxExtraWords); w++) {
        b.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      b.append(".\n\n");
    }
  }
}
