package dev.parley.indexer.segment;

import dev.parley.indexer.Article;
import dev.parley.indexer.Paragraph;
import dev.parley.indexer.Passage;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The default segmenter. Walking the paragraphs in order:
 *
 * <ul>
 *   <li>a heading closes the current passage and becomes the heading of the passages after it;
 *   <li>a paragraph longer than {@code maxChars} is cut into windows of whole sentences (a sentence
 *       longer than {@code maxChars} is cut at a space), consecutive windows sharing {@code
 *       overlapSentences} sentences;
 *   <li>otherwise the paragraph joins the current passage while that passage is shorter than {@code
 *       mergeBelowChars} and the result fits in {@code maxChars}, else it starts a new one.
 * </ul>
 *
 * <p>Thread safety: immutable, safe to share.
 */
public final class ParagraphSegmenter implements Segmenter {
  private final SegmentationConfig config;

  /** Creates a segmenter with the given sizes. */
  public ParagraphSegmenter(SegmentationConfig config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  /** The sizes in use. */
  public SegmentationConfig config() {
    return config;
  }

  @Override
  public String describe() {
    return String.format(
        "{\"segmenter\":\"paragraph\",\"mergeBelowChars\":%d,\"maxChars\":%d,\"overlapSentences\":%d}",
        config.mergeBelowChars(), config.maxChars(), config.overlapSentences());
  }

  @Override
  public List<Passage> segment(Article article) {
    return new Run(article).passages();
  }

  /** The state of one article's segmentation. */
  private final class Run {
    final Article article;
    final String text;
    final List<Passage> out = new ArrayList<>();
    String heading;
    final int[] starts;
    int from = -1;
    int to = -1;

    Run(Article article) {
      this.article = article;
      this.text = article.text();
      this.starts = new int[article.paragraphs().size()];
      for (int i = 1; i < starts.length; i++) {
        starts[i] =
            starts[i - 1]
                + article.paragraphs().get(i - 1).text().length()
                + Article.PARAGRAPH_SEPARATOR.length();
      }
    }

    List<Passage> passages() {
      for (Paragraph p : article.paragraphs()) {
        if (p.isHeading()) {
          flush();
          heading = p.label();
        } else if (p.text().length() > config.maxChars()) {
          flush();
          window(p);
        } else {
          if (from >= 0 && !fits(p)) {
            flush();
          }
          if (from < 0) {
            from = p.number();
          }
          to = p.number();
        }
      }
      flush();
      return out;
    }

    private boolean fits(Paragraph next) {
      int length = spanEnd(to) - starts[from];
      int merged = length + Article.PARAGRAPH_SEPARATOR.length() + next.text().length();
      return length < config.mergeBelowChars() && merged <= config.maxChars();
    }

    private int spanEnd(int paragraph) {
      return starts[paragraph] + article.paragraphs().get(paragraph).text().length();
    }

    private void flush() {
      if (from >= 0) {
        add(from, to, starts[from], spanEnd(to), 0);
      }
      from = -1;
      to = -1;
    }

    private void add(int first, int last, int start, int end, int window) {
      out.add(
          new Passage(
              Passage.id(article.id(), first, last, window),
              article.id(),
              article.date(),
              out.size(),
              first,
              last,
              start,
              end,
              heading,
              text.substring(start, end)));
    }

    private void window(Paragraph p) {
      int base = starts[p.number()];
      List<int[]> units = sentences(p.text(), config.maxChars());
      int window = 1;
      int i = 0;
      while (i < units.size()) {
        int j = i;
        int end = units.get(i)[1];
        while (j + 1 < units.size() && units.get(j + 1)[1] - units.get(i)[0] <= config.maxChars()) {
          j++;
          end = units.get(j)[1];
        }
        add(p.number(), p.number(), base + units.get(i)[0], base + end, window++);
        if (j + 1 >= units.size()) {
          break;
        }
        // Step back by the overlap, but always move forward by at least one sentence.
        i = Math.max(i + 1, j + 1 - config.overlapSentences());
      }
    }
  }

  /**
   * Sentence spans {@code [start, end)} of {@code text}, trailing spaces excluded, each at most
   * {@code max} characters (longer sentences are cut at the last space that fits, or hard at {@code
   * max} when there is none, never inside a surrogate pair).
   */
  static List<int[]> sentences(String text, int max) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    it.setText(text);
    List<int[]> spans = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      int s = start;
      int e = end;
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      while (s < e && Character.isWhitespace(text.charAt(s))) {
        s++;
      }
      while (e - s > max) {
        int cut = text.lastIndexOf(' ', s + max);
        if (cut <= s) {
          cut = s + max;
          if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
          }
        }
        int pieceEnd = cut;
        while (pieceEnd > s && text.charAt(pieceEnd - 1) == ' ') {
          pieceEnd--;
        }
        spans.add(new int[] {s, pieceEnd});
        s = cut;
        while (s < e && text.charAt(s) == ' ') {
          s++;
        }
      }
      if (e > s) {
        spans.add(new int[] {s, e});
      }
    }
    return spans;
  }
}
