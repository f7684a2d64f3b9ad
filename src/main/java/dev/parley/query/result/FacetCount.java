package dev.parley.query.result;

import java.util.Objects;

/**
 * How many matching passages carry one facet value.
 *
 * @param label the value: a topic name, an entity id, or a month {@code YYYY-MM}
 * @param count the number of matching passages with it
 */
public record FacetCount(String label, long count) {
  /** Validates the values. */
  public FacetCount {
    Objects.requireNonNull(label, "label");
  }
}
