package dev.parley.query.result;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.lucene.search.Explanation;

/**
 * A Lucene {@link Explanation} as text, in the layout of {@link Explanation#toString()}, the same
 * in every run.
 *
 * <p>Why not {@code toString()}: a {@code DisjunctionMaxQuery} keeps its clauses in a hash-based
 * multiset whose order follows {@code Query.hashCode}, and that mixes in the identity hash of the
 * query's class, which changes from one JVM run to the next. Its explanation ("max of:", "max plus
 * ... times others of:") then lists the same parts in another order in each run, so the same search
 * printed different JSON. Here the parts of a maximum are sorted (by their own text); every other
 * explanation keeps Lucene's order, which follows the query's clause list. Lucene's document
 * numbers are left out ({@link #withoutDocNumber}).
 *
 * <p>Thread safety: stateless.
 */
public final class ExplanationText {
  private ExplanationText() {}

  /** The explanation as indented text, one line per node, ending in a newline. */
  public static String of(Explanation explanation) {
    StringBuilder out = new StringBuilder();
    append(out, explanation, 0);
    return out.toString();
  }

  private static void append(StringBuilder out, Explanation e, int depth) {
    out.append("  ".repeat(depth))
        .append(e.getValue())
        .append(" = ")
        .append(withoutDocNumber(e.getDescription()))
        .append('\n');
    Explanation[] details = e.getDetails();
    if (isMaximum(e)) {
      String[] parts = new String[details.length];
      for (int i = 0; i < details.length; i++) {
        StringBuilder part = new StringBuilder();
        append(part, details[i], depth + 1);
        parts[i] = part.toString();
      }
      Arrays.sort(parts, Comparator.naturalOrder());
      for (String part : parts) {
        out.append(part);
      }
      return;
    }
    for (Explanation d : details) {
      append(out, d, depth + 1);
    }
  }

  /**
   * A description without Lucene's document number ({@code weight(text:talks in 8)} becomes {@code
   * weight(text:talks)}): the number depends on the order the indexing threads wrote the passages,
   * so the same input indexed twice would explain the same passage differently. The passage is
   * named by the hit itself.
   */
  static String withoutDocNumber(String description) {
    return DOC_NUMBER.matcher(description).replaceFirst("$1)");
  }

  private static final java.util.regex.Pattern DOC_NUMBER =
      java.util.regex.Pattern.compile("^(weight\\(.*) in \\d+\\)");

  /** The descriptions DisjunctionMaxQuery's weight gives (Lucene 9). */
  private static boolean isMaximum(Explanation e) {
    String d = e.getDescription();
    return d.equals("max of:") || (d.startsWith("max plus ") && d.endsWith(" times others of:"));
  }
}
