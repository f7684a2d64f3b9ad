package dev.parley.query;

import dev.parley.embed.DenseModel;
import dev.parley.embed.Embedder;
import dev.parley.query.build.SimpleQuery;
import dev.parley.schema.DenseSpec;
import dev.parley.schema.Fields;
import dev.parley.schema.SchemaMismatchException;
import java.nio.file.Path;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The searcher's dense side: the query embedder for the index's model, the text a query embeds as,
 * and the filter its kNN search obeys.
 *
 * <p>Thread safety: safe for concurrent searches (the embedder is).
 */
final class DenseSide implements AutoCloseable {
  private final Embedder embedder;

  private DenseSide(Embedder embedder) {
    this.embedder = embedder;
  }

  /**
   * Opens the embedder of the model that wrote {@code spec}'s vectors.
   *
   * @throws SchemaMismatchException if this Parley does not know the model, or embeds with another
   *     version or dimension
   * @throws IllegalStateException if the model's artifact is not on the class path
   */
  static DenseSide open(DenseSpec spec, Path where, int sessions) throws SchemaMismatchException {
    DenseModel model;
    try {
      model = DenseModel.named(spec.model());
    } catch (IllegalArgumentException e) {
      throw new SchemaMismatchException(
          "index "
              + where
              + " holds vectors of "
              + spec.describe()
              + ", a model this Parley cannot run: re-index into a new directory");
    }
    Embedder embedder = Embedder.open(model, sessions);
    if (!embedder.spec().equals(spec)) {
      embedder.close();
      throw new SchemaMismatchException(
          "index "
              + where
              + " holds vectors of "
              + spec.describe()
              + " but this Parley embeds queries with "
              + embedder.spec().describe()
              + ": re-index into a new directory with this Parley");
    }
    // The first run of a fresh ONNX session is several times slower than the next ones: pay it
    // when the searcher opens, not in the first user's query.
    embedder.query("warm up");
    return new DenseSide(embedder);
  }

  /** The model that embeds the queries (and wrote the index's vectors). */
  DenseModel model() {
    return embedder.model();
  }

  /** The query's unit vector. */
  float[] embed(SimpleQuery query) {
    return embedder.query(query.plainText());
  }

  /**
   * The filter of the kNN search: passages only, within the request's filters ({@code filters}, the
   * lexical query's filter clauses), none of the excluded words, and, with {@link MatchMode#ALL},
   * matching the lexical query (every required word).
   */
  static Query filter(Query filters, Query exclusions, Query lexical, MatchMode match) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), Occur.FILTER);
    if (filters != null) {
      b.add(filters, Occur.FILTER);
    }
    if (exclusions != null) {
      b.add(exclusions, Occur.MUST_NOT);
    }
    if (match == MatchMode.ALL) {
      b.add(lexical, Occur.FILTER);
    }
    return b.build();
  }

  @Override
  public void close() {
    embedder.close();
  }
}
