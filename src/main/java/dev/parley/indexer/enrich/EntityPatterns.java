package dev.parley.indexer.enrich;

import dev.parley.analysis.Entity;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import dev.parley.analysis.TokenView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entity-type patterns over the tagger's mentions, the {@code ent:} features of the topic model.
 * Counts are of distinct entities; "in a sentence" uses the {@link TokenView}'s sentence breaks.
 *
 * <ul>
 *   <li>{@code country}, {@code countries-2}, {@code countries-3}: at least 1, 2, 3 countries;
 *   <li>{@code organization}, {@code leader}, {@code leaders-2}: at least 1 organisation, 1 or 2
 *       leaders;
 *   <li>{@code countries-in-sentence}: two countries (or a country and an organisation) in one
 *       sentence, the shape of a concrete relation;
 *   <li>{@code head-meets}: a head of state or government (a tagged leader, or a title word such as
 *       {@code President}, {@code Prime Minister}, {@code Chancellor}) and a meeting verb ({@code
 *       visit}, {@code meet}, {@code talks}, {@code tour}, {@code host}, ...) in one sentence;
 *   <li>{@code head-meets-country}: the same with a country in the sentence that is not the
 *       leader's own (a state visit or talks abroad: "the Chancellor arrives in China for talks");
 *   <li>{@code leaders-meet}: two distinct leaders and a meeting verb in one sentence;
 *   <li>{@code head-visit-talks}: a head of state or government, a travel word ({@code visit},
 *       {@code tour}, {@code arrives}, {@code trip}, ...) and a talks word ({@code talks}, {@code
 *       discuss}, {@code meet}, ...) in one sentence: a state visit with talks, which the summit
 *       definition counts as a meeting of leaders.
 * </ul>
 *
 * <p>Thread safety: immutable, safe to share.
 */
final class EntityPatterns {
  /** The pattern names, in feature order. */
  static final List<String> NAMES =
      List.of(
          "country",
          "countries-2",
          "countries-3",
          "organization",
          "leader",
          "leaders-2",
          "countries-in-sentence",
          "head-meets",
          "head-meets-country",
          "leaders-meet",
          "head-visit-talks");

  /** {@link TokenView#hash} of each name. */
  static final long[] HASHES = NAMES.stream().mapToLong(TokenView::hash).toArray();

  /** Folded title words of a head of state or government ({@code prime} needs {@code minister}). */
  static final Set<String> TITLES =
      Set.of(
          "president",
          "presidents",
          "premier",
          "premiers",
          "chancellor",
          "king",
          "queen",
          "emir",
          "sultan",
          "shah",
          "monarch",
          "taoiseach",
          "leaders");

  /** Folded meeting verbs and nouns. */
  static final Set<String> MEET =
      Set.of(
          "visit",
          "visits",
          "visited",
          "visiting",
          "meet",
          "meets",
          "met",
          "meeting",
          "meetings",
          "talks",
          "tour",
          "toured",
          "touring",
          "host",
          "hosts",
          "hosted",
          "hosting",
          "arrive",
          "arrives",
          "arrived",
          "arriving",
          "received",
          "welcomed",
          "summit",
          "summits",
          "discuss",
          "discussed",
          "discussions",
          "trip");

  /** Folded travel words. */
  static final Set<String> TRAVEL =
      Set.of(
          "visit",
          "visits",
          "visited",
          "visiting",
          "tour",
          "toured",
          "touring",
          "trip",
          "arrive",
          "arrives",
          "arrived",
          "arriving",
          "travel",
          "travels",
          "travelled",
          "traveled",
          "fly",
          "flies",
          "flew");

  /** Folded talks words. */
  static final Set<String> TALKS =
      Set.of(
          "talks",
          "discuss",
          "discusses",
          "discussed",
          "discussing",
          "discussions",
          "meet",
          "meets",
          "met",
          "meeting",
          "negotiate",
          "negotiations",
          "consultations");

  private static final int MEET_BIT = 1;
  private static final int TRAVEL_BIT = 2;
  private static final int TALKS_BIT = 4;
  private static final int TITLE_BIT = 8;
  private static final int HEAD_PART_BIT = 16;

  /** Each word of the lists above with the lists it is in, as bits. */
  private static final Map<String, Integer> CLASSES = classes();

  private static Map<String, Integer> classes() {
    Map<String, Integer> m = new HashMap<>();
    MEET.forEach(w -> m.merge(w, MEET_BIT, (a, b) -> a | b));
    TRAVEL.forEach(w -> m.merge(w, TRAVEL_BIT, (a, b) -> a | b));
    TALKS.forEach(w -> m.merge(w, TALKS_BIT, (a, b) -> a | b));
    TITLES.forEach(w -> m.merge(w, TITLE_BIT, (a, b) -> a | b));
    for (String w : List.of("minister", "state", "government")) {
      m.merge(w, HEAD_PART_BIT, (a, b) -> a | b);
    }
    return Map.copyOf(m);
  }

