package dev.parley.query;

import dev.parley.schema.Fields;
import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * {@code 2^(-age/halfLife)} per passage, age in days before a reference date (the newest article in
 * the index, so results do not change with the clock). Used as a multiplicative boost.
 */
final class RecencyDecay extends DoubleValuesSource {
  private final long reference;
  private final int halfLifeDays;

  RecencyDecay(long referenceEpochDay, int halfLifeDays) {
    this.reference = referenceEpochDay;
    this.halfLifeDays = halfLifeDays;
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    NumericDocValues dates = DocValues.getNumeric(ctx.reader(), Fields.DATE);
    return new DoubleValues() {
      @Override
      public double doubleValue() throws IOException {
        long age = Math.max(0, reference - dates.longValue());
        return Math.pow(2, -age / (double) halfLifeDays);
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        return dates.advanceExact(doc);
      }
    };
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return DocValues.isCacheable(ctx, Fields.DATE);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(reference) * 31 + halfLifeDays;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecencyDecay r
        && r.reference == reference
        && r.halfLifeDays == halfLifeDays;
  }

  @Override
  public String toString() {
    return "recency(halfLife=" + halfLifeDays + "d, reference=" + reference + ")";
  }
}
