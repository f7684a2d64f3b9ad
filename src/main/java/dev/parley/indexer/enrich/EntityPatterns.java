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
 *       definition counts as a meeting of leaders;
 *   <li>{@code head-travels-to-country}: a word window, not just a sentence: a head of state or
 *       government, then a trip word ({@code visit}, {@code arrives}, {@code travel}, {@code leaves
 *       for}, ...), then a country or capital as the destination ("arrives in China", "flew to
 *       Moscow"), with a talks word in the sentence; a trip looked back on ("back from a visit to")
 *       or a minister-titled leader does not count;
 *   <li>{@code grouping-meeting}: a named grouping whose leaders' meetings are summits ({@link
 *       #GROUPINGS}: G7, APEC, the EU, ...) within 3 words of a gathering word.
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
          "head-visit-talks",
          "head-travels-to-country",
          "grouping-meeting");

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
  private static final int TRIP_BIT = 32;
  private static final int BACK_BIT = 64;
  private static final int GATHER_BIT = 128;

  /**
   * Folded verbs and nouns of a head's trip abroad, for {@code head-travels-to-country}: the head
   * comes before the word ("the Chancellor arrives in", "Nakasone's visit to", "will travel to").
   */
  static final Set<String> TRIP =
      Set.of(
          "visit",
          "visits",
          "visited",
          "visiting",
          "tour",
          "tours",
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
          "travelling",
          "traveling",
          "fly",
          "flies",
          "flew",
          "flying",
          "go",
          "goes",
          "went",
          "journey",
          "leave",
          "leaves",
          "left",
          "leaving",
          "heads",
          "headed",
          "heading",
          "due");

  /**
   * Trip words that are a trip only with one word next: "heads to Tehran" (not "heads of state"),
   * "due in Tokyo" (not "due to speak"). A state visit is often announced so.
   */
  static final Map<String, String> TRIP_ONLY_WITH_NEXT =
      Map.of("heads", "to", "headed", "to", "heading", "to", "due", "in");

  /** Trip words that name a destination only with "for" next ("leaves for Washington"). */
  static final Set<String> LEAVE = Set.of("leave", "leaves", "left", "leaving");

  /** Folded words that make a trip the past one a story looks back from ("back from a visit"). */
  static final Set<String> BACK =
      Set.of("from", "after", "since", "back", "returned", "returning", "returns", "return");

  /** Folded words that make a named grouping a gathering ("APEC leaders", "the EU summit"). */
  static final Set<String> GATHER =
      Set.of(
          "summit",
          "summits",
          "leaders",
          "heads",
          "meeting",
          "meetings",
          "conference",
          "event",
          "gathering",
          "talks",
          "forum",
          "chair",
          "chairmanship",
          "presidency",
          "host",
          "hosts",
          "hosted",
          "hosting");

  /** Groupings whose meetings of leaders are summits by the definition (gazetteer ids). */
  static final Set<String> GROUPINGS =
      Set.of(
          "g7",
          "g20",
          "apec",
          "asean",
          "european-union",
          "european-community",
          "nato",
          "arab-league",
          "gcc",
          "african-union",
          "organisation-of-african-unity",
          "oas",
          "commonwealth",
          "sco",
          "brics");

  /** Each word of the lists above with the lists it is in, as bits. */
  private static final Map<String, Integer> CLASSES = classes();

  /** A word of {@link #CLASSES} and its bits, found by the word's hash. */
  private record WordClass(String word, int bits) {}

  /**
   * {@link #CLASSES} by {@link TokenView#hash} of the word: every word of every passage is looked
   * up, and the view's hash is already made, while a string key needs the folded form and its
   * String hash. A hit is confirmed by the word's characters.
   */
  private static final LongTable<WordClass> CLASS_BY_HASH = classByHash();

  private static LongTable<WordClass> classByHash() {
    LongTable<WordClass> t = new LongTable<>(CLASSES.size());
    for (Map.Entry<String, Integer> e : CLASSES.entrySet()) {
      long h = TokenView.hash(e.getKey());
      WordClass other = t.get(h);
      if (other != null) {
        throw new IllegalStateException(
            "words " + other.word() + " and " + e.getKey() + " have the same hash");
      }
      t.put(h, new WordClass(e.getKey(), e.getValue()));
    }
    return t;
  }

  /** The bits of word {@code i} in {@link #CLASSES}, 0 if it is in no list. */
  static int wordClass(TokenView view, int i) {
    WordClass c = CLASS_BY_HASH.get(view.hash(i));
    return c != null && view.foldedEquals(i, c.word()) ? c.bits() : 0;
  }

  private static Map<String, Integer> classes() {
    Map<String, Integer> m = new HashMap<>();
    MEET.forEach(w -> m.merge(w, MEET_BIT, (a, b) -> a | b));
    TRAVEL.forEach(w -> m.merge(w, TRAVEL_BIT, (a, b) -> a | b));
    TALKS.forEach(w -> m.merge(w, TALKS_BIT, (a, b) -> a | b));
    TITLES.forEach(w -> m.merge(w, TITLE_BIT, (a, b) -> a | b));
    TRIP.forEach(w -> m.merge(w, TRIP_BIT, (a, b) -> a | b));
    BACK.forEach(w -> m.merge(w, BACK_BIT, (a, b) -> a | b));
    GATHER.forEach(w -> m.merge(w, GATHER_BIT, (a, b) -> a | b));
    for (String w : List.of("minister", "state", "government")) {
      m.merge(w, HEAD_PART_BIT, (a, b) -> a | b);
    }
    return Map.copyOf(m);
  }

  private final Map<String, Entity> byId = new HashMap<>();

  /** Capital cities by their first folded word, each as its folded words ("new", "delhi"). */
  private final Map<String, List<String[]>> capitals = new HashMap<>();

  EntityPatterns(Gazetteer gazetteer) {
    gazetteer.entities().forEach(e -> byId.put(e.id(), e));
    for (Entity e : gazetteer.entities()) {
      if (e.type() != Entity.Type.COUNTRY) {
        continue;
      }
      for (String capital : e.capitals()) {
        TokenView words = TokenView.of(capital);
        if (words.size() == 0) {
          continue;
        }
        String[] folded = new String[words.size()];
        for (int i = 0; i < folded.length; i++) {
          folded[i] = words.folded(i);
        }
        capitals.computeIfAbsent(folded[0], k -> new java.util.ArrayList<>()).add(folded);
      }
    }
  }

  /** Whether a capital city's name (capitalised as written) starts at word {@code i}. */
  private boolean capitalAt(TokenView view, int i) {
    List<String[]> candidates = capitals.get(view.folded(i));
    if (candidates == null || !(view.capitalised(i) || view.upperCase(i))) {
      return false;
    }
    for (String[] words : candidates) {
      boolean all = i + words.length <= view.size();
      for (int k = 1; all && k < words.length; k++) {
        all = view.foldedEquals(i + k, words[k]);
      }
      if (all) {
        return true;
      }
    }
    return false;
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
    int[] wordClass = new int[n];
    boolean[] headAt = new boolean[n];
    boolean[] titleAt = new boolean[n];
    for (int i = 0; i < n; i++) {
      int c = wordClass(view, i); // one look-up per word
      if (c == 0) {
        continue;
      }
      wordClass[i] = c;
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
          || (view.foldedEquals(i, "minister") && i > 0 && view.foldedEquals(i - 1, "prime"))
          || (view.foldedEquals(i, "state") && i > 1 && view.foldedEquals(i - 2, "head"))
          || (view.foldedEquals(i, "government") && i > 1 && view.foldedEquals(i - 2, "head"))) {
        head[sentence[i]] = true;
        titleAt[i] = true;
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
    int[] countryAt = new int[n]; // 1 + index of a country mention starting at the word
    boolean[] groupingAt = new boolean[n];
    Entity[] entityOf = new Entity[mentions.size()];
    int[] wordOf = new int[mentions.size()];
    for (int k = 0; k < entityOf.length; k++) {
      Mention m = mentions.get(k);
      Entity e = byId.get(m.entityId());
      int w = view.wordAt(m.start());
      entityOf[k] = e;
      wordOf[k] = w;
      if (e == null || w < 0) {
        continue;
      }
      int s = sentence[w];
      if (e.type() == Entity.Type.COUNTRY) {
        countryAt[w] = 1;
      } else if (e.type() == Entity.Type.LEADER) {
        headAt[w] = !ministerTitleBefore(view, w);
      } else if (GROUPINGS.contains(e.id())) {
        groupingAt[w] = true;
      }
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
    for (int i = 0; i < n; i++) {
      if (titleAt[i] && headTitle(view, i, countryAt)) {
        headAt[i] = true;
      }
    }
    // A country other than the head's own in the sentence (the head's own is unknown for a title).
    for (int k = 0; k < entityOf.length; k++) {
      Entity e = entityOf[k];
      int w = wordOf[k];
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
    v[11] = headTravelsToCountry(view, sentence, wordClass, headAt, countryAt, talks) ? 1 : 0;
    v[12] = groupingMeeting(sentence, wordClass, groupingAt) ? 1 : 0;
    return v;
  }

  /** How many words after a head its trip word may come ("President Mitterrand will travel"). */
  static final int HEAD_WINDOW = 8;

  /** How many words after the trip word the destination may come ("to India", "in China"). */
  static final int DESTINATION_WINDOW = 5;

  /**
   * A head of state or government, then within {@link #HEAD_WINDOW} words a trip word, then within
   * {@link #DESTINATION_WINDOW} words a country or its capital ("flew to Moscow"), all in one
   * sentence, with a talks word in that sentence; a trip the story looks back from ("back from a
   * visit to", "after his visit to") does not count. A head's own country counts as a destination
   * as well: the gazetteer knows a tagged leader's country but not a titled one's, and both must
   * behave alike.
   */
  private boolean headTravelsToCountry(
      TokenView view,
      int[] sentence,
      int[] wordClass,
      boolean[] headAt,
      int[] countryAt,
      boolean[] talks) {
    int n = view.size();
    for (int h = 0; h < n; h++) {
      if (!headAt[h] || !talks[sentence[h]]) {
        continue;
      }
      for (int t = h + 1; t < n && t <= h + HEAD_WINDOW && sentence[t] == sentence[h]; t++) {
        if ((wordClass[t] & TRIP_BIT) == 0 || lookingBack(wordClass, sentence, t)) {
          continue;
        }
        if (LEAVE.contains(view.folded(t)) && !(t + 1 < n && view.foldedEquals(t + 1, "for"))) {
          continue; // "left Ivory Coast after talks": where the trip began
        }
        String next = TRIP_ONLY_WITH_NEXT.get(view.folded(t));
        if (next != null && !(t + 1 < n && view.foldedEquals(t + 1, next))) {
          continue;
        }
        for (int c = t + 1;
            c < n && c <= t + DESTINATION_WINDOW && sentence[c] == sentence[t];
            c++) {
          if ((wordClass[c] & BACK_BIT) != 0) {
            break; // "visit ... from Japan": the country is where the trip began
          }
          if (countryAt[c] != 0 || capitalAt(view, c)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Ministerial titles: a tagged leader named with one travels as a minister, not a head. */
  static final Set<String> MINISTER_TITLES =
      Set.of("minister", "secretary", "envoy", "ambassador", "ministers", "spokesman");

  /**
   * Whether a ministerial title comes within 2 words before word {@code w} ("Foreign Minister
   * Shevardnadze", "Secretary of State Shultz"), not "Prime Minister".
   */
  private static boolean ministerTitleBefore(TokenView view, int w) {
    for (int k = w - 1; k >= 0 && k >= w - 3; k--) {
      String f = view.folded(k);
      if (MINISTER_TITLES.contains(f) && !(k > 0 && view.foldedEquals(k - 1, "prime"))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a back word ("from", "after", "returning") is within 3 words before {@code t}. */
  private static boolean lookingBack(int[] wordClass, int[] sentence, int t) {
    for (int k = t - 1; k >= 0 && k >= t - 3 && sentence[k] == sentence[t]; k--) {
      if ((wordClass[k] & BACK_BIT) != 0) {
        return true;
      }
    }
    return false;
  }

  /** A named grouping (G7, APEC, the EU, ...) within 3 words of a gathering word, one sentence. */
  private static boolean groupingMeeting(int[] sentence, int[] wordClass, boolean[] groupingAt) {
    int n = sentence.length;
    for (int g = 0; g < n; g++) {
      if (!groupingAt[g]) {
        continue;
      }
      for (int k = Math.max(0, g - 3); k < n && k <= g + 3; k++) {
        if (k != g && sentence[k] == sentence[g] && (wordClass[k] & GATHER_BIT) != 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a title word at {@code i} names a head of state or government: not a vice president,
   * not the Chancellor of the Exchequer, not the president of a company or bank ("the president of
   * its central bank"), while "the President of the United States" is one.
   */
  private static boolean headTitle(TokenView view, int i, int[] countryAt) {
    if (i > 0 && (view.foldedEquals(i - 1, "vice") || view.foldedEquals(i - 1, "deputy"))) {
      return false;
    }
    if (i > 0 && (view.foldedEquals(i - 1, "its") || view.foldedEquals(i - 1, "their"))
        || i > 1 && view.foldedEquals(i - 1, "s") && countryAt[i - 2] == 0) {
      return false; // "its president", "the company's president"
    }
    if (i + 1 < view.size() && view.foldedEquals(i + 1, "of")) {
      // "President of France", "the President of the United States": a head; "Chancellor of the
      // Exchequer", "the president of its central bank": not.
      for (int k = i + 2; k < view.size() && k <= i + 3; k++) {
        if (countryAt[k] != 0) {
          return true;
        }
      }
      return false;
    }
    return !view.foldedEquals(i, "leaders");
  }
}
