package dev.parley.indexer.enrich;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A text with its topic labels, for training and measuring a {@link TopicModel}.
 *
 * @param id an id, for messages; passages of one article share the part before {@code #}, and
 *     cross-validation keeps them in one fold
 * @param text the text
 * @param context the article's headline and lead when the text is not itself the lead, or null
 * @param labels the topics the text is about
 * @param judged the topics the labels speak for (a topic not judged is neither true nor false)
 * @param natural whether the text comes from a sample with the natural mix of topics (thresholds
 *     are chosen for that mix; see {@link TopicTrainer})
 */
public record LabelledText(
    String id,
    String text,
    String context,
    Set<String> labels,
    Set<String> judged,
    boolean natural) {
  /** Validates the values and copies the sets. */
  public LabelledText {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    labels = Set.copyOf(labels);
    judged = Set.copyOf(judged);
  }

  /** A text without context from a natural sample. */
  public LabelledText(String id, String text, Set<String> labels, Set<String> judged) {
    this(id, text, null, labels, judged, true);
  }

  /** From a map of topic to 0/1 as in {@code topics-dev.jsonl}. */
  public static LabelledText of(String id, String text, Map<String, Integer> labels) {
    Set<String> yes = new java.util.HashSet<>();
    labels.forEach(
        (topic, v) -> {
          if (v != null && v != 0) {
            yes.add(topic);
          }
        });
    return new LabelledText(id, text, yes, labels.keySet());
  }

  /** A copy with another context and sample kind. */
  public LabelledText with(String newContext, boolean isNatural) {
    return new LabelledText(id, text, newContext, labels, judged, isNatural);
  }

  /** The article part of the id (before {@code #}). */
  public String article() {
    int hash = id.indexOf('#');
    return hash < 0 ? id : id.substring(0, hash);
  }
}
