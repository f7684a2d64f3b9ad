package dev.parley.analysis;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Writes each tagged entity mention into the token stream as one token, {@code entity#ID}, stacked
 * (position increment 0) on the first word of the mention: {@code North Korea} and {@code DPRK}
 * both index the term {@code entity#north-korea}, so a query naming the entity by any alias matches
 * one term instead of a disjunction of phrase alternatives.
 *
 * <p>Why stacked on the first word: the original words keep their positions (phrases over them
 * still match) and Lucene's BM25 does not count stacked tokens in the field length ({@code
 * discountOverlaps}), so the norms are those of the text alone. The token's offsets run from the
 * first word's start to the mention's end, so the highlighter marks the whole name. {@code #} never
 * occurs inside a token of the text chain ({@code StandardTokenizer} breaks on it), so no word of a
 * text can collide with an entity token.
 *
 * <p>Runs last, after the stemmer, so the token is indexed exactly as {@link #token} spells it.
 * Mentions must be in text order, not overlapping, with offsets in the same text the stream reads
 * (what {@link EntityTagger#tag(String)} returns); a mention no token starts inside is skipped.
 *
 * <p>Thread safety: one instance per token stream, like every Lucene filter.
 */
public final class EntityTokenFilter extends TokenFilter {
  /** What every entity token starts with. */
  public static final String PREFIX = "entity#";

  /** Token type of the added tokens. */
  public static final String TYPE = "ENTITY";

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute increment =
      addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  private List<Mention> mentions;
  private int next;
  private Mention pending;
  private int pendingStart;

  /**
   * Adds the tokens of {@code mentions} to {@code in}.
   *
   * @param in the analyzed text
   * @param mentions the mentions of that text, in text order
   */
  public EntityTokenFilter(TokenStream in, List<Mention> mentions) {
    super(in);
    this.mentions = List.copyOf(Objects.requireNonNull(mentions, "mentions"));
  }

  /** Replaces the mentions, for the next text this (reused) filter reads. */
  void setMentions(List<Mention> mentions) {
    this.mentions = List.copyOf(mentions);
  }

  /** The indexed token of the entity {@code id}. */
  public static String token(String id) {
    return PREFIX + id;
  }

  /** True for a term that is an entity token. */
  public static boolean isToken(String term) {
    return term.startsWith(PREFIX);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (pending != null) {
      // The word's own attributes (keyword flag, payloads) stay as they were; only these change.
      String id = pending.entityId();
      int end = Math.max(pending.end(), offsets.endOffset());
      pending = null;
      term.setEmpty().append(PREFIX).append(id);
      increment.setPositionIncrement(0);
      offsets.setOffset(pendingStart, end);
      type.setType(TYPE);
      keyword.setKeyword(true);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    int start = offsets.startOffset();
    while (next < mentions.size() && mentions.get(next).end() <= start) {
      next++; // a mention no token started inside (cannot happen with the tagger's words)
    }
    if (next < mentions.size() && mentions.get(next).start() <= start) {
      pending = mentions.get(next++);
      pendingStart = start;
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    next = 0;
    pending = null;
  }
}
