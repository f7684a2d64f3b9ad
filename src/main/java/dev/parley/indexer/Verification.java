package dev.parley.indexer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link IndexVerifier} found.
 *
 * @param index the index checked
 * @param articles live article records ({@code -1} if the index could not be opened)
 * @param passages live passages ({@code -1} if the index could not be opened)
 * @param problems one line per problem found, at most {@link IndexVerifier#MAX_PROBLEMS} (then a
 *     last line says how many more there were); empty when the index is sound
 */
public record Verification(Path index, long articles, long passages, List<String> problems) {
  /** Validates the values and copies the list. */
  public Verification {
    Objects.requireNonNull(index, "index");
    problems = List.copyOf(problems);
  }

  /** True when no problem was found. */
  public boolean sound() {
    return problems.isEmpty();
  }
}
