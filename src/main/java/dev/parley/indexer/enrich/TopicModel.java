package dev.parley.indexer.enrich;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.parley.analysis.Entity;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores text for each topic in [0, 1]: for every {@link TopicDefinition}, the logistic function of
 * its bias plus the weighted values of its features (patterns with context rules, and counts of
 * tagged entities). Explainable by construction: {@link #explain} lists each feature's
 * contribution.
 *
 * <p>The built-in topics ({@code diplomacy}, {@code sanctions}, {@code summits}) are JSON files in
 * the jar whose weights were learned by {@code parley tune-topics} (docs/topics.md); apps add their
 * own with {@link Builder#add(TopicDefinition)} or {@link Builder#addFile(Path)}.
 *
 * <p>Thread safety: immutable, safe to share.
 */
public final class TopicModel {
  /** The built-in topic names. */
  public static final List<String> BUILT_IN = List.of("diplomacy", "sanctions", "summits");

  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
  private static volatile TopicModel defaults;

  private final List<TopicDefinition> topics;
  private final List<List<TopicFeature.Compiled>> compiled;
  private final TopicFeature.EntityTypes types;

  private TopicModel(List<TopicDefinition> topics, Gazetteer gazetteer) {
    this.topics = List.copyOf(topics);
    this.compiled =
        topics.stream()
            .map(t -> t.features().stream().map(TopicFeature.Compiled::of).toList())
            .toList();
    Map<String, Entity.Type> typeById = new java.util.HashMap<>();
    gazetteer.entities().forEach(e -> typeById.put(e.id(), e.type()));
    this.types = typeById::get;
  }

  /** The built-in topics over the default gazetteer. */
  public static TopicModel defaults() {
    TopicModel m = defaults;
    if (m == null) {
      synchronized (TopicModel.class) {
        m = defaults;
        if (m == null) {
          m = builder(Gazetteer.defaults()).addDefaults().build();
          defaults = m;
        }
      }
    }
    return m;
  }

  /** Starts a model whose entity features use {@code gazetteer}'s types. */
  public static Builder builder(Gazetteer gazetteer) {
    return new Builder(gazetteer);
  }

  /** The topics, in order. */
  public List<TopicDefinition> topics() {
    return topics;
  }

  /** The topic names, in order. */
  public List<String> names() {
    return topics.stream().map(TopicDefinition::name).toList();
  }

  /** Each topic's score for {@code text} whose entity mentions are {@code mentions}. */
  public Map<String, Float> score(String text, List<Mention> mentions) {
    Map<String, Float> scores = new LinkedHashMap<>();
    for (int t = 0; t < topics.size(); t++) {
      scores.put(topics.get(t).name(), (float) probability(t, features(t, text, mentions)));
    }
    return scores;
  }

  /** The names of the topics whose score reaches their threshold. */
  public List<String> labels(Map<String, Float> scores) {
    List<String> labels = new ArrayList<>();
    for (TopicDefinition t : topics) {
      Float s = scores.get(t.name());
      if (s != null && s >= t.threshold()) {
        labels.add(t.name());
      }
    }
    return labels;
  }

  /** The feature values of topic {@code t} (training and explanations). */
  public double[] features(int t, String text, List<Mention> mentions) {
    List<TopicFeature.Compiled> fs = compiled.get(t);
    int words = wordCount(text);
    String lower = asciiLower(text);
    double[] values = new double[fs.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = fs.get(i).value(text, lower, words, mentions, types);
    }
    return values;
  }

  /**
   * For topic {@code name}: the bias and each non-zero feature's contribution (weight × value), in
   * feature order, then the score.
   */
  public Map<String, Double> explain(String name, String text, List<Mention> mentions) {
    int t = names().indexOf(name);
    if (t < 0) {
      throw new IllegalArgumentException("unknown topic '" + name + "', known: " + names());
    }
    TopicDefinition def = topics.get(t);
    double[] values = features(t, text, mentions);
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("(bias)", def.bias());
    for (int i = 0; i < values.length; i++) {
      if (values[i] != 0) {
        out.put(def.features().get(i).name(), def.features().get(i).weight() * values[i]);
      }
    }
    out.put("(score)", probability(t, values));
    return out;
  }

  /** Lower-cases ASCII letters only, so offsets stay the same as in {@code text}. */
  static String asciiLower(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + 32);
      }
    }
    return new String(chars);
  }

  private static int wordCount(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return words;
  }

  private double probability(int t, double[] values) {
    TopicDefinition def = topics.get(t);
    double z = def.bias();
    for (int i = 0; i < values.length; i++) {
      z += def.features().get(i).weight() * values[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** A topic definition as pretty JSON (the format of the topic files). */
  public static String toJson(TopicDefinition topic) {
    return GSON.toJson(topic);
  }

  /**
   * Reads a topic definition from JSON.
   *
   * @throws IllegalArgumentException if the JSON is not a valid definition, naming the source
   */
  public static TopicDefinition fromJson(Reader json, String source) {
    try {
      RawTopic raw = GSON.fromJson(json, RawTopic.class);
      if (raw == null) {
        throw new IllegalArgumentException("empty topic definition");
      }
      List<TopicFeature> features = new ArrayList<>();
      for (RawFeature f : Objects.requireNonNull(raw.features, "features")) {
        features.add(
            new TopicFeature(
                f.name,
                f.pattern,
                f.caseSensitive,
                f.notBefore,
                f.notAfter,
                f.entityType,
                f.cap == 0 ? 1 : f.cap,
                f.perWords,
                f.weight));
      }
      double threshold = raw.threshold == 0 ? 0.5 : raw.threshold;
      return new TopicDefinition(raw.name, raw.description, threshold, raw.bias, features);
    } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          source + ": not a topic definition (" + e.getMessage() + ")", e);
    }
  }

  /** The JSON shape of a topic file; absent numbers take their defaults (threshold 0.5, cap 1). */
  private static final class RawTopic {
    String name;
    String description;
    double threshold;
    double bias;
    List<RawFeature> features;
  }

  /** The JSON shape of one feature. */
  private static final class RawFeature {
    String name;
    String pattern;
    boolean caseSensitive;
    String notBefore;
    String notAfter;
    Entity.Type entityType;
    int cap;
    int perWords;
    double weight;
  }

  /** Collects topics. Not thread-safe. */
  public static final class Builder {
    private final Gazetteer gazetteer;
    private final Map<String, TopicDefinition> topics = new LinkedHashMap<>();

    private Builder(Gazetteer gazetteer) {
      this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    /** Adds the built-in topics. */
    public Builder addDefaults() {
      for (String name : BUILT_IN) {
        String resource = "topics/" + name + ".json";
        try (InputStream in = TopicModel.class.getResourceAsStream(resource)) {
          Objects.requireNonNull(in, "missing resource " + resource);
          add(fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), resource));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + resource, e);
        }
      }
      return this;
    }

    /** Adds (or replaces, by name) a topic. */
    public Builder add(TopicDefinition topic) {
      topics.put(topic.name(), Objects.requireNonNull(topic, "topic"));
      return this;
    }

    /**
     * Adds a topic from a JSON file in the format of the built-in ones.
     *
     * @throws IOException if the file cannot be read
     */
    public Builder addFile(Path file) throws IOException {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        return add(fromJson(r, file.toString()));
      }
    }

    /** Builds the model. */
    public TopicModel build() {
      if (topics.isEmpty()) {
        throw new IllegalStateException("a topic model needs at least one topic");
      }
      return new TopicModel(new ArrayList<>(topics.values()), gazetteer);
    }
  }
}
