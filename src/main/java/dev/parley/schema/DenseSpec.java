package dev.parley.schema;

import java.util.Objects;

/**
 * Which embedding model wrote an index's passage vectors: recorded in the {@link IndexManifest} so
 * that a searcher embeds queries with the same model, and an indexer never mixes two models in one
 * index.
 *
 * @param model the model's name, as {@code index --embed} takes it (for example {@code
 *     e5-small-v2})
 * @param dimension the length of every vector
 * @param version the version of the artifact the model came from (its Maven version)
 */
public record DenseSpec(String model, int dimension, String version) {

  /** Validates the values. */
  public DenseSpec {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    if (model.isBlank() || model.contains(";")) {
      throw new IllegalArgumentException("bad dense model name: '" + model + "'");
    }
    if (dimension < 1 || dimension > 4096) {
      throw new IllegalArgumentException("dimension must be in [1, 4096], got: " + dimension);
    }
  }

  /** How the manifest and messages show it: {@code e5-small-v2 (384 dimensions, 1.11.0-beta19)}. */
  public String describe() {
    return model + " (" + dimension + " dimensions, " + version + ")";
  }
}
