package dev.parley.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the gazetteer's entities in text, longest name first.
 *
 * <p>Text and names are compared as word sequences (letters, marks and digits; punctuation ignored,
 * so {@code U.S.} is the words {@code U S}), after {@link NormalizedText} normalisation (format
 * characters removed, NFKC), ignoring accents. Case matters where it must:
 *
 * <ul>
 *   <li>an upper-case acronym ({@code US}, {@code UN}) matches only in upper case, so the pronoun
 *       {@code us} is not the United States;
 *   <li>a capitalised name word ({@code Turkey}, {@code China}) matches only capitalised, so {@code
 *       turkey} and {@code china} are not countries;
 *   <li>in text written all in capitals, every word is capitalised and those checks pass, except
 *       that an acronym which is also a common word ({@link AcronymFilter#AMBIGUOUS}: {@code US},
 *       {@code WHO}, {@code CAR}) is read as the word inside prose set in capitals ({@code TOLD US
 *       THAT}, {@code THE PRESIDENT, WHO ARRIVED}), though not in a row of acronyms ({@code US DPRK
 *       UN TALKS}).
 * </ul>
 *
 * <p>A capital counts as its country only when it stands for the government: not right after a word
 * of place or travel ({@code in Beijing}, {@code visit to Pyongyang}). Phrases such as {@code Latin
 * American} are known non-entities, so {@code American} inside them is not the United States.
 *
 * <p>Thread safety: immutable, safe to share.
 */
public final class EntityTagger {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
  private static final int MAX_WORDS = 9;

  /** Words after which a capital is a place, not a government. */
  static final Set<String> LOCATIVE =
      Set.of(
          "in",
          "at",
          "near",
          "outside",
          "inside",
          "around",
          "across",
          "into",
          "to",
          "via",
          "from",
          "through",
          "throughout",
          "toward",
          "towards",
          "visit",
          "visits",
          "visited",
          "visiting",
          "arrived",
          "arrive",
          "arrives",
          "arriving",
          "landed",
          "reached",
          "left",
          "leaving",
          "downtown",
          "central",
          "greater",
          "suburban",
          "flew",
          "fly",
          "flying",
          "travelled",
          "traveled",
          "returned",
          "return",
          "based",
          "born",
          "held",
          "hosted",
          "host",
          "hosts");

  /**
   * A name of an entity as a word sequence, with each word's case rule worked out once: an acronym
   * must be written exactly so, a capitalised word must be capitalised.
   */
  private record Name(
      String entityId,
      Mention.Kind kind,
      String[] words,
      String[] folded,
      boolean[] acronym,
      boolean[] capital,
      boolean ambiguousInCapitals) {
    static Name of(String entityId, Mention.Kind kind, String[] words) {
      boolean[] acronym = new boolean[words.length];
      boolean[] capital = new boolean[words.length];
      for (int k = 0; k < words.length; k++) {
        String n = words[k];
        acronym[k] =
            n.length() <= 5
                && n.length() >= 2
                && n.equals(n.toUpperCase(Locale.ROOT))
                && n.chars().allMatch(Character::isLetter);
        capital[k] = Character.isUpperCase(n.charAt(0));
      }
      String[] folded = new String[words.length];
      for (int k = 0; k < words.length; k++) {
        folded[k] = fold(words[k]);
      }
      // One acronym that is also a common word (US, WHO, CAR): in text set in capitals it is the
      // word, as the analyzer reads it (AcronymFilter.AMBIGUOUS).
      boolean ambiguous = words.length == 1 && acronym[0] && WORDS_IN_CAPITALS.contains(words[0]);
      return new Name(entityId, kind, words, folded, acronym, capital, ambiguous);
    }
  }

  /**
   * Names by the hash of their folded words ({@link #keyStep}), in the order they were added (the
   * first whose case matches wins); a hash only finds candidates, whose folded words are then
   * compared. Built once, read without locks.
   */
  private final Map<Long, List<Name>> byKey = new HashMap<>();

  /** The same, as an open-addressing table read per word without boxing: see {@link #lookup}. */
  private long[] tableKeys;

  private Name[][] tableNames;

  /**
   * For the hash of each folded first word of a name, the most words of a name starting with it;
   * tagging tries no longer word sequences (an open-addressing table like {@link #tableKeys}).
   */
  private long[] firstKeys;

  private int[] firstMax;

  /** Leaders' family names, read alone where the text or its context names the leader in full. */
  private final FamilyNames familyNames;

  /** Creates a tagger for the entities of {@code gazetteer}. */
  public EntityTagger(Gazetteer gazetteer) {
    for (Entity e : gazetteer.entities()) {
      e.aliases().forEach(a -> add(e.id(), Mention.Kind.NAME, a));
      e.demonyms().forEach(a -> add(e.id(), Mention.Kind.DEMONYM, a));
      e.capitals().forEach(a -> add(e.id(), Mention.Kind.CAPITAL, a));
      e.seats().forEach(a -> add(e.id(), Mention.Kind.SEAT, a));
    }
    Gazetteer.NOT_ENTITIES.forEach(a -> add("", Mention.Kind.NAME, a));
    buildTables();
    familyNames =
        new FamilyNames(
            gazetteer, word -> lookup(keyStep(KEY_SEED, TokenView.hash(fold(word)))) != null);
  }

  private void add(String id, Mention.Kind kind, String name) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(name);
    while (m.find()) {
      words.add(m.group());
    }
    if (words.isEmpty() || words.size() > MAX_WORDS) {
      return;
    }
    Name entry = Name.of(id, kind, words.toArray(String[]::new));
    long key = KEY_SEED;
    for (String f : entry.folded()) {
      key = keyStep(key, TokenView.hash(f));
    }
    byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(entry);
  }

  private static final long KEY_SEED = 0x2545F4914F6CDD1DL;

  /** The hash of a word sequence, one folded word's hash at a time. */
  private static long keyStep(long key, long wordHash) {
    long k = (key ^ wordHash) * 0x9E3779B97F4A7C15L;
    return k ^ (k >>> 29);
  }

  /** Fills the lookup tables from {@link #byKey}, once, at the end of the constructor. */
  private void buildTables() {
    int capacity = Integer.highestOneBit(Math.max(4, byKey.size() * 2)) * 2;
    tableKeys = new long[capacity];
    tableNames = new Name[capacity][];
    Map<Long, Integer> first = new HashMap<>();
    for (Map.Entry<Long, List<Name>> e : byKey.entrySet()) {
      int slot = slot(tableKeys, tableNames, e.getKey());
      tableKeys[slot] = e.getKey();
      tableNames[slot] = e.getValue().toArray(Name[]::new);
      for (Name n : e.getValue()) {
        first.merge(TokenView.hash(n.folded()[0]), n.words().length, Math::max);
      }
    }
    int firstCapacity = Integer.highestOneBit(Math.max(4, first.size() * 2)) * 2;
    firstKeys = new long[firstCapacity];
    firstMax = new int[firstCapacity];
    for (Map.Entry<Long, Integer> e : first.entrySet()) {
      int mask = firstCapacity - 1;
      int slot = (int) spread(e.getKey()) & mask;
      while (firstMax[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      firstKeys[slot] = e.getKey();
      firstMax[slot] = e.getValue();
    }
  }

  private static long spread(long h) {
    return h ^ (h >>> 32) ^ (h >>> 17);
  }

  /** The slot of {@code key} in an open-addressing table: where it is, or the free one. */
  private static int slot(long[] keys, Object[] values, long key) {
    int mask = keys.length - 1;
    int slot = (int) spread(key) & mask;
    while (values[slot] != null && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** The names whose folded words hash to {@code key}, or null. */
  private Name[] lookup(long key) {
    return tableNames[slot(tableKeys, tableNames, key)];
  }

  /** The most words of a name whose first folded word hashes to {@code wordHash}; 0 if none. */
  private int longestFrom(long wordHash) {
    int mask = firstKeys.length - 1;
    int slot = (int) spread(wordHash) & mask;
    while (firstMax[slot] != 0) {
      if (firstKeys[slot] == wordHash) {
        return firstMax[slot];
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  /**
   * The mentions in {@code text}, in text order, none overlapping, with offsets into {@code text}
   * as given. The text is matched in its {@link NormalizedText} form, so invisible format
   * characters and decomposed accents ({@code Erdog\u0306an}) do not hide a name.
   */
  public List<Mention> tag(String text) {
    return tag(TokenView.of(text));
  }

  /**
   * The mentions in the words of {@code view}, in text order, none overlapping: the same as {@link
   * #tag(String)} on the view's text, without cutting the text into words again.
   */
  public List<Mention> tag(TokenView view) {
    int size = view.size();
    boolean allCaps = view.allCaps();
    List<Mention> mentions = new ArrayList<>();
    int i = 0;
    while (i < size) {
      Name found = null;
      int longest = longestFrom(view.hash(i));
      if (longest > 0) {
        long key = KEY_SEED;
        for (int n = 1; n <= Math.min(longest, size - i); n++) {
          key = keyStep(key, view.hash(i + n - 1));
          Name[] candidates = lookup(key);
          if (candidates != null) {
            for (Name name : candidates) {
              if (name.words().length == n
                  && sameWords(name, view, i)
                  && caseMatches(name, view, i, allCaps)) {
                found = name; // a longer match found later replaces it
                break;
              }
            }
          }
        }
      }
      if (found == null) {
        i++;
        continue;
      }
      if (found.ambiguousInCapitals() && inProseInCapitals(view, i)) {
        i++; // "TOLD US THAT", "HIS CAR WAS": the word, not the acronym
        continue;
      }
      int n = found.words().length;
      boolean place =
          found.kind() == Mention.Kind.CAPITAL && i > 0 && LOCATIVE.contains(view.folded(i - 1));
      if (!found.entityId().isEmpty() && !place) {
        mentions.add(
            new Mention(found.entityId(), found.kind(), view.start(i), view.end(i + n - 1)));
      }
      i += n;
    }
    return mentions;
  }

  /**
   * The mentions in {@code view} as {@link #tag(TokenView)} finds them, and also a leader's family
   * name alone ({@code Kim said}, {@code Bush met}) where {@code view} or its article {@code
   * context} names that leader in full and no other leader of that family name ({@link
   * FamilyNames}). This is how an indexed passage is tagged: a wire story names a leader in full
   * once, in its lead.
   *
   * @param context the article context's words (headline and lead), or null for none
   */
  public List<Mention> tag(TokenView view, TokenView context) {
    return withFamilyNames(view, tag(view), context, context == null ? List.of() : tag(context));
  }

  /**
   * {@code own} (what {@link #tag(TokenView)} found in {@code view}) with the family names that
   * {@code own} or the context resolve added, in text order ({@link FamilyNames}). An article's
   * passages share one context, so its words and mentions are made once.
   *
   * @param context the context's words, or null for none
   * @param contextMentions what {@link #tag(TokenView)} found in {@code context} (empty for none)
   */
  public List<Mention> withFamilyNames(
      TokenView view, List<Mention> own, TokenView context, List<Mention> contextMentions) {
    return familyNames.addTo(view, own, context, contextMentions);
  }

  /** The distinct entity ids of {@code mentions}, in order of first mention. */
  public static List<String> ids(List<Mention> mentions) {
    // A loop, not a stream: it runs for every passage indexed, and a passage names few entities
    // (a list's search is then cheaper than a set; a long text's mentions go through a set).
    List<String> ids = new ArrayList<>(Math.min(mentions.size(), 16));
    java.util.Set<String> seen = mentions.size() > 16 ? new java.util.HashSet<>() : null;
    for (Mention m : mentions) {
      String id = m.entityId();
      if (seen != null ? seen.add(id) : !ids.contains(id)) {
        ids.add(id);
      }
    }
    return java.util.Collections.unmodifiableList(ids);
  }

  /** Whether the view's folded words from {@code from} are the name's (a hash only suggests it). */
  private static boolean sameWords(Name name, TokenView view, int from) {
    for (int k = 0; k < name.folded().length; k++) {
      if (!view.foldedEquals(from + k, name.folded()[k])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Words that show a run of capitals is prose ({@code TOLD US THAT HIS CAR WAS}) and not a
   * headline ({@code US TROOPS TO LEAVE}, {@code WHO WARNS ON VACCINES}) or a row of acronyms
   * ({@code US DPRK UN}): pronouns, determiners and auxiliaries that running text is full of and
   * headlines leave out. Prepositions, {@code THE}, {@code WILL} and {@code AND} are not among
   * them: headlines use them ({@code US WILL LEAVE THE WHO}).
   */
  static final Set<String> PROSE_WORDS =
      Set.of(
          "that", "this", "these", "those", "there", "then", "their", "they", "he", "she", "his",
          "her", "him", "them", "we", "our", "you", "me", "my", "it", "its", "was", "were", "been",
          "had", "has", "have", "would", "could", "said", "told", "let", "an");

  /**
   * The acronyms that read as the word in prose set in capitals: those of {@link
   * AcronymFilter#AMBIGUOUS} whose lower case is an English word ({@code UN} and {@code AU} are
   * not, so {@code UN TROOPS ARRIVED THERE} keeps the United Nations).
   */
  static final Set<String> WORDS_IN_CAPITALS = Set.of("US", "WHO", "CAR", "IS");

  /**
   * Whether word {@code i} lies in prose set in capitals: a run of at least {@link
   * AcronymFilter#CAPS_RUN_WORDS} upper-case words (words without letters, like {@code 1987},
   * neither count nor break a run) holding at least one of {@link #PROSE_WORDS}.
   */
  static boolean inProseInCapitals(TokenView view, int i) {
    int from = i;
    while (from > 0 && caseKind(view, from - 1) >= 0) {
      from--;
    }
    int to = i;
    while (to + 1 < view.size() && caseKind(view, to + 1) >= 0) {
      to++;
    }
    int words = 0;
    boolean prose = false;
    for (int j = from; j <= to; j++) {
      if (caseKind(view, j) > 0) {
        words++;
        prose |= PROSE_WORDS.contains(view.folded(j));
      }
    }
    return prose && words >= AcronymFilter.CAPS_RUN_WORDS;
  }

  /** 1 for a word in capitals, 0 for a word without letters, -1 for any other word. */
  private static int caseKind(TokenView view, int j) {
    if (view.upperCase(j)) {
      return 1;
    }
    return view.word(j).codePoints().anyMatch(Character::isLetter) ? -1 : 0;
  }

  private static boolean caseMatches(Name name, TokenView view, int from, boolean allCaps) {
    for (int k = 0; k < name.words().length; k++) {
      if (name.acronym()[k] && !view.writtenAs(from + k, name.words()[k])) {
        return false;
      }
      if (!allCaps && name.capital()[k] && !view.capitalised(from + k)) {
        return false;
      }
    }
    return true;
  }

  private static String fold(String word) {
    return TokenView.fold(word);
  }
}
