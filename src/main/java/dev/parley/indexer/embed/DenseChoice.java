package dev.parley.indexer.embed;

import dev.parley.embed.DenseModel;
import dev.parley.schema.DenseSpec;
import dev.parley.schema.IndexManifest;
import dev.parley.schema.SchemaMismatchException;
import java.nio.file.Path;

/**
 * Decides which embedding model an indexer uses on an existing index, so one index never holds
 * vectors of two models, nor passages with and without vectors.
 *
 * <p>Thread safety: stateless.
 */
public final class DenseChoice {
  private DenseChoice() {}

  /**
   * The model to embed with: the one asked for, or, when none is asked for, the one the index
   * already uses (null for an index without vectors).
   *
   * @param where names the index in messages
   * @param manifest the index's manifest
   * @param requested the model asked for, or null
   * @throws SchemaMismatchException if the index has vectors of another model, passages without
   *     vectors, or vectors of a model this Parley does not know
   */
  public static DenseModel check(Path where, IndexManifest manifest, DenseModel requested)
      throws SchemaMismatchException {
    DenseSpec existing = manifest.dense();
    if (requested == null) {
      if (existing == null) {
        return null;
      }
      try {
        return DenseModel.named(existing.model());
      } catch (IllegalArgumentException e) {
        throw new SchemaMismatchException(
            "index "
                + where
                + " holds vectors of "
                + existing.describe()
                + ", a model this Parley cannot run: re-index into a new directory");
      }
    }
    if (existing != null && !existing.model().equals(requested.id())) {
      throw new SchemaMismatchException(
          "index "
              + where
              + " holds vectors of "
              + existing.describe()
              + " but this run asks for "
              + requested.id()
              + ": index into a new directory, or leave out the model to keep "
              + existing.model());
    }
    if (existing == null && manifest.passages() > 0) {
      throw new SchemaMismatchException(
          "index "
              + where
              + " has "
              + manifest.passages()
              + " passages without vectors, so it cannot take "
              + requested.id()
              + " vectors: index with embeddings into a new directory");
    }
    return requested;
  }

  /**
   * Checks that the index's vectors come from the same artifact version as the embedder's.
   *
   * @throws SchemaMismatchException naming both when they differ
   */
  public static void checkVersion(Path where, IndexManifest manifest, DenseSpec embedder)
      throws SchemaMismatchException {
    DenseSpec existing = manifest.dense();
    if (existing != null && !existing.equals(embedder)) {
      throw new SchemaMismatchException(
          "index "
              + where
              + " holds vectors of "
              + existing.describe()
              + " but this Parley embeds with "
              + embedder.describe()
              + ": re-index into a new directory");
    }
  }
}
