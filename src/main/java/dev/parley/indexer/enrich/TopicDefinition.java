package dev.parley.indexer.enrich;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A topic: its name, its curated evidence ({@link Cue}s), and a linear model over the passage's
 * features (see {@link Features}: words, word pairs, cues, entity patterns, article context). The
 * score is the logistic function of {@code bias + Σ weight × value}, in [0, 1]; a passage is
 * labelled with the topic when its score reaches {@code threshold}.
 *
 * <p>A definition without weights is untrained: {@code parley tune-topics} learns them (an app's
 * new topic starts as a name, a description and, optionally, cues). The file format is {@link
 * TopicFiles}.
 *
 * @param name the topic name, lower-case letters, digits and {@code -} (for example {@code
 *     arms-control})
 * @param description what the topic covers, for people
 * @param threshold the label threshold, in (0, 1)
 * @param bias the intercept of the linear model
 * @param cues the curated evidence, named features of the model
 * @param weights feature name ({@code w:WORD}, {@code p:WORD WORD}, {@code cue:NAME}, {@code
 *     ent:NAME}, {@code ctx:w:WORD}, {@code ctx:cue:NAME}) to weight; sorted by name
 * @param priors curated feature name ({@code cue:NAME}, {@code ent:NAME}, {@code ctx:cue:NAME}) to
 *     the weight the definition expects it to have: training shrinks that feature's weight towards
 *     its prior instead of towards 0 (a kind the definition names but the labelled data shows only
 *     a few times, such as a head of state travelling abroad for talks); empty for most topics
 */
public record TopicDefinition(
    String name,
    String description,
    double threshold,
    double bias,
    List<Cue> cues,
    Map<String, Double> weights,
    Map<String, Double> priors) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** Validates the values and copies the collections. */
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
    if (!Double.isFinite(bias)) {
      throw new IllegalArgumentException("topic " + name + ": bias must be finite, got: " + bias);
    }
    cues = List.copyOf(cues == null ? List.of() : cues);
    java.util.Set<String> cueNames = new java.util.HashSet<>();
    for (Cue c : cues) {
      if (!cueNames.add(c.name())) {
        throw new IllegalArgumentException("topic " + name + " defines cue " + c.name() + " twice");
      }
    }
    for (Cue c : cues) {
      for (String of : c.countOf()) {
        Cue target = cues.stream().filter(x -> x.name().equals(of)).findFirst().orElse(null);
        if (target == null || !target.countOf().isEmpty()) {
          throw new IllegalArgumentException(
              "topic "
                  + name
                  + ": cue "
                  + c.name()
                  + " counts "
                  + of
                  + ", which is not a cue of this topic with terms of its own");
        }
      }
    }
    TreeMap<String, Double> sorted = new TreeMap<>();
    if (weights != null) {
      for (Map.Entry<String, Double> e : weights.entrySet()) {
        String feature = Objects.requireNonNull(e.getKey(), "feature name");
        double w = Objects.requireNonNull(e.getValue(), feature);
        if (!Double.isFinite(w)) {
          throw new IllegalArgumentException(
              "topic " + name + ": weight of " + feature + " must be finite, got: " + w);
        }
        Features.key(feature); // rejects names of unknown kinds
        if (feature.startsWith("cue:") && !cueNames.contains(feature.substring(4))
            || feature.startsWith("ctx:cue:") && !cueNames.contains(feature.substring(8))) {
          throw new IllegalArgumentException(
              "topic " + name + ": weight for " + feature + " but no such cue is defined");
        }
        sorted.put(feature, w);
      }
    }
    weights = java.util.Collections.unmodifiableMap(sorted);
    TreeMap<String, Double> sortedPriors = new TreeMap<>();
    if (priors != null) {
      for (Map.Entry<String, Double> e : priors.entrySet()) {
        String feature = Objects.requireNonNull(e.getKey(), "feature name");
        double w = Objects.requireNonNull(e.getValue(), feature);
        if (!Double.isFinite(w)) {
          throw new IllegalArgumentException(
              "topic " + name + ": prior of " + feature + " must be finite, got: " + w);
        }
        Features.key(feature);
        if (!TopicTrainer.curated(feature)) {
          throw new IllegalArgumentException(
              "topic "
                  + name
                  + ": a prior is for a cue or entity pattern (cue:NAME, ent:NAME, ctx:cue:NAME),"
                  + " got: "
                  + feature);
        }
        if (feature.startsWith("cue:") && !cueNames.contains(feature.substring(4))
            || feature.startsWith("ctx:cue:") && !cueNames.contains(feature.substring(8))) {
          throw new IllegalArgumentException(
              "topic " + name + ": prior for " + feature + " but no such cue is defined");
        }
        if (feature.startsWith("ent:") && !EntityPatterns.NAMES.contains(feature.substring(4))) {
          throw new IllegalArgumentException(
              "topic "
                  + name
                  + ": prior for "
                  + feature
                  + " but there is no such entity pattern (known: "
                  + EntityPatterns.NAMES
                  + ")");
        }
        sortedPriors.put(feature, w);
      }
    }
    priors = java.util.Collections.unmodifiableMap(sortedPriors);
  }

  /** A definition without priors (most topics). */
  public TopicDefinition(
      String name,
      String description,
      double threshold,
      double bias,
      List<Cue> cues,
      Map<String, Double> weights) {
    this(name, description, threshold, bias, cues, weights, Map.of());
  }

  /** Whether the definition has learned weights. */
  public boolean trained() {
    return !weights.isEmpty();
  }

  /** A copy with a new label threshold, bias and weights (training). */
  public TopicDefinition withModel(double newThreshold, double newBias, Map<String, Double> w) {
    return new TopicDefinition(name, description, newThreshold, newBias, cues, w, priors);
  }
}
