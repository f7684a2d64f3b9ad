package dev.parley.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.AttributeSource;

/**
 * A text run through an analyzer once, whose tokens can be replayed any number of times: for a text
 * that several documents index in the same field (the article context of every passage of an
 * article), so the analyzer runs once per article instead of once per passage.
 *
 * <p>A replay gives every attribute of every token exactly as the analyzer produced it (term,
 * position increment and length, offsets, type, flags, keyword, term frequency, payload), and the
 * analyzer's end state (final offset and position increment), because it restores the states the
 * analyzer's stream captured. So the postings, positions and norms Lucene writes from a replay are
 * those it writes from the text ({@code AnalysedTextTest} compares whole indexes).
 *
 * <p>Thread safety: immutable after {@link #of}; each {@link #tokens()} call returns a new stream
 * that belongs to one consumer.
 */
public final class AnalysedText {
  private final AttributeSource template;
  private final AttributeSource.State[] tokens;
  private final AttributeSource.State end;

  private AnalysedText(
      AttributeSource template, AttributeSource.State[] tokens, AttributeSource.State end) {
    this.template = template;
    this.tokens = tokens;
    this.end = end;
  }

  /**
   * Runs {@code analyzer} over {@code text} as field {@code field} and keeps the tokens. The
   * analyzer's reusable stream is consumed and closed here, before anything else uses it.
   */
  public static AnalysedText of(Analyzer analyzer, String field, String text) {
    Objects.requireNonNull(text, "text");
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      ts.reset();
      List<AttributeSource.State> states = new ArrayList<>();
      while (ts.incrementToken()) {
        states.add(ts.captureState());
      }
      ts.end();
      AttributeSource.State end = ts.captureState();
      return new AnalysedText(
          ts.cloneAttributes(), states.toArray(AttributeSource.State[]::new), end);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does not fail
    }
  }

  /** The number of tokens. */
  public int size() {
    return tokens.length;
  }

  /** A new stream replaying the tokens (for a {@code Field} built from a token stream). */
  public TokenStream tokens() {
    return new Replay(template.cloneAttributes());
  }

  private final class Replay extends TokenStream {
    private int next;

    Replay(AttributeSource attributes) {
      super(attributes);
    }

    @Override
    public boolean incrementToken() {
      if (next >= tokens.length) {
        return false;
      }
      restoreState(tokens[next++]);
      return true;
    }

    @Override
    public void end() {
      restoreState(end);
    }

    @Override
    public void reset() {
      next = 0;
    }
  }
}
