package dev.parley.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * A text run through an analyzer once, whose tokens can be replayed any number of times: for a text
 * that several documents index (the article context of every passage of an article), so the
 * analyzer runs once per article instead of once per passage; and, from {@link #forSlicing}, a text
 * whose pieces are indexed on their own (an article's passages and lead), whose tokens a {@link
 * #slice} gives without analysing the piece again.
 *
 * <p>A replay gives every attribute of every token exactly as the analyzer produced it (term,
 * position increment and length, offsets, type, flags, keyword, term frequency, payload), and the
 * analyzer's end state (final offset and position increment), because it restores the states the
 * analyzer's stream captured. So the postings, positions and norms Lucene writes from a replay are
 * those it writes from the text ({@code AnalysedTextTest} compares whole indexes). A slice does the
 * same for the piece, with offsets counted from the piece's start, and exists only where that is
 * provably what analysing the piece alone gives (see {@link #slice}).
 *
 * <p>Thread safety: immutable after {@link #of}; each {@link #tokens()} call returns a new stream
 * that belongs to one consumer.
 */
public final class AnalysedText {
  private final AttributeSource template;
  private final AttributeSource.State[] tokens;
  private final AttributeSource.State end;

  /** The tokens replayed: {@code tokens[first..last)}. */
  private final int first;

  private final int last;

  /** Subtracted from every offset on replay (a slice's start in the whole text). */
  private final int shift;

  /** What slicing needs; null when the text was not analysed for slicing. */
  private final Slicing slicing;

  /**
   * The whole text as analysed, each token's offsets, and the facts that make a slice equal to the
   * piece analysed alone.
   */
  private record Slicing(String text, int[] starts, int[] ends, int[] capsRuns) {}

  private AnalysedText(
      AttributeSource template,
      AttributeSource.State[] tokens,
      AttributeSource.State end,
      int first,
      int last,
      int shift,
      Slicing slicing) {
    this.template = template;
    this.tokens = tokens;
    this.end = end;
    this.first = first;
    this.last = last;
    this.shift = shift;
    this.slicing = slicing;
  }

  /**
   * Runs {@code analyzer} over {@code text} as field {@code field} and keeps the tokens. The
   * analyzer's reusable stream is consumed and closed here, before anything else uses it.
   */
  public static AnalysedText of(Analyzer analyzer, String field, String text) {
    return analyse(analyzer, field, text, false);
  }

  /**
   * As {@link #of}, also keeping what {@link #slice} needs to give the tokens of a piece of the
   * text without analysing it again: each token's offsets, and whether the analyzer's chain treats
   * a piece cut at white space like the whole (Parley's index chain: {@link
   * ParleyAnalyzer#analysesFieldsAlike()}; the text unchanged by the char filters; no token dropped
   * anywhere, so no position increment carries over a cut). Costs one scan of the text for the runs
   * in capitals ({@link AcronymFilter#capsRuns}) and one for normalisation.
   */
  public static AnalysedText forSlicing(ParleyAnalyzer analyzer, String field, String text) {
    return analyse(analyzer, field, text, analyzer.analysesFieldsAlike());
  }

  private static AnalysedText analyse(
      Analyzer analyzer, String field, String text, boolean slicing) {
    Objects.requireNonNull(text, "text");
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      List<AttributeSource.State> states = new ArrayList<>();
      int[] starts = slicing ? new int[16] : null;
      int[] ends = slicing ? new int[16] : null;
      while (ts.incrementToken()) {
        if (slicing) {
          int n = states.size();
          if (n == starts.length) {
            starts = java.util.Arrays.copyOf(starts, n * 2);
            ends = java.util.Arrays.copyOf(ends, n * 2);
          }
          starts[n] = offset.startOffset();
          ends[n] = offset.endOffset();
          // A dropped token (a stop word) leaves an increment above 1 that a cut could split.
          slicing &= increment.getPositionIncrement() == 1;
        }
        states.add(ts.captureState());
      }
      ts.end();
      slicing = slicing && increment.getPositionIncrement() == 0;
      AttributeSource.State end = ts.captureState();
      AttributeSource.State[] array = states.toArray(AttributeSource.State[]::new);
      Slicing facts = null;
      if (slicing) {
        // Text all in ASCII (most news) is unchanged by the char filters, and its runs in
        // capitals are found in the same pass that finds it is ASCII.
        int[] runs = AcronymFilter.asciiCapsRuns(text);
        if (runs == null && NormalizedText.isUnchanged(text)) {
          runs = AcronymFilter.capsRuns(text, i -> i);
        }
        if (runs != null) {
          facts = new Slicing(text, starts, ends, runs);
        }
      }
      return new AnalysedText(ts.cloneAttributes(), array, end, 0, array.length, 0, facts);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does not fail
    }
  }

  /** The number of tokens. */
  public int size() {
    return last - first;
  }

  /**
   * The tokens of {@code text.substring(from, to)} analysed on its own, from this analysis of the
   * whole text (made by {@link #forSlicing}), with offsets counted from {@code from}; or null when
   * the slice might differ from that analysis, and the piece must be analysed itself.
   *
   * <p>A slice is given only where it is provably equal: the whole text was analysed for slicing
   * (see {@link #forSlicing}); the piece is cut at white space or the text's ends (so no token, and
   * no word the runs in capitals count, spans the cut), does not start with a character the word
   * break rules attach to what precedes it (a combining mark or format character); and no run of
   * text in capitals ({@link AcronymFilter}, which decides whether a word in capitals is stemmed)
   * spans a cut, since the piece alone would see a shorter run.
   *
   * @throws IndexOutOfBoundsException if the range is not within the text
   */
  public AnalysedText slice(int from, int to) {
    if (slicing == null || first != 0 || last != tokens.length) {
      return null;
    }
    String text = slicing.text();
    java.util.Objects.checkFromToIndex(from, to, text.length());
    if (!cutBefore(text, from) || !cutAfter(text, to) || crossesRun(from) || crossesRun(to)) {
      return null;
    }
    int lo = lowerBound(slicing.starts(), tokens.length, from);
    int hi = lowerBound(slicing.starts(), tokens.length, to);
    if (hi > lo && slicing.ends()[hi - 1] > to) {
      return null; // cannot happen at white space; kept as a guard
    }
    AttributeSource scratch = template.cloneAttributes();
    scratch.restoreState(end);
    scratch.getAttribute(OffsetAttribute.class).setOffset(to - from, to - from);
    return new AnalysedText(
        template, tokens, scratch.captureState(), lo, hi, from, /* slicing= */ null);
  }

  private static boolean cutBefore(String text, int from) {
    if (from == text.length()) {
      return true;
    }
    int c = text.codePointAt(from);
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.FORMAT
        || Character.isWhitespace(c)) {
      return false;
    }
    return from == 0 || isSpace(text.charAt(from - 1));
  }

  private static boolean cutAfter(String text, int to) {
    return to == text.length() || isSpace(text.charAt(to));
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /** Whether a run in capitals starts before {@code at} and ends after it. */
  private boolean crossesRun(int at) {
    int[] runs = slicing.capsRuns();
    for (int r = 0; r < runs.length; r += 2) {
      if (runs[r] < at && at < runs[r + 1]) {
        return true;
      }
      if (runs[r] >= at) {
        break;
      }
    }
    return false;
  }

  /** The first index in {@code a[0..n)} (sorted) whose value is at least {@code key}. */
  private static int lowerBound(int[] a, int n, int key) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A new stream replaying the tokens (for a {@code Field} built from a token stream). */
  public TokenStream tokens() {
    return new Replay(template.cloneAttributes());
  }

  private final class Replay extends TokenStream {
    private final OffsetAttribute offset;
    private int next = first;

    Replay(AttributeSource attributes) {
      super(attributes);
      offset = shift == 0 ? null : getAttribute(OffsetAttribute.class);
    }

    @Override
    public boolean incrementToken() {
      if (next >= last) {
        return false;
      }
      restoreState(tokens[next++]);
      if (offset != null) {
        offset.setOffset(offset.startOffset() - shift, offset.endOffset() - shift);
      }
      return true;
    }

    @Override
    public void end() {
      restoreState(end);
    }

    @Override
    public void reset() {
      next = first;
    }
  }
}
