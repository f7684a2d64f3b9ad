package dev.parley.query.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.lucene.search.Explanation;
import org.junit.jupiter.api.Test;

/**
 * Explanations print the same in every run: the parts of a maximum (DisjunctionMaxQuery, whose
 * clause order follows class identity hashes that change between JVM runs) are sorted; every other
 * node keeps its order and Lucene's layout.
 */
class ExplanationTextTest {
  private static Explanation leaf(float v, String d) {
    return Explanation.match(v, d);
  }

  @Test
  void sameLayoutAsLuceneWhereNoMaximumIsInvolved() {
    Explanation e =
        Explanation.match(
            3.5f,
            "sum of:",
            leaf(1.5f, "weight(text:summit) [BM25Similarity], result of:"),
            Explanation.match(2f, "product of:", leaf(4f, "boost"), leaf(0.5f, "idf")));
    assertEquals(e.toString(), ExplanationText.of(e));
  }

  @Test
  void lucenesDocumentNumberIsLeftOut() {
    // it depends on the order indexing threads wrote the passages (review6)
    assertEquals(
        "1.5 = weight(text:summit) [BM25Similarity], result of:\n",
        ExplanationText.of(leaf(1.5f, "weight(text:summit in 4) [BM25Similarity], result of:")));
    assertEquals(
        "1.5 = weight(text:\"summit in 1987\")\n",
        ExplanationText.of(leaf(1.5f, "weight(text:\"summit in 1987\" in 19)")));
    assertEquals("1.5 = weight(text:in)\n", ExplanationText.of(leaf(1.5f, "weight(text:in in 7)")));
    assertEquals(
        "0.0 = no match in 3 clauses\n", ExplanationText.of(leaf(0f, "no match in 3 clauses")));
  }

  @Test
  void thePartsOfAMaximumPrintInOneOrder() {
    Explanation a = leaf(1.25f, "weight(text:entity#north-korea in 7)");
    Explanation b = leaf(0.75f, "weight(text:dprk in 7)");
    Explanation c = leaf(0.5f, "weight(text:\"north korea\" in 7)");
    String one = ExplanationText.of(Explanation.match(1.25f, "max of:", a, b, c));
    String other = ExplanationText.of(Explanation.match(1.25f, "max of:", c, a, b));
    assertEquals(one, other);
    assertEquals(
        "1.25 = max of:\n"
            + "  0.5 = weight(text:\"north korea\")\n"
            + "  0.75 = weight(text:dprk)\n"
            + "  1.25 = weight(text:entity#north-korea)\n",
        one);
    String tie =
        ExplanationText.of(Explanation.match(1.3f, "max plus 0.1 times others of:", b, a, c));
    assertEquals(
        ExplanationText.of(Explanation.match(1.3f, "max plus 0.1 times others of:", a, c, b)), tie);
    // a sum keeps the query's clause order
    String sum = ExplanationText.of(Explanation.match(2f, "sum of:", b, a));
    assertEquals(
        "2.0 = sum of:\n  0.75 = weight(text:dprk)\n  1.25 = weight(text:entity#north-korea)\n",
        sum);
  }

  @Test
  void randomTreesPrintTheSameWhateverTheOrderOfTheirMaximumsParts() {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "ExplanationTextTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    for (int round = 0; round < 500; round++) {
      long treeSeed = random.nextLong();
      String first = ExplanationText.of(tree(new Random(treeSeed), 3, null));
      String shuffled = ExplanationText.of(tree(new Random(treeSeed), 3, new Random(round)));
      assertEquals(first, shuffled, "seed " + seed + " round " + round);
    }
  }

  /** A random tree; with {@code shuffle}, the parts of every maximum in another order. */
  private static Explanation tree(Random r, int depth, Random shuffle) {
    if (depth == 0 || r.nextInt(4) == 0) {
      return leaf(r.nextInt(100) / 8f, "term" + r.nextInt(20));
    }
    int n = 1 + r.nextInt(4);
    List<Explanation> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      parts.add(tree(r, depth - 1, shuffle));
    }
    boolean max = r.nextBoolean();
    if (max && shuffle != null) {
      Collections.shuffle(parts, shuffle);
    }
    return Explanation.match(r.nextInt(100) / 8f, max ? "max of:" : "sum of:", parts);
  }
}
