package dev.parley.indexer.ingest;

import dev.parley.indexer.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts text into numbered paragraphs and tells section headings from body text.
 *
 * <p>Paragraphs are blocks separated by blank lines; the lines inside a block are joined with one
 * space, and runs of white space become one space. A heading is a one-line paragraph, not the first
 * and not the last, that either is wrapped in dashes or bullets ({@code – Birthday banquet –}) or
 * is a short capitalised phrase with no digits and no closing punctuation ({@code Reaction in
 * Seoul}). The rule is deliberately narrow: a heading that is missed stays searchable as text,
 * while a sentence taken for a heading would be lost from the passages.
 */
public final class Paragraphs {
  private Paragraphs() {}

  private static final Pattern BLANK_LINE = Pattern.compile("\\n\\h*\\n");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2028\\u2029]+");
  private static final int MAX_HEADING_CHARS = 80;
  private static final int MAX_PLAIN_HEADING_WORDS = 6;
  private static final String DASHES = "-–—•*#=~";
  private static final String CLOSING = ".!?,;:\"”’'»)]";

  /** Splits {@code text} (LF line endings) into paragraphs, detecting headings. */
  public static List<Paragraph> split(String text) {
    List<String> blocks = new ArrayList<>();
    List<Boolean> oneLine = new ArrayList<>();
    for (String block : BLANK_LINE.split(text)) {
      String joined = collapse(block);
      if (!joined.isEmpty()) {
        blocks.add(joined);
        oneLine.add(block.strip().indexOf('\n') < 0);
      }
    }
    return classify(blocks, oneLine);
  }

  /** Makes paragraphs of already separated texts (JSON Lines), skipping blank ones. */
  public static List<Paragraph> of(List<String> texts) {
    List<String> blocks = new ArrayList<>();
    List<Boolean> oneLine = new ArrayList<>();
    for (String t : texts) {
      String joined = collapse(t);
      if (!joined.isEmpty()) {
        blocks.add(joined);
        oneLine.add(t.strip().indexOf('\n') < 0);
      }
    }
    return classify(blocks, oneLine);
  }

  /**
   * Longest accepted paragraph, in characters. Far beyond any news paragraph; a longer one is
   * almost always a file whose paragraphs are not separated by blank lines. The bound matters
   * because the lead paragraph is indexed as context with every passage of its article.
   */
  public static final int MAX_PARAGRAPH_CHARS = 100_000;

  /**
   * Checks that no paragraph is longer than {@link #MAX_PARAGRAPH_CHARS}.
   *
   * @throws ArticleFormatException naming the first paragraph that is
   */
  public static void checkLengths(List<Paragraph> paragraphs) throws ArticleFormatException {
    for (Paragraph p : paragraphs) {
      if (p.text().length() > MAX_PARAGRAPH_CHARS) {
        throw new ArticleFormatException(
            "paragraph "
                + p.number()
                + " is "
                + p.text().length()
                + " characters long, more than the "
                + MAX_PARAGRAPH_CHARS
                + "-character limit: separate paragraphs with blank lines");
      }
    }
  }

  /** Trims and collapses white space to single spaces. */
  static String collapse(String s) {
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  private static List<Paragraph> classify(List<String> blocks, List<Boolean> oneLine) {
    List<Paragraph> paragraphs = new ArrayList<>(blocks.size());
    for (int i = 0; i < blocks.size(); i++) {
      boolean heading =
          i > 0 && i < blocks.size() - 1 && oneLine.get(i) && isHeading(blocks.get(i));
      paragraphs.add(
          new Paragraph(i, blocks.get(i), heading ? Paragraph.Kind.HEADING : Paragraph.Kind.BODY));
    }
    return paragraphs;
  }

  /** True if a one-line paragraph reads as a section heading (see the class comment). */
  static boolean isHeading(String line) {
    if (line.length() > MAX_HEADING_CHARS || line.length() < 3) {
      return false;
    }
    char first = line.charAt(0);
    char last = line.charAt(line.length() - 1);
    if (DASHES.indexOf(first) >= 0 && DASHES.indexOf(last) >= 0) {
      return line.chars().anyMatch(Character::isLetter);
    }
    if (!Character.isUpperCase(first) || CLOSING.indexOf(last) >= 0) {
      return false;
    }
    if (line.split(" ").length > MAX_PLAIN_HEADING_WORDS) {
      return false;
    }
    long letters = line.chars().filter(Character::isLetter).count();
    long others = line.chars().filter(c -> c != ' ').count();
    return line.chars().noneMatch(Character::isDigit) && letters * 10 >= others * 9;
  }
}
