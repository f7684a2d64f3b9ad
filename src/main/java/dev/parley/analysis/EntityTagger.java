package dev.parley.analysis;

import java.text.Normalizer;
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
 *   <li>in text written all in capitals, every word is capitalised and those checks pass.
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

  /** A name of an entity as a word sequence. */
  private record Name(String entityId, Mention.Kind kind, String[] words) {}

  private final Map<String, List<Name>> byKey = new HashMap<>();
  private final Set<String> firstWords = new java.util.HashSet<>();

  /** Creates a tagger for the entities of {@code gazetteer}. */
  public EntityTagger(Gazetteer gazetteer) {
    for (Entity e : gazetteer.entities()) {
      e.aliases().forEach(a -> add(e.id(), Mention.Kind.NAME, a));
      e.demonyms().forEach(a -> add(e.id(), Mention.Kind.DEMONYM, a));
      e.capitals().forEach(a -> add(e.id(), Mention.Kind.CAPITAL, a));
      e.seats().forEach(a -> add(e.id(), Mention.Kind.SEAT, a));
    }
    Gazetteer.NOT_ENTITIES.forEach(a -> add("", Mention.Kind.NAME, a));
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
    firstWords.add(fold(words.get(0)));
    byKey
        .computeIfAbsent(key(words), k -> new ArrayList<>(1))
        .add(new Name(id, kind, words.toArray(String[]::new)));
  }

  /**
   * The mentions in {@code text}, in text order, none overlapping, with offsets into {@code text}
   * as given. The text is matched in its {@link NormalizedText} form, so invisible format
   * characters and decomposed accents ({@code Erdog\u0306an}) do not hide a name.
   */
  public List<Mention> tag(String text) {
    NormalizedText normalized = NormalizedText.of(text);
    List<Mention> found = tagNormalized(normalized.text());
    if (normalized.text() == text) {
      return found;
    }
    return found.stream()
        .map(
            m ->
                new Mention(
                    m.entityId(),
                    m.kind(),
                    normalized.originalOffset(m.start()),
                    normalized.originalOffset(m.end())))
        .toList();
  }

  private List<Mention> tagNormalized(String text) {
    List<int[]> spans = new ArrayList<>();
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    int upper = 0;
    int letters = 0;
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
      words.add(m.group());
      for (int i = m.start(); i < m.end(); i++) {
        char c = text.charAt(i);
        if (Character.isLetter(c)) {
          letters++;
          if (Character.isUpperCase(c)) {
            upper++;
          }
        }
      }
    }
    boolean allCaps = letters > 20 && upper * 10 >= letters * 9;
    List<String> folded = words.stream().map(EntityTagger::fold).toList();
    List<Mention> mentions = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      Name found = null;
      if (firstWords.contains(folded.get(i))) {
        StringBuilder key = new StringBuilder();
        for (int n = 1; n <= Math.min(MAX_WORDS, words.size() - i); n++) {
          if (n > 1) {
            key.append(' ');
          }
          key.append(folded.get(i + n - 1));
          List<Name> candidates = byKey.get(key.toString());
          if (candidates != null) {
            for (Name name : candidates) {
              if (caseMatches(name.words(), words, i, allCaps)) {
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
      int n = found.words().length;
      boolean place =
          found.kind() == Mention.Kind.CAPITAL
              && i > 0
              && LOCATIVE.contains(words.get(i - 1).toLowerCase(Locale.ROOT));
      if (!found.entityId().isEmpty() && !place) {
        mentions.add(
            new Mention(found.entityId(), found.kind(), spans.get(i)[0], spans.get(i + n - 1)[1]));
      }
      i += n;
    }
    return mentions;
  }

  /** The distinct entity ids of {@code mentions}, in order of first mention. */
  public static List<String> ids(List<Mention> mentions) {
    return mentions.stream().map(Mention::entityId).distinct().toList();
  }

  private static boolean caseMatches(String[] name, List<String> words, int from, boolean allCaps) {
    for (int k = 0; k < name.length; k++) {
      String n = name[k];
      String w = words.get(from + k);
      boolean acronym =
          n.length() <= 5
              && n.length() >= 2
              && n.equals(n.toUpperCase(Locale.ROOT))
              && n.chars().allMatch(Character::isLetter);
      if (acronym && !w.equals(n)) {
        return false;
      }
      if (!allCaps && Character.isUpperCase(n.charAt(0)) && !Character.isUpperCase(w.charAt(0))) {
        return false;
      }
    }
    return true;
  }

  private static String key(List<String> words) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(fold(w));
    }
    return b.toString();
  }

  private static String fold(String word) {
    String s = word;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        break;
      }
    }
    return s.toLowerCase(Locale.ROOT);
  }
}