  private final Map<String, Entity> byId = new HashMap<>();

  EntityPatterns(Gazetteer gazetteer) {
    gazetteer.entities().forEach(e -> byId.put(e.id(), e));
  }

  /** Each pattern's value (0 or 1), in {@link #NAMES} order. */
  float[] values(TokenView view, List<Mention> mentions, int[] sentence) {
    float[] v = new float[NAMES.size()];
    int n = view.size();
    // Per sentence: a head (leader or title), a meeting word.
    int sentences = n == 0 ? 0 : sentence[n - 1] + 1;
    boolean[] head = new boolean[sentences];
    boolean[] meet = new boolean[sentences];
    boolean[] travel = new boolean[sentences];
    boolean[] talks = new boolean[sentences];
    for (int i = 0; i < n; i++) {
      Integer c = CLASSES.get(view.folded(i)); // one look-up per word
      if (c == null) {
        continue;
      }
      String f = view.folded(i);
      if ((c & MEET_BIT) != 0) {
        meet[sentence[i]] = true;
      }
      if ((c & TRAVEL_BIT) != 0) {
        travel[sentence[i]] = true;
      }
      if ((c & TALKS_BIT) != 0) {
        talks[sentence[i]] = true;
      }
      if ((c & TITLE_BIT) != 0
          || (f.equals("minister") && i > 0 && view.folded(i - 1).equals("prime"))
          || (f.equals("state") && i > 1 && view.folded(i - 2).equals("head"))
          || (f.equals("government") && i > 1 && view.folded(i - 2).equals("head"))) {
        head[sentence[i]] = true;
      }
    }
    Set<String> countries = new java.util.HashSet<>();
    Set<String> leaders = new java.util.HashSet<>();
    boolean organization = false;
    // Per sentence: distinct countries / orgs / leaders seen (small lists).
    String[] firstCountry = new String[sentences];
    boolean[] pairInSentence = new boolean[sentences];
    boolean[] orgInSentence = new boolean[sentences];
    String[] firstLeader = new String[sentences];
    boolean[] twoLeaders = new boolean[sentences];
    String[] leaderCountry = new String[sentences];
    boolean[] foreignCountry = new boolean[sentences];
    for (Mention m : mentions) {
      Entity e = byId.get(m.entityId());
      int w = view.wordAt(m.start());
      if (e == null || w < 0) {
        continue;
      }
      int s = sentence[w];
      switch (e.type()) {
        case COUNTRY -> {
          countries.add(e.id());
          if (firstCountry[s] == null) {
            firstCountry[s] = e.id();
          } else if (!firstCountry[s].equals(e.id())) {
            pairInSentence[s] = true;
          }
          if (orgInSentence[s]) {
            pairInSentence[s] = true;
          }
        }
        case ORGANIZATION -> {
          organization = true;
          orgInSentence[s] = true;
          if (firstCountry[s] != null) {
            pairInSentence[s] = true;
          }
        }
        case LEADER -> {
          leaders.add(e.id());
          head[s] = true;
          if (firstLeader[s] == null) {
            firstLeader[s] = e.id();
            leaderCountry[s] = e.country();
          } else if (!firstLeader[s].equals(e.id())) {
            twoLeaders[s] = true;
          }
        }
      }
    }
    // A country other than the head's own in the sentence (the head's own is unknown for a title).
    for (Mention m : mentions) {
      Entity e = byId.get(m.entityId());
      int w = view.wordAt(m.start());
      if (e == null || w < 0 || e.type() != Entity.Type.COUNTRY) {
        continue;
      }
      int s = sentence[w];
      if (leaderCountry[s] == null || !leaderCountry[s].equals(e.id())) {
        foreignCountry[s] = true;
      }
    }
    v[0] = countries.size() >= 1 ? 1 : 0;
    v[1] = countries.size() >= 2 ? 1 : 0;
    v[2] = countries.size() >= 3 ? 1 : 0;
    v[3] = organization ? 1 : 0;
    v[4] = leaders.size() >= 1 ? 1 : 0;
    v[5] = leaders.size() >= 2 ? 1 : 0;
    for (int s = 0; s < sentences; s++) {
      if (pairInSentence[s]) {
        v[6] = 1;
      }
      if (head[s] && meet[s]) {
        v[7] = 1;
        if (foreignCountry[s]) {
          v[8] = 1;
        }
        if (twoLeaders[s]) {
          v[9] = 1;
        }
      }
      if (head[s] && travel[s] && talks[s]) {
        v[10] = 1;
      }
    }
    return v;
  }
}
