package dev.parley.analysis;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The named entities Parley knows: countries (with demonyms, capitals and seats of government),
 * international organisations and leaders, each with a canonical id and its aliases. Loaded from
 * JSON Lines files (format in {@code docs/gazetteer.md}); the defaults ship in the jar and apps add
 * their own with {@link Builder#addFile(Path)}.
 *
 * <p>Thread safety: immutable, safe to share.
 */
public final class Gazetteer {
  private static final String[] DEFAULT_FILES = {
    "countries.jsonl", "organizations.jsonl", "leaders.jsonl"
  };
  private static final String RESOURCE_DIR = "/dev/parley/enrich/entities/";
  private static final Gson GSON = new Gson();
  private static volatile Gazetteer defaults;

  /**
   * Phrases whose words must not be read as entities ({@code Latin American} is not the United
   * States). The entity tagger skips them, and an alias found inside one (like {@code America}) is
   * never added to a query as a synonym.
   */
  public static final List<String> NOT_ENTITIES =
      List.of(
          "Latin America",
          "Latin American",
          "Latin Americans",
          "North America",
          "North American",
          "North Americans",
          "South America",
          "South American",
          "South Americans",
          "Central America",
          "Central American",
          "Central Americans",
          "Pan American",
          "African American",
          "African Americans",
          "Native American",
          "Native Americans",
          "Asian American",
          "Asian Americans",
          "Middle East",
          "Far East",
          "New Guinea",
          "New Mexico",
          "New Jersey",
          "New South Wales",
          "Washington Post",
          "New York",
          "Georgia Tech",
          "Jordan River");

  private final Map<String, Entity> byId;
  private final Map<String, Entity> byAlias;
  private final Map<String, Entity> byFoldedAlias;
  private volatile Map<String, Set<String>> inside;
  private volatile String version;

  /**
   * Bumped when the tagger's rules change what it tags from the same gazetteer, so that indexes
   * tagged by the old rules are detected like indexes tagged with another gazetteer.
   */
  private static final int TAGGING_RULES =
      4; // 2, 3: an ambiguous acronym in prose set in capitals is a word; 4: family names

  private Gazetteer(Map<String, Entity> byId) {
    // Insertion order is kept: it decides which entity wins when two share a name.
    this.byId = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    Map<String, Entity> alias = new LinkedHashMap<>();
    Map<String, Entity> folded = new LinkedHashMap<>();
    for (Entity e : byId.values()) {
      for (String a : names(e)) {
        alias.putIfAbsent(a, e);
        folded.putIfAbsent(fold(a), e);
      }
    }
    this.byAlias = alias;
    this.byFoldedAlias = folded;
  }

  /**
   * What identifies this gazetteer's tagging: {@code gazetteer/R:} (R the tagging rules' version)
   * and the first 16 hex digits of a SHA-256 over every entity in order (id, type, names, country)
   * and the names that are not entities. Two gazetteers with the same version tag every text alike;
   * the index manifest records it, because the index holds one token per tagged mention ({@link
   * EntityTokenFilter}).
   */
  public String version() {
    String v = version;
    if (v == null) {
      java.security.MessageDigest sha;
      try {
        sha = java.security.MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java has SHA-256", e);
      }
      StringBuilder b = new StringBuilder();
      for (Entity e : byId.values()) {
        b.append(e.id()).append('\u0001').append(e.type()).append('\u0001');
        for (List<String> names : List.of(e.aliases(), e.demonyms(), e.capitals(), e.seats())) {
          names.forEach(n -> b.append(n).append('\u0002'));
          b.append('\u0001');
        }
        b.append(e.country()).append('\n');
      }
      NOT_ENTITIES.forEach(n -> b.append(n).append('\u0002'));
      byte[] hash = sha.digest(b.toString().getBytes(StandardCharsets.UTF_8));
      v = "gazetteer/" + TAGGING_RULES + ":" + java.util.HexFormat.of().formatHex(hash, 0, 8);
      version = v;
    }
    return v;
  }

  /** The gazetteer shipped with Parley. */
  public static Gazetteer defaults() {
    Gazetteer g = defaults;
    if (g == null) {
      synchronized (Gazetteer.class) {
        g = defaults;
        if (g == null) {
          g = builder().addDefaults().build();
          defaults = g;
        }
      }
    }
    return g;
  }

  /** Starts an empty gazetteer. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Names that two entities share once compared as Parley compares them (ignoring case, accents and
   * punctuation), each as "name: first-id, second-id". The first entity wins; a well-kept gazetteer
   * has none.
   */
  public List<String> conflicts() {
    Map<String, String> owner = new LinkedHashMap<>();
    List<String> out = new ArrayList<>();
    for (Entity e : byId.values()) {
      for (String name : names(e)) {
        String key = wordKey(name);
        String first = owner.putIfAbsent(key, e.id());
        if (first != null && !first.equals(e.id())) {
          out.add(name + ": " + first + ", " + e.id());
        }
      }
    }
    return out;
  }

  /**
   * True if {@code alias}, as words, occurs inside a longer name of another entity or inside one of
   * {@link #NOT_ENTITIES} ({@code America} in {@code Latin America}, {@code Sudan} in {@code South
   * Sudan}): such an alias is a poor synonym to add to a query.
   */
  public boolean isAmbiguous(Entity owner, String alias) {
    Set<String> owners = insideOf().get(wordKey(alias));
    return owners != null && (owners.size() > 1 || !owners.contains(owner.id()));
  }

  /**
   * The longer names that contain {@code alias} as words and belong to another entity, or are one
   * of {@link #NOT_ENTITIES} ({@code Latin America} and {@code North America} for {@code America};
   * {@code South Sudan} for {@code Sudan}), sorted. Empty when {@link #isAmbiguous} is false. A
   * query that adds {@code alias} as a synonym must not match it inside these names.
   */
  public List<String> foreignNamesContaining(Entity owner, String alias) {
    String key = wordKey(alias);
    if (!isAmbiguous(owner, alias)) {
      return List.of();
    }
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (String phrase : NOT_ENTITIES) {
      if (containsRun(phrase, key)) {
        out.add(phrase);
      }
    }
    for (Entity e : byId.values()) {
      if (e.id().equals(owner.id())) {
        continue;
      }
      for (String name : names(e)) {
        if (containsRun(name, key)) {
          out.add(name);
        }
      }
    }
    return List.copyOf(out);
  }

  /** True if the words of {@code run} occur inside (and are fewer than) the words of name. */
  private static boolean containsRun(String name, String run) {
    String words = wordKey(name);
    return words.length() > run.length() && (" " + words + " ").contains(" " + run + " ");
  }

  /**
   * Every run of words strictly inside a longer name, mapped to the ids of the entities owning such
   * names ({@code ""} for {@link #NOT_ENTITIES}). Built once, on first use.
   */
  private Map<String, Set<String>> insideOf() {
    Map<String, Set<String>> map = inside;
    if (map == null) {
      map = new HashMap<>();
      for (String phrase : NOT_ENTITIES) {
        addRuns(map, phrase, "");
      }
      for (Entity e : byId.values()) {
        for (String name : names(e)) {
          addRuns(map, name, e.id());
        }
      }
      inside = map;
    }
    return map;
  }

  private static void addRuns(Map<String, Set<String>> map, String name, String owner) {
    String[] words = wordKey(name).split(" ");
    for (int from = 0; from < words.length; from++) {
      for (int to = from + 1; to <= words.length; to++) {
        if (to - from < words.length) {
          String run = String.join(" ", java.util.Arrays.copyOfRange(words, from, to));
          map.computeIfAbsent(run, k -> new java.util.HashSet<>()).add(owner);
        }
      }
    }
  }

  /** Folded words joined by single spaces: how names are compared. */
  static String wordKey(String name) {
    return fold(name).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** All entities, in load order. */
  public Collection<Entity> entities() {
    return byId.values();
  }

  /** The entity with this canonical id. */
  public Optional<Entity> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Resolves a canonical id or any alias, demonym, capital or seat (exact case first, then ignoring
   * case and accents) to its entity.
   */
  public Optional<Entity> resolve(String idOrAlias) {
    String s = idOrAlias.strip();
    Entity e = byId.get(s.toLowerCase(Locale.ROOT));
    if (e == null) {
      e = byAlias.get(s);
    }
    if (e == null) {
      e = byFoldedAlias.get(fold(s));
    }
    return Optional.ofNullable(e);
  }

  private static List<String> names(Entity e) {
    List<String> all = new ArrayList<>(e.aliases());
    all.addAll(e.demonyms());
    all.addAll(e.capitals());
    all.addAll(e.seats());
    return all;
  }

  /** Lower-case, accents removed: how look-ups by users compare names. */
  static String fold(String s) {
    String decomposed = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }

  /** Collects entities. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Entity> byId = new LinkedHashMap<>();

    private Builder() {}

    /** Adds the gazetteer shipped with Parley. */
    public Builder addDefaults() {
      for (String file : DEFAULT_FILES) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE_DIR + file)) {
          Objects.requireNonNull(in, "missing resource " + RESOURCE_DIR + file);
          read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), file);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
      }
      return this;
    }

    /**
     * Adds the entities of a JSON Lines file; an entity with an id already present replaces it.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and line of a bad entity
     */
    public Builder addFile(Path file) throws IOException {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        read(reader, file.toString());
      }
      return this;
    }

    /** Adds (or replaces) one entity. */
    public Builder add(Entity entity) {
      byId.put(entity.id(), Objects.requireNonNull(entity, "entity"));
      return this;
    }

    /** Builds the gazetteer. */
    public Gazetteer build() {
      return new Gazetteer(byId);
    }

    private void read(BufferedReader reader, String source) throws IOException {
      String line;
      int n = 0;
      while ((line = reader.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonObject o = JsonParser.parseString(line).getAsJsonObject();
          Raw raw = GSON.fromJson(o, Raw.class);
          Entity.Type type = Entity.Type.valueOf(String.valueOf(raw.type).toUpperCase(Locale.ROOT));
          add(
              new Entity(
                  raw.id,
                  type,
                  raw.name,
                  raw.aliases,
                  raw.demonyms,
                  raw.capitals,
                  raw.seats,
                  raw.country));
        } catch (JsonParseException
            | IllegalStateException
            | IllegalArgumentException
            | NullPointerException e) {
          throw new IllegalArgumentException(
              source + ":" + n + ": not a gazetteer entity (" + e.getMessage() + ")", e);
        }
      }
    }
  }

  /** The JSON shape of one line. */
  private static final class Raw {
    String id;
    String type;
    String name;
    List<String> aliases;
    List<String> demonyms;
    List<String> capitals;
    List<String> seats;
    String country;
  }
}
