package dev.parley.analysis;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named entity of the gazetteer: a country, an international organisation, or a leader.
 *
 * @param id canonical id, lower-case ASCII words joined by {@code -} (for example {@code
 *     north-korea})
 * @param type what kind of entity
 * @param name the display name
 * @param aliases names of the entity itself as news writes them, in their real case ({@code North
 *     Korea}, {@code DPRK}); used as search synonyms and for tagging
 * @param demonyms adjective and people forms ({@code North Korean}); used for tagging
 * @param capitals capital cities; tagged as the country when they stand for its government
 * @param seats seats of government ({@code White House}, {@code Kremlin}); tagged as the country
 * @param country for a leader, the id of the country or organisation led, else {@code null}
 */
public record Entity(
    String id,
    Type type,
    String name,
    List<String> aliases,
    List<String> demonyms,
    List<String> capitals,
    List<String> seats,
    String country) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** The kinds of entity. */
  public enum Type {
    /** A state, present or historic. */
    COUNTRY,
    /** An international organisation or grouping. */
    ORGANIZATION,
    /** A head of state or government, minister or secretary-general. */
    LEADER
  }

  /** Validates the values and copies the lists. */
  public Entity {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "entity id must be lower-case ASCII words joined by '-', got: '" + id + "'");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases == null ? List.of() : aliases);
    demonyms = List.copyOf(demonyms == null ? List.of() : demonyms);
    capitals = List.copyOf(capitals == null ? List.of() : capitals);
    seats = List.copyOf(seats == null ? List.of() : seats);
    if (aliases.isEmpty()) {
      throw new IllegalArgumentException("entity " + id + " has no aliases");
    }
  }
}
