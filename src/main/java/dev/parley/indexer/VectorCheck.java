package dev.parley.indexer;

import dev.parley.schema.DenseSpec;
import dev.parley.schema.Fields;
import dev.parley.schema.PassageIds;
import java.io.IOException;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * {@link IndexVerifier}'s check of passage vectors against the manifest: with a recorded model,
 * every live passage has a vector of the recorded dimension, compared by dot product, of unit
 * length; without one, no document has a vector.
 */
final class VectorCheck {
  private VectorCheck() {}

  /** Most passages named one by one in a problem line. */
  private static final int MAX_NAMED = 5;

  /** How far a vector's squared length may stray from 1 (quantised models, float sums). */
  private static final double UNIT_TOLERANCE = 1e-3;

  static void check(
      DirectoryReader reader,
      Bits live,
      FixedBitSet passages,
      DenseSpec dense,
      Consumer<String> problems)
      throws IOException {
    long missing = 0;
    long withVector = 0;
    long notUnit = 0;
    StringBuilder named = new StringBuilder();
    for (LeafReaderContext leaf : reader.leaves()) {
      FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(Fields.VECTOR);
      FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
      if (info != null && dense != null) {
        if (info.getVectorDimension() != dense.dimension()) {
          problems.accept(
              "passage vectors have "
                  + info.getVectorDimension()
                  + " dimensions, the manifest records "
                  + dense.describe()
                  + ": re-index into a new directory");
          return;
        }
        if (info.getVectorSimilarityFunction() != Fields.VECTOR_SIMILARITY) {
          problems.accept(
              "passage vectors are compared by "
                  + info.getVectorSimilarityFunction()
                  + ", not "
                  + Fields.VECTOR_SIMILARITY
                  + ": re-index into a new directory");
          return;
        }
      }
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        int global = leaf.docBase + doc;
        if (live != null && !live.get(global)) {
          continue;
        }
        boolean has =
            values != null
                && (values.docID() == doc || (values.docID() < doc && values.advance(doc) == doc));
        if (has) {
          withVector++;
          float[] v = values.vectorValue();
          double sq = 0;
          for (float x : v) {
            sq += x * x;
          }
          if (Math.abs(sq - 1) > UNIT_TOLERANCE) {
            notUnit++;
          }
        } else if (dense != null && passages.get(global)) {
          missing++;
          if (missing <= MAX_NAMED) {
            named.append(named.length() == 0 ? "" : ", ").append(passageId(leaf, doc));
          }
        }
      }
    }
    if (dense == null) {
      if (withVector > 0) {
        problems.accept(
            withVector
                + " documents have passage vectors but the manifest records no embedding model:"
                + " re-index into a new directory");
      }
      return;
    }
    if (missing > 0) {
      problems.accept(
          missing
              + " passages have no vector although the index embeds with "
              + dense.describe()
              + " (first: "
              + named
              + "): re-index those articles");
    }
    if (notUnit > 0) {
      problems.accept(
          notUnit + " passage vectors are not of unit length: re-index into a new directory");
    }
  }

  private static String passageId(LeafReaderContext leaf, int doc) throws IOException {
    String id = PassageIds.of(leaf.reader(), new int[] {doc})[0];
    return id == null ? "doc " + (leaf.docBase + doc) : id;
  }
}
