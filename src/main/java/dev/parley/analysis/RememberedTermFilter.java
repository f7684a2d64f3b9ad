package dev.parley.analysis;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Runs the end of the index chain (lower-casing, accent folding, spelling variants, the stemmer)
 * once per distinct word and remembers the result: news text repeats its words, and the stemmer's
 * dictionary look-ups were the largest part of analysis. The filters themselves are Lucene's (and
 * Parley's) unchanged; this only skips running them again on a word they already turned into a
 * term.
 *
 * <p>Exact because each of those filters changes only the term, one token for one token, as a
 * function of the term's characters and the keyword flag (a keyword is neither respelled nor
 * stemmed): so the term is looked up by its characters, keywords apart. Filters that drop or add
 * tokens (stop words, synonyms) are not part of what is remembered; the analyzer uses this filter
 * only where none sits in between ({@code AnalyzerSpeedupsTest} compares the two chains).
 *
 * <p>At most {@link #MAX_REMEMBERED} words are kept per kind; then the memory starts afresh (the
 * output does not depend on it).
 *
 * <p>Thread safety: one instance per token stream, like every Lucene filter.
 */
final class RememberedTermFilter extends TokenFilter {
  /** Most words remembered per kind (plain, keyword) before the memory is cleared. */
  static final int MAX_REMEMBERED = 1 << 16;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final TermMemory plain = new TermMemory(4096);
  private final TermMemory keywords = new TermMemory(256);
  private final OneToken one = new OneToken();
  private final TokenStream tail;
  private final CharTermAttribute tailTerm;

  /**
   * Wraps {@code input}, whose tokens go through {@code tail} (the filters to remember, applied to
   * the stream it is given).
   */
  RememberedTermFilter(TokenStream input, UnaryOperator<TokenStream> tail) {
    super(input);
    this.tail = tail.apply(one);
    this.tailTerm = this.tail.getAttribute(CharTermAttribute.class);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    boolean isKeyword = keyword.isKeyword();
    TermMemory memory = isKeyword ? keywords : plain;
    char[] buffer = term.buffer();
    int length = term.length();
    if (length
        > TermMemory.MAX_LENGTH) { // longer than any token Lucene's tokenizers make: not kept
      char[] out = runTail(buffer, length, isKeyword);
      term.copyBuffer(out, 0, out.length);
      return true;
    }
    int hash = TermMemory.hash(buffer, length);
    int at = memory.find(buffer, length, hash);
    if (at < 0) {
      char[] out = runTail(buffer, length, isKeyword);
      if (out.length <= TermMemory.MAX_LENGTH) {
        if (memory.size() >= MAX_REMEMBERED) {
          memory.clear();
        }
        memory.put(buffer, length, hash, out);
      }
      term.copyBuffer(out, 0, out.length);
    } else {
      term.copyBuffer(memory.pool(), memory.termStart(at), memory.termLength(at));
    }
    return true;
  }

  private char[] runTail(char[] buffer, int length, boolean isKeyword) throws IOException {
    one.set(buffer, length, isKeyword);
    tail.reset();
    if (!tail.incrementToken()) {
      throw new IllegalStateException("a one-for-one filter dropped a token");
    }
    char[] out = Arrays.copyOf(tailTerm.buffer(), tailTerm.length());
    if (tail.incrementToken()) {
      throw new IllegalStateException("a one-for-one filter added a token");
    }
    tail.end();
    tail.close();
    return out;
  }

  /** A stream of one token: a term and its keyword flag. */
  private static final class OneToken extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private char[] chars;
    private int length;
    private boolean isKeyword;
    private boolean done;

    void set(char[] chars, int length, boolean isKeyword) {
      this.chars = chars;
      this.length = length;
      this.isKeyword = isKeyword;
    }

    @Override
    public boolean incrementToken() {
      if (done) {
        return false;
      }
      clearAttributes();
      term.copyBuffer(chars, 0, length);
      keyword.setKeyword(isKeyword);
      done = true;
      return true;
    }

    @Override
    public void reset() {
      done = false;
    }
  }
}
