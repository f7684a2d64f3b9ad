package dev.parley.indexer.enrich;

import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import dev.parley.analysis.TokenView;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sparse features of a passage that the topic model weighs, all read from one {@link TokenView}
 * and its entity mentions. Every feature has a name, shown in explanations and written in model
 * files:
 *
 * <ul>
 *   <li>{@code w:WORD}: a folded word is present (value 1);
 *   <li>{@code p:WORD WORD}: two adjacent words in one sentence (value 1);
 *   <li>{@code cue:NAME}: a curated {@link Cue} (value in [0, 1]);
 *   <li>{@code ent:PATTERN}: an entity-type pattern from the tagger's mentions (see {@link
 *       EntityPatterns});
 *   <li>{@code ctx:w:WORD}, {@code ctx:cue:NAME}: a word or cue of the article's context (headline
 *       and lead), with value {@link #CONTEXT_VALUE} so a reference in the passage ("the talks")
 *       can borrow from the lead without weighing like the passage's own words.
 * </ul>
 *
 * <p>Scoring uses a 64-bit key per feature, computed from word hashes without building names;
 * {@link #key(String)} gives the same key from a name, which is how model files are loaded.
 *
 * <p>Thread safety: immutable, safe to share.
 */
final class Features {
  /** The value of a context feature: context evidence weighs less than the passage's own. */
  static final float CONTEXT_VALUE = 0.5f;

  private static final long WORD = 0x1000_0000_0000_0001L;
  private static final long PAIR = 0x2000_0000_0000_0002L;
  private static final long CUE = 0x3000_0000_0000_0003L;
  private static final long ENTITY = 0x4000_0000_0000_0004L;
  private static final long CONTEXT_WORD = 0x5000_0000_0000_0005L;
  private static final long CONTEXT_CUE = 0x6000_0000_0000_0006L;

  private final CueMatcher cues;
  private final long[] cueKeys;
  private final long[] contextCueKeys;
  private final EntityPatterns entities;

  Features(List<Cue> cues, Gazetteer gazetteer) {
    this.cues = new CueMatcher(cues);
    this.cueKeys = new long[cues.size()];
    this.contextCueKeys = new long[cues.size()];
    for (int c = 0; c < cues.size(); c++) {
      long h = TokenView.hash(cues.get(c).name());
      cueKeys[c] = mix(CUE, h, 0);
      contextCueKeys[c] = mix(CONTEXT_CUE, h, 0);
    }
    this.entities = new EntityPatterns(gazetteer);
  }

  List<Cue> cues() {
    return cues.cues();
  }

  /** Features as parallel arrays of keys and values, keys distinct. */
  record Vector(long[] keys, float[] values, int size) {}

  /**
   * A passage's own features: the keys of its words and word pairs ({@code words} of them, in text
   * order, a repeated word repeated; each has value 1), then its cues and entity patterns as a
   * {@link Vector} in their order.
   */
  record Own(long[] wordKeys, int words, Vector named) {}

  /**
   * The features of a passage's own words and entities; its article context's features are {@link
   * #context}'s.
   */
  Own extract(TokenView view, List<Mention> mentions) {
    int n = view.size();
    int[] sentence = sentences(view);
    long[] words = new long[Math.max(1, 2 * n)];
    int w = 0;
    for (int i = 0; i < n; i++) {
      words[w++] = mix(WORD, view.hash(i), 0);
      if (i + 1 < n && sentence[i] == sentence[i + 1]) {
        words[w++] = mix(PAIR, view.hash(i), view.hash(i + 1));
      }
    }
    int capacity = cueKeys.length + EntityPatterns.NAMES.size();
    long[] keys = new long[capacity];
    float[] values = new float[capacity];
    // Cue and entity keys are distinct by construction.
    int size = addCues(view, sentence, keys, values, 0, cueKeys, 1f);
    float[] ent = entities.values(view, mentions, sentence);
    for (int k = 0; k < ent.length; k++) {
      if (ent[k] != 0) {
        keys[size] = mix(ENTITY, EntityPatterns.HASHES[k], 0);
        values[size++] = ent[k];
      }
    }
    return new Own(words, w, new Vector(keys, values, size));
  }

  /**
   * The features of an article's context (headline and lead): its words (in ascending key order),
   * then its cues, each with {@link #CONTEXT_VALUE}'s weight. A passage's full feature vector is
   * {@link #extract}'s followed by these.
   */
  Vector context(TokenView context) {
    long[] keys = new long[context.size() + cueKeys.length];
    float[] values = new float[keys.length];
    int size = 0;
    for (int i = 0; i < context.size(); i++) {
      keys[size++] = mix(CONTEXT_WORD, context.hash(i), 0);
    }
    size = sortUnique(keys, 0, size);
    Arrays.fill(values, 0, size, CONTEXT_VALUE);
    size = addCues(context, sentences(context), keys, values, size, contextCueKeys, CONTEXT_VALUE);
    return new Vector(keys, values, size);
  }

  /** The features of a passage by name, in the order they are found (explanations, training). */
  Map<String, Float> named(TokenView view, List<Mention> mentions, TokenView context) {
    Map<String, Float> out = new LinkedHashMap<>();
    int n = view.size();
    int[] sentence = sentences(view);
    for (int i = 0; i < n; i++) {
      out.putIfAbsent("w:" + view.folded(i), 1f);
      if (i + 1 < n && sentence[i] == sentence[i + 1]) {
        out.putIfAbsent("p:" + view.folded(i) + " " + view.folded(i + 1), 1f);
      }
    }
    int[] counts = cues.counts(view, sentence);
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] > 0) {
        out.put("cue:" + cues().get(c).name(), cueValue(cues().get(c), counts[c], n));
      }
    }
    float[] ent = entities.values(view, mentions, sentence);
    for (int k = 0; k < ent.length; k++) {
      if (ent[k] != 0) {
        out.put("ent:" + EntityPatterns.NAMES.get(k), ent[k]);
      }
    }
    if (context != null) {
      for (int i = 0; i < context.size(); i++) {
        out.putIfAbsent("ctx:w:" + context.folded(i), CONTEXT_VALUE);
      }
      int[] ctx = cues.counts(context, sentences(context));
      for (int c = 0; c < ctx.length; c++) {
        if (ctx[c] > 0) {
          out.put(
              "ctx:cue:" + cues().get(c).name(),
              CONTEXT_VALUE * cueValue(cues().get(c), ctx[c], context.size()));
        }
      }
    }
    return out;
  }

  private int addCues(
      TokenView view,
      int[] sentence,
      long[] keys,
      float[] values,
      int size,
      long[] cueKeyTable,
      float scale) {
    int[] counts = cues.counts(view, sentence);
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] > 0) {
        keys[size] = cueKeyTable[c];
        values[size++] = scale * cueValue(cues().get(c), counts[c], view.size());
      }
    }
    return size;
  }

  private static float cueValue(Cue cue, int count, int words) {
    double amount = count;
    if (cue.perWords() > 0) {
      amount = count * cue.perWords() / (double) Math.max(words, cue.perWords());
    }
    return (float) (Math.min(amount, cue.cap()) / cue.cap());
  }

  /**
   * Sorts keys {@code [from, to)} and drops repeats (a word that occurs twice is one feature);
   * their values are all equal. Returns the new end.
   */
  private static int sortUnique(long[] keys, int from, int to) {
    Arrays.sort(keys, from, to);
    int m = from;
    for (int i = from; i < to; i++) {
      if (m == from || keys[m - 1] != keys[i]) {
        keys[m++] = keys[i];
      }
    }
    return m;
  }

  /** Sentence number of each word, from the view's sentence breaks. */
  static int[] sentences(TokenView view) {
    int[] s = new int[view.size()];
    int current = 0;
    for (int i = 0; i < s.length; i++) {
      if (i > 0 && view.breakBefore(i)) {
        current++;
      }
      s[i] = current;
    }
    return s;
  }

  /**
   * The key of a feature name, as {@link #extract} computes it.
   *
   * @throws IllegalArgumentException if the name is not of a known kind
   */
  static long key(String name) {
    if (name.startsWith("w:")) {
      return mix(WORD, TokenView.hash(name.substring(2)), 0);
    } else if (name.startsWith("p:")) {
      String pair = name.substring(2);
      int space = pair.indexOf(' ');
      if (space > 0) {
        return mix(
            PAIR,
            TokenView.hash(pair.substring(0, space)),
            TokenView.hash(pair.substring(space + 1)));
      }
    } else if (name.startsWith("cue:")) {
      return mix(CUE, TokenView.hash(name.substring(4)), 0);
    } else if (name.startsWith("ent:")) {
      return mix(ENTITY, TokenView.hash(name.substring(4)), 0);
    } else if (name.startsWith("ctx:w:")) {
      return mix(CONTEXT_WORD, TokenView.hash(name.substring(6)), 0);
    } else if (name.startsWith("ctx:cue:")) {
      return mix(CONTEXT_CUE, TokenView.hash(name.substring(8)), 0);
    }
    throw new IllegalArgumentException(
        "feature '"
            + name
            + "' is not w:WORD, p:WORD WORD, cue:NAME, ent:NAME, ctx:w:WORD or ctx:cue:NAME");
  }

  /** Mixes a kind and one or two hashes into a key (MurmurHash3's 64-bit finaliser). */
  private static long mix(long kind, long a, long b) {
    long h = kind ^ a ^ (b * 0xC2B2AE3D27D4EB4FL + Long.rotateLeft(b, 31));
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
