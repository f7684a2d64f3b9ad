package dev.parley.indexer.enrich;

import dev.parley.analysis.Entity;
import dev.parley.analysis.Mention;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One weighted piece of evidence for a topic: either a text pattern with optional context rules, or
 * a count of tagged entities of one type.
 *
 * <p>Its value is {@code min(count, cap) / cap}, in [0, 1]: with {@code cap} 1, whether the
 * evidence is there at all.
 *
 * @param name a short name, shown in explanations
 * @param pattern a regular expression searched in the text (case-insensitive unless {@code
 *     caseSensitive}); null for an entity feature
 * @param caseSensitive whether {@code pattern} is matched with case
 * @param notBefore a match does not count when this expression matches the text just before it (up
 *     to 40 characters, anchored at the match: write it ending in {@code $})
 * @param notAfter a match does not count when this expression matches the text just after it (up to
 *     40 characters: write it starting with {@code ^})
 * @param entityType for an entity feature, the type counted (distinct entities); null for a pattern
 * @param cap the count at which the value reaches 1
 * @param perWords when above 0, the count is first scaled to a rate per {@code perWords} words of
 *     the text, so one mention in a long speech weighs less than one in a short news item
 * @param weight the feature's weight in the topic's linear score
 */
public record TopicFeature(
    String name,
    String pattern,
    boolean caseSensitive,
    String notBefore,
    String notAfter,
    Entity.Type entityType,
    int cap,
    int perWords,
    double weight) {

  private static final int CONTEXT = 40;

  /** Validates the values. */
  public TopicFeature {
    Objects.requireNonNull(name, "name");
    if ((pattern == null) == (entityType == null)) {
      throw new IllegalArgumentException(
          "feature " + name + " needs exactly one of pattern and entityType");
    }
    if (cap < 1) {
      throw new IllegalArgumentException("feature " + name + ": cap must be >= 1, got: " + cap);
    }
    if (perWords < 0) {
      throw new IllegalArgumentException(
          "feature " + name + ": perWords must be >= 0, got: " + perWords);
    }
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException(
          "feature " + name + ": weight must be finite, got: " + weight);
    }
  }

  /** A copy with another weight (training). */
  public TopicFeature withWeight(double w) {
    return new TopicFeature(
        name, pattern, caseSensitive, notBefore, notAfter, entityType, cap, perWords, w);
  }

  /** A feature compiled for matching. */
  record Compiled(TopicFeature feature, Pattern pattern, Pattern notBefore, Pattern notAfter) {
    static Compiled of(TopicFeature f) {
      return new Compiled(
          f,
          compile(f.pattern(), f.caseSensitive()),
          compile(f.notBefore(), f.caseSensitive()),
          compile(f.notAfter(), f.caseSensitive()));
    }

    /** Upper-case escapes whose meaning would change if the pattern were lower-cased. */
    private static final Pattern UPPER_ESCAPE = Pattern.compile("\\\\[A-Z]");

    /**
     * A case-insensitive pattern is lower-cased and matched against lower-cased text: several times
     * faster than Java's case-insensitive matching. Patterns with upper-case escapes ({@code \S},
     * {@code \W}, ...) keep Java's flag instead.
     */
    private static Pattern compile(String regex, boolean caseSensitive) {
      if (regex == null) {
        return null;
      } else if (caseSensitive) {
        return Pattern.compile(regex);
      } else if (UPPER_ESCAPE.matcher(regex).find()) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
      }
      return Pattern.compile(regex.toLowerCase(java.util.Locale.ROOT));
    }

    /** The feature's value for a text and its entity mentions. */
    double value(String text, String lower, int words, List<Mention> mentions, EntityTypes types) {
      String subject = feature.caseSensitive() ? text : lower;
      int count;
      if (pattern == null) {
        count =
            (int)
                mentions.stream()
                    .map(Mention::entityId)
                    .distinct()
                    .filter(id -> types.typeOf(id) == feature.entityType())
                    .count();
      } else {
        count = 0;
        Matcher m = pattern.matcher(subject);
        while (m.find() && (feature.perWords() > 0 || count < feature.cap())) {
          if (notBefore != null
              && notBefore
                  .matcher(subject.substring(Math.max(0, m.start() - CONTEXT), m.start()))
                  .find()) {
            continue;
          }
          if (notAfter != null
              && notAfter
                  .matcher(
                      subject.substring(m.end(), Math.min(subject.length(), m.end() + CONTEXT)))
                  .find()) {
            continue;
          }
          count++;
        }
      }
      double amount = count;
      if (feature.perWords() > 0) {
        amount = count * feature.perWords() / (double) Math.max(words, feature.perWords());
      }
      return Math.min(amount, feature.cap()) / feature.cap();
    }
  }

  /** Looks up the type of an entity id. */
  @FunctionalInterface
  interface EntityTypes {
    Entity.Type typeOf(String entityId);
  }
}
