package dev.parley.indexer.enrich;

import dev.parley.analysis.TokenView;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
        checkCanFire(name, "weight", feature, cueNames);
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
        if (!TopicTrainer.curated(feature)) {
          throw new IllegalArgumentException(
              "topic "
                  + name
                  + ": a prior is for a cue or entity pattern (cue:NAME, ent:NAME, ctx:cue:NAME),"
                  + " got: "
                  + feature);
        }
        checkCanFire(name, "prior", feature, cueNames);
        sortedPriors.put(feature, w);
      }
    }
    priors = java.util.Collections.unmodifiableMap(sortedPriors);
  }

  /**
   * Refuses a weight or prior on a feature no passage can ever have: an unknown kind, a cue the
   * topic does not define, an entity pattern that does not exist, or a word that is not written as
   * features see words (one folded word: lower case, accents removed; {@code p:} two of them
   * separated by one space). Such a weight would be read, never fire, and be dropped silently by
   * the next {@code tune-topics}.
   */
  private static void checkCanFire(
      String topic, String what, String feature, Set<String> cueNames) {
    Features.key(feature); // rejects names of unknown kinds
    String problem = null;
    if (feature.startsWith("cue:") && !cueNames.contains(feature.substring(4))
        || feature.startsWith("ctx:cue:") && !cueNames.contains(feature.substring(8))) {
      problem = "no such cue is defined";
    } else if (feature.startsWith("ent:") && !EntityPatterns.NAMES.contains(feature.substring(4))) {
      problem = "there is no such entity pattern (known: " + EntityPatterns.NAMES + ")";
    } else if (feature.startsWith("w:") && !isFoldedWord(feature.substring(2))
        || feature.startsWith("ctx:w:") && !isFoldedWord(feature.substring(6))) {
      problem = "it is not one folded word (lower case, accents removed), so it can never match";
    } else if (feature.startsWith("p:") && !isFoldedPair(feature.substring(2))) {
      problem =
          "it is not two folded words separated by one space (lower case, accents removed),"
              + " so it can never match";
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          "topic " + topic + ": " + what + " for " + feature + " but " + problem);
    }
  }

  private static boolean isFoldedWord(String word) {
    TokenView view = TokenView.of(word);
    return view.size() == 1
        && view.start(0) == 0
        && view.end(0) == word.length()
        && view.folded(0).equals(word);
  }

  private static boolean isFoldedPair(String pair) {
    int space = pair.indexOf(' ');
    return space > 0
        && isFoldedWord(pair.substring(0, space))
        && isFoldedWord(pair.substring(space + 1));
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
