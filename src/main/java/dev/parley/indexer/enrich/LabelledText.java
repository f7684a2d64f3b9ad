package dev.parley.indexer.enrich;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A text with its topic labels, for training and measuring a {@link TopicModel}.
 *
 * @param id an id, for messages
 * @param text the text
 * @param labels the topics the text is about
 * @param judged the topics the labels speak for (a topic not judged is neither true nor false)
 */
public record LabelledText(String id, String text, Set<String> labels, Set<String> judged) {
  /** Validates the values and copies the sets. */
  public LabelledText {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    labels = Set.copyOf(labels);
    judged = Set.copyOf(judged);
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
}
