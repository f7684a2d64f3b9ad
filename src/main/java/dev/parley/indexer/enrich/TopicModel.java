package dev.parley.indexer.enrich;

import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import dev.parley.analysis.TokenView;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores passages for each topic in [0, 1]: for every {@link TopicDefinition}, the logistic
 * function of its bias plus the weighted values of the passage's {@link Features} (words, word
 * pairs, curated cues, entity patterns, article context), all read from one {@link TokenView}.
 * Explainable by construction: {@link #explain} lists the largest contributions by feature name.
 *
 * <p>The built-in topics ({@code diplomacy}, {@code sanctions}, {@code summits}) are topic files
 * (format {@value TopicFiles#FORMAT}, {@link TopicFiles}) in the jar whose weights were learned by
 * {@code parley tune-topics} (docs/topics.md); apps add their own with {@link Builder#add} or
 * {@link Builder#addFile}. {@link #version()} identifies the model, so an index can record which
 * model scored its passages.
 *
 * <p>Thread safety: immutable, safe to share.
 */
public final class TopicModel {
  /** The built-in topic names. */
  public static final List<String> BUILT_IN = List.of("diplomacy", "sanctions", "summits");

  private static volatile TopicModel defaults;

  private final List<TopicDefinition> topics;
  private final Features features;
  private final WeightTable weights;

  /** Per thread: a bit set over the weight table's ranks, all clear between calls of score. */
  private final ThreadLocal<long[]> found;

  private final String version;

  private TopicModel(List<TopicDefinition> topics, Gazetteer gazetteer) {
    this.topics = List.copyOf(topics);
    Map<String, Cue> cues = new LinkedHashMap<>();
    for (TopicDefinition t : topics) {
      for (Cue c : t.cues()) {
        Cue other = cues.putIfAbsent(c.name(), c);
        if (other != null && !other.equals(c)) {
          throw new IllegalArgumentException(
              "cue "
                  + c.name()
                  + " is defined differently in two topics (topic "
                  + t.name()
                  + "): give one of them another name");
        }
      }
    }
    this.features = new Features(new ArrayList<>(cues.values()), gazetteer);
    int count = topics.stream().mapToInt(t -> t.weights().size()).sum();
    Map<Long, float[]> byKey = new HashMap<>(count * 2);
    Map<Long, String> names = new HashMap<>();
    for (int t = 0; t < topics.size(); t++) {
      for (Map.Entry<String, Double> e : topics.get(t).weights().entrySet()) {
        long key = Features.key(e.getKey());
        String clash = names.putIfAbsent(key, e.getKey());
        if (clash != null && !clash.equals(e.getKey())) {
          throw new IllegalArgumentException(
              "features " + clash + " and " + e.getKey() + " have the same key; rename one");
        }
        byKey.computeIfAbsent(key, k -> new float[topics.size()])[t] = e.getValue().floatValue();
      }
    }
    this.weights = new WeightTable(byKey, topics.size());
    int words = (weights.size() + 63) / 64;
    this.found = ThreadLocal.withInitial(() -> new long[Math.max(1, words)]);
    this.version = digest(topics);
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

  /** Starts a model whose entity patterns use {@code gazetteer}'s types. */
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

  /**
   * The model's version: {@code topics/2:} and the first 16 hex digits of the SHA-256 of its topic
   * files (format, cues, weights, thresholds), so retraining changes it even when the topic names
   * stay the same.
   */
  public String version() {
    return version;
  }

  /** Each topic's score for {@code text} whose entity mentions are {@code mentions}. */
  public Map<String, Float> score(String text, List<Mention> mentions) {
    return score(TokenView.of(text), mentions, null);
  }

  /**
   * Each topic's score for a passage, in topic order.
   *
   * @param view the passage's words
   * @param mentions the entities tagged in {@code view}
   * @param context the article's headline and lead when the passage is not itself the lead, or null
   */
  public Map<String, Float> score(TokenView view, List<Mention> mentions, TokenView context) {
    Features.Own own = features.extract(view, mentions);
    double[] z = new double[topics.size()];
    for (int t = 0; t < z.length; t++) {
      z[t] = topics.get(t).bias();
    }
    float[] w = weights.weights();
    int topicCount = z.length;
    // Words and pairs, each once, in ascending key order (the order of the rounded sums is part of
    // the score): the ranks found, read from a bit set in order (WeightTable).
    long[] bits = found.get();
    long[] wordKeys = own.wordKeys();
    int lo = bits.length;
    int hi = -1;
    for (int k = 0; k < own.words(); k++) {
      int rank = weights.find(wordKeys[k]);
      if (rank >= 0) {
        bits[rank >>> 6] |= 1L << rank;
        lo = Math.min(lo, rank >>> 6);
        hi = Math.max(hi, rank >>> 6);
      }
    }
    for (int b = lo; b <= hi; b++) {
      long x = bits[b];
      bits[b] = 0;
      while (x != 0) {
        int base = (b * 64 + Long.numberOfTrailingZeros(x)) * topicCount;
        x &= x - 1;
        for (int t = 0; t < topicCount; t++) {
          z[t] += w[base + t]; // times the value 1
        }
      }
    }
    // Then cues and entity patterns, then the context's features, each in their order.
    Features.Vector v = own.named();
    long[] keys = v.keys();
    float[] values = v.values();
    for (int k = 0; k < v.size(); k++) {
      int slot = weights.find(keys[k]);
      if (slot >= 0) {
        int base = slot * topicCount;
        for (int t = 0; t < topicCount; t++) {
          z[t] += w[base + t] * values[k];
        }
      }
    }
    if (context != null) {
      ContextWeights c = contextWeights(context);
      for (int k = 0; k < c.values().length; k++) {
        int base = k * topicCount;
        for (int t = 0; t < topicCount; t++) {
          z[t] += c.weights()[base + t] * c.values()[k];
        }
      }
    }
    Map<String, Float> scores = new LinkedHashMap<>();
    for (int t = 0; t < z.length; t++) {
      scores.put(topics.get(t).name(), (float) (1 / (1 + Math.exp(-z[t]))));
    }
    return scores;
  }

  /**
   * The context features of one article that have weights, in feature order: each one's value and
   * the weights of every topic ({@code topics} floats per feature). Looked up once per article and
   * thread, not once per passage: the passages of an article share its context.
   */
  private record ContextWeights(TokenView context, float[] values, float[] weights) {}

  private final ThreadLocal<ContextWeights> lastContext = new ThreadLocal<>();

  private ContextWeights contextWeights(TokenView context) {
    ContextWeights last = lastContext.get();
    if (last != null && last.context() == context) {
      return last;
    }
    Features.Vector v = features.context(context);
    int topicCount = topics.size();
    float[] values = new float[v.size()];
    float[] w = new float[v.size() * topicCount];
    int m = 0;
    for (int k = 0; k < v.size(); k++) {
      int slot = weights.find(v.keys()[k]);
      if (slot >= 0) {
        values[m] = v.values()[k];
        System.arraycopy(weights.weights(), slot * topicCount, w, m * topicCount, topicCount);
        m++;
      }
    }
    ContextWeights c =
        new ContextWeights(context, Arrays.copyOf(values, m), Arrays.copyOf(w, m * topicCount));
    lastContext.set(c);
    return c;
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

  /**
   * One feature's part in a score.
   *
   * @param feature the feature name ({@code w:talks}, {@code p:state visit}, {@code
   *     cue:summit-word}, {@code ent:head-meets-country}, {@code ctx:w:summit})
   * @param value the feature's value in the passage
   * @param weight its weight in the topic's model
   */
  public record Contribution(String feature, double value, double weight) {
    /** {@code weight × value}. */
    public double contribution() {
      return weight * value;
    }
  }

  /**
   * Why a passage scored what it did for one topic.
   *
   * @param topic the topic
   * @param bias the topic's bias
   * @param score the score, in [0, 1]
   * @param labelled whether the score reaches the topic's threshold
   * @param top the largest contributions by absolute size (ties by name), at most the number asked
   */
  public record Explanation(
      String topic, double bias, double score, boolean labelled, List<Contribution> top) {}

  /**
   * Explains topic {@code name}'s score for a passage.
   *
   * @param limit how many contributions to keep, at least 1
   * @throws IllegalArgumentException if the topic is unknown or {@code limit} is below 1
   */
  public Explanation explain(
      String name, TokenView view, List<Mention> mentions, TokenView context, int limit) {
    int t = names().indexOf(name);
    if (t < 0) {
      throw new IllegalArgumentException("unknown topic '" + name + "', known: " + names());
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got: " + limit);
    }
    TopicDefinition def = topics.get(t);
    List<Contribution> parts = new ArrayList<>();
    for (Map.Entry<String, Float> f : features.named(view, mentions, context).entrySet()) {
      int slot = weights.find(Features.key(f.getKey()));
      if (slot >= 0 && weights.weight(slot, t) != 0) {
        parts.add(new Contribution(f.getKey(), f.getValue(), weights.weight(slot, t)));
      }
    }
    parts.sort(
        Comparator.comparingDouble((Contribution c) -> -Math.abs(c.contribution()))
            .thenComparing(Contribution::feature));
    double score = score(view, mentions, context).get(name);
    return new Explanation(
        name,
        def.bias(),
        score,
        score >= def.threshold(),
        List.copyOf(parts.subList(0, Math.min(limit, parts.size()))));
  }

  private static String digest(List<TopicDefinition> topics) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (TopicDefinition t : topics) {
        sha.update(TopicFiles.toJson(t).getBytes(StandardCharsets.UTF_8));
      }
      // The shared lists the cues name are part of what the model means.
      sha.update(SharedTerms.text().getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("topics/" + TopicFiles.FORMAT + ":");
      byte[] d = sha.digest();
      for (int i = 0; i < 8; i++) {
        hex.append(String.format("%02x", d[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
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
          add(TopicFiles.read(new InputStreamReader(in, StandardCharsets.UTF_8), resource));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + resource, e);
        }
      }
      return this;
    }

    /**
     * Adds (or replaces, by name) a trained topic.
     *
     * @throws IllegalArgumentException if the topic has no weights (train it with {@code parley
     *     tune-topics})
     */
    public Builder add(TopicDefinition topic) {
      Objects.requireNonNull(topic, "topic");
      if (!topic.trained()) {
        throw new IllegalArgumentException(
            "topic "
                + topic.name()
                + " has no weights: learn them with parley tune-topics --topics DIR --labels"
                + " LABELS.jsonl --out DIR");
      }
      topics.put(topic.name(), topic);
      return this;
    }

    /**
     * Adds a trained topic from a topic file ({@link TopicFiles}).
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is not a trained topic file of this format
     */
    public Builder addFile(Path file) throws IOException {
      return add(TopicFiles.read(file));
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
