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
 * {@link EntityTagger} as first written (string keys per word sequence): the specification its
 * speed-up is tested against.
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
 *       that a one-word acronym that is also a common word ({@link AcronymFilter#AMBIGUOUS}) is the
 *       word inside a run of at least three upper-case words holding a prose word (THE, THAT, ...).
 * </ul>
 *
 * <p>A capital counts as its country only when it stands for the government: not right after a word
 * of place or travel ({@code in Beijing}, {@code visit to Pyongyang}). Phrases such as {@code Latin
 * American} are known non-entities, so {@code American} inside them is not the United States.
 *
 * <p>Thread safety: immutable, safe to share.
 */
final class EntityTaggerReference {
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
      String entityId, Mention.Kind kind, String[] words, boolean[] acronym, boolean[] capital) {
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
      return new Name(entityId, kind, words, acronym, capital);
    }
  }

  private final Map<String, List<Name>> byKey = new HashMap<>();
  private final Set<String> firstWords = new java.util.HashSet<>();

  /** Creates a tagger for the entities of {@code gazetteer}. */
  EntityTaggerReference(Gazetteer gazetteer) {
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
        .add(Name.of(id, kind, words.toArray(String[]::new)));
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
      if (firstWords.contains(view.folded(i))) {
        StringBuilder key = new StringBuilder();
        for (int n = 1; n <= Math.min(MAX_WORDS, size - i); n++) {
          if (n > 1) {
            key.append(' ');
          }
          key.append(view.folded(i + n - 1));
          List<Name> candidates = byKey.get(key.toString());
          if (candidates != null) {
            for (Name name : candidates) {
              if (caseMatches(name, view, i, allCaps)) {
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
      if (found.words().length == 1
          && found.acronym()[0]
          && EntityTagger.WORDS_IN_CAPITALS.contains(found.words()[0])
          && capsRunAround(view, i) >= AcronymFilter.CAPS_RUN_WORDS
          && proseAround(view, i)) {
        i++; // an acronym that is also a word, in text set in capitals: the word
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

  /** The distinct entity ids of {@code mentions}, in order of first mention. */
  public static List<String> ids(List<Mention> mentions) {
    return mentions.stream().map(Mention::entityId).distinct().toList();
  }

  /**
   * The number of upper-case words in the longest stretch around word {@code i} that no other word
   * with a letter breaks.
   */
  private static int capsRunAround(TokenView view, int i) {
    int[] stretch = stretchAround(view, i);
    int words = 0;
    for (int j = stretch[0]; j <= stretch[1]; j++) {
      if (view.upperCase(j)) {
        words++;
      }
    }
    return words;
  }

  /** Whether the stretch around word {@code i} holds an upper-case prose word (THE, THAT, ...). */
  private static boolean proseAround(TokenView view, int i) {
    int[] stretch = stretchAround(view, i);
    for (int j = stretch[0]; j <= stretch[1]; j++) {
      if (view.upperCase(j)
          && EntityTagger.PROSE_WORDS.contains(view.word(j).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first and last word of the stretch around word {@code i} that no lower-case word breaks.
   */
  private static int[] stretchAround(TokenView view, int i) {
    int from = i;
    while (from > 0 && !brokenBy(view, from - 1)) {
      from--;
    }
    int to = i;
    while (to + 1 < view.size() && !brokenBy(view, to + 1)) {
      to++;
    }
    return new int[] {from, to};
  }

  private static boolean brokenBy(TokenView view, int j) {
    return !view.upperCase(j) && view.word(j).codePoints().anyMatch(Character::isLetter);
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
    return TokenView.fold(word);
  }
}
