package dev.parley.indexer.enrich;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A topic: a name, a linear model over {@link TopicFeature}s, and the threshold above which a
 * passage is labelled with it. The score is the logistic function of {@code bias + Σ weight ×
 * value}, in [0, 1].
 *
 * @param name the topic name, lower-case letters, digits and {@code -} (for example {@code
 *     arms-control})
 * @param description what the topic covers, for people
 * @param threshold the label threshold, in (0, 1)
 * @param bias the intercept of the linear model
 * @param features the evidence and its weights
 */
public record TopicDefinition(
    String name, String description, double threshold, double bias, List<TopicFeature> features) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** Validates the values and copies the list. */
  public TopicDefinition {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "topic name must be lower-case letters, digits and '-', got: '" + name + "'");
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException(
          "topic " + name + ": threshold must be in (0, 1), got: " + threshold);
    }
    features = List.copyOf(features);
    if (features.isEmpty()) {
      throw new IllegalArgumentException("topic " + name + " has no features");
    }
  }

  /** A copy with another label threshold (training). */
  public TopicDefinition withThreshold(double newThreshold) {
    return new TopicDefinition(name, description, newThreshold, bias, features);
  }

  /** A copy with new weights (training): the bias, then one weight per feature in order. */
  public TopicDefinition withWeights(double newBias, double[] weights) {
    if (weights.length != features.size()) {
      throw new IllegalArgumentException(
          "expected " + features.size() + " weights, got " + weights.length);
    }
    List<TopicFeature> updated =
        java.util.stream.IntStream.range(0, weights.length)
            .mapToObj(i -> features.get(i).withWeight(weights[i]))
            .toList();
    return new TopicDefinition(name, description, threshold, newBias, updated);
  }
}
