package dev.parley.analysis;

import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;
import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.util.List;

/**
 * Sentence boundaries for news text, as a {@link java.text.BreakIterator} (the type Lucene's
 * highlighter takes): ICU's Unicode sentence rules (UAX #29), which handle quotes and brackets
 * around a sentence end ({@code He said: "No." Talks ended.}) and a missing space after {@code ?}
 * or {@code !}, filtered by ICU's {@link FilteredBreakIteratorBuilder} so that no sentence ends
 * after a known abbreviation: CLDR's English list plus {@link #ABBREVIATIONS} (titles, ranks,
 * months, {@code U.S.}). The JDK's own iterator splits after {@code Mr.} and {@code U.S.}. ICU's
 * filter misses abbreviations with inner dots before a capital ({@code The U.S. Treasury}), so a
 * boundary right after one of {@link #ABBREVIATIONS} is also skipped here.
 *
 * <p>Limit: an abbreviation that really ends a sentence ({@code ... flew to the U.S. Talks began})
 * does not break it; a snippet is then one sentence longer.
 *
 * <p>Thread safety: an instance is not thread-safe (like every break iterator); {@link #create()}
 * gives a new one, cheaply (a clone of one built prototype).
 */
public final class NewsSentenceBreaks extends BreakIterator {
  /** Abbreviations after which a sentence never ends (beside CLDR's English list). */
  public static final List<String> ABBREVIATIONS =
      List.of(
          "Mr.",
          "Mrs.",
          "Ms.",
          "Messrs.",
          "Dr.",
          "Prof.",
          "Gen.",
          "Lt.",
          "Col.",
          "Maj.",
          "Capt.",
          "Cmdr.",
          "Adm.",
          "Sgt.",
          "Cpl.",
          "Pvt.",
          "Gov.",
          "Sen.",
          "Rep.",
          "Amb.",
          "Pres.",
          "Rev.",
          "Hon.",
          "Sr.",
          "Jr.",
          "St.",
          "Mt.",
          "Ft.",
          "Jan.",
          "Feb.",
          "Mar.",
          "Apr.",
          "Jun.",
          "Jul.",
          "Aug.",
          "Sep.",
          "Sept.",
          "Oct.",
          "Nov.",
          "Dec.",
          "U.S.",
          "U.K.",
          "U.N.",
          "E.U.",
          "U.S.S.R.",
          "D.C.",
          "No.",
          "Nos.",
          "Co.",
          "Corp.",
          "Inc.",
          "Ltd.",
          "Bros.",
          "vs.",
          "etc.",
          "approx.",
          "Dept.",
          "Gens.",
          "Govs.",
          "Sens.",
          "Reps.");

  private static final com.ibm.icu.text.BreakIterator PROTOTYPE = build();

  private static final java.util.Set<String> ABBREVIATION_SET = java.util.Set.copyOf(ABBREVIATIONS);

  private final com.ibm.icu.text.BreakIterator icu;
  private String text = "";

  /** Index of {@link #text}'s first character in the iterator's numbering. */
  private int begin;

  private NewsSentenceBreaks(com.ibm.icu.text.BreakIterator icu) {
    this.icu = icu;
  }

  /** True if {@code boundary} follows one of our abbreviations (and white space). */
  private boolean suppressed(int at) {
    int boundary = at - begin;
    if (boundary <= 0 || boundary >= text.length()) {
      return false;
    }
    int end = boundary;
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
      start--;
    }
    // the word may open with a quote or bracket: ("Mr.
    while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
      start++;
    }
    return ABBREVIATION_SET.contains(text.substring(start, end));
  }

  private int forward(int b) {
    while (b != DONE && suppressed(b)) {
      b = icu.next();
    }
    return b;
  }

  private int backward(int b) {
    while (b != DONE && suppressed(b)) {
      b = icu.previous();
    }
    return b;
  }

  /** A new sentence iterator for news text. */
  public static BreakIterator create() {
    synchronized (PROTOTYPE) {
      return new NewsSentenceBreaks((com.ibm.icu.text.BreakIterator) PROTOTYPE.clone());
    }
  }

  private static com.ibm.icu.text.BreakIterator build() {
    FilteredBreakIteratorBuilder builder =
        FilteredBreakIteratorBuilder.getInstance(ULocale.ENGLISH);
    for (String a : ABBREVIATIONS) {
      builder.suppressBreakAfter(a);
    }
    return builder.wrapIteratorWithFilter(
        com.ibm.icu.text.BreakIterator.getSentenceInstance(ULocale.ENGLISH));
  }

  @Override
  public int first() {
    return icu.first();
  }

  @Override
  public int last() {
    return icu.last();
  }

  @Override
  public int next(int n) {
    int b = current();
    for (int i = 0; i < n && b != DONE; i++) {
      b = next();
    }
    for (int i = 0; i > n && b != DONE; i--) {
      b = previous();
    }
    return b;
  }

  @Override
  public int next() {
    return forward(icu.next());
  }

  @Override
  public int previous() {
    return backward(icu.previous());
  }

  @Override
  public int following(int offset) {
    return forward(icu.following(offset));
  }

  @Override
  public int preceding(int offset) {
    return backward(icu.preceding(offset));
  }

  @Override
  public boolean isBoundary(int offset) {
    return icu.isBoundary(offset) && !suppressed(offset);
  }

  @Override
  public int current() {
    return icu.current();
  }

  @Override
  public CharacterIterator getText() {
    return icu.getText();
  }

  @Override
  public void setText(String text) {
    this.text = text;
    this.begin = 0;
    icu.setText(text);
  }

  @Override
  public void setText(CharacterIterator chars) {
    StringBuilder b = new StringBuilder();
    for (char c = chars.first(); c != CharacterIterator.DONE; c = chars.next()) {
      b.append(c);
    }
    this.text = b.toString();
    this.begin = chars.getBeginIndex();
    chars.first();
    icu.setText(chars);
  }

  @Override
  public Object clone() {
    NewsSentenceBreaks copy = new NewsSentenceBreaks((com.ibm.icu.text.BreakIterator) icu.clone());
    copy.text = text;
    copy.begin = begin;
    return copy;
  }
}
