package dev.parley.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * How an article record keeps its paragraphs without a second copy of the text its passages already
 * store (schema 9). The record stores {@link Fields#PARAGRAPH_LAYOUT}: the number of paragraphs
 * and, for each, its length in UTF-16 code units and whether its text is stored; and {@link
 * Fields#PARAGRAPH} holds the texts of only the paragraphs the passages do not give back (section
 * headings, and any paragraph some character of which no passage holds exactly). Every other
 * paragraph is cut back out of its passages' stored texts at their offsets in the article text
 * (paragraphs joined by a blank line). Until schema 9 every paragraph was stored, 3.6 MB on
 * Reuters: LZ4 finds little of it again in the passages' texts.
 *
 * <p>Exact by construction: the writer keeps a paragraph out of {@link Fields#PARAGRAPH} only when
 * every one of its characters lies in some passage and every passage that overlaps it agrees with
 * it character for character, so the reader rebuilds the same text whatever order it reads the
 * passages in.
 *
 * <p>Thread safety: stateless.
 */
public final class ArticleParagraphs {
  private ArticleParagraphs() {}

  /** Length of the separator between paragraphs in the article text ({@code "\n\n"}). */
  public static final int SEPARATOR_LENGTH = 2;

  /**
   * A passage's text at its place in the article text.
   *
   * @param start UTF-16 offset of its first character in the article text
   * @param end offset just past its last character
   * @param text its text ({@code end - start} characters when it is a slice of the article text)
   */
  public record PassageText(int start, int end, String text) {}

  /**
   * What an article record stores of its paragraphs.
   *
   * @param layout the {@link Fields#PARAGRAPH_LAYOUT} value
   * @param stored the texts to store in {@link Fields#PARAGRAPH}, in paragraph order
   */
  public record Kept(BytesRef layout, List<String> stored) {}

  /** What to store of {@code paragraphs}, given the passages that store their own text. */
  public static Kept keep(List<String> paragraphs, List<PassageText> passages) {
    byte[] buffer = new byte[5 + 5 * paragraphs.size()];
    ByteArrayDataOutput out = new ByteArrayDataOutput(buffer);
    List<String> stored = new ArrayList<>();
    try {
      out.writeVInt(paragraphs.size());
      int offset = 0;
      for (String p : paragraphs) {
        boolean rebuilt = givenBack(p, offset, passages);
        if (!rebuilt) {
          stored.add(p);
        }
        // length, and whether the text is stored, in one varint
        out.writeVLong(((long) p.length() << 1) | (rebuilt ? 0 : 1));
        offset += p.length() + SEPARATOR_LENGTH;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array cannot fail", e);
    }
    return new Kept(new BytesRef(buffer, 0, out.getPosition()), stored);
  }

  /** Whether the passages hold every character of {@code paragraph} (at {@code offset}) exactly. */
  private static boolean givenBack(String paragraph, int offset, List<PassageText> passages) {
    int length = paragraph.length();
    if (length == 0) {
      return true;
    }
    boolean[] covered = new boolean[length];
    int count = 0;
    for (PassageText t : passages) {
      int from = Math.max(t.start(), offset);
      int to = Math.min(t.end(), offset + length);
      if (from >= to) {
        continue;
      }
      if (t.text().length() != t.end() - t.start()) {
        return false;
      }
      for (int i = from; i < to; i++) {
        if (t.text().charAt(i - t.start()) != paragraph.charAt(i - offset)) {
          return false;
        }
        if (!covered[i - offset]) {
          covered[i - offset] = true;
          count++;
        }
      }
    }
    return count == length;
  }

  /**
   * The paragraphs of an article record: {@code layout} and {@code stored} as {@link #keep} made
   * them, the rest cut out of {@code passages} (the article's passages, any order).
   *
   * @throws IllegalArgumentException if the values do not fit together (an index of another schema,
   *     or damaged)
   */
  public static List<String> rebuild(
      BytesRef layout, List<String> stored, List<PassageText> passages) {
    if (layout == null) {
      throw new IllegalArgumentException(
          "no stored " + Fields.PARAGRAPH_LAYOUT + " value (an index of another schema): re-index");
    }
    ByteArrayDataInput in = new ByteArrayDataInput(layout.bytes, layout.offset, layout.length);
    List<String> out = new ArrayList<>();
    try {
      int n = in.readVInt();
      int next = 0;
      int offset = 0;
      for (int i = 0; i < n; i++) {
        long v = in.readVLong();
        int length = Math.toIntExact(v >>> 1);
        if ((v & 1) == 1) {
          String text = stored.get(next++);
          if (text.length() != length) {
            throw new IllegalArgumentException("stored paragraph " + i + " has another length");
          }
          out.add(text);
        } else {
          out.add(cut(offset, length, passages, i));
        }
        offset += length + SEPARATOR_LENGTH;
      }
      if (in.getPosition() != layout.offset + layout.length || next != stored.size()) {
        throw new IllegalArgumentException("length mismatch");
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "the paragraphs of an article record do not fit together (an index of another schema,"
              + " or damaged): re-index",
          e);
    }
    return out;
  }

  private static String cut(int offset, int length, List<PassageText> passages, int paragraph) {
    char[] text = new char[length];
    boolean[] covered = new boolean[length];
    int count = 0;
    for (PassageText t : passages) {
      int from = Math.max(t.start(), offset);
      int to = Math.min(t.end(), offset + length);
      for (int i = from; i < to; i++) {
        if (!covered[i - offset]) {
          text[i - offset] = t.text().charAt(i - t.start());
          covered[i - offset] = true;
          count++;
        }
      }
    }
    if (count != length) {
      throw new IllegalArgumentException("paragraph " + paragraph + " is not in its passages");
    }
    return new String(text);
  }

  /** The stored passage fields {@link #passages} reads. */
  private static final Set<String> PASSAGE_FIELDS = Set.of(Fields.TEXT, Fields.SPAN);

  /**
   * The passages of article {@code articleId} in {@code searcher}'s index, in index order, with
   * their stored text and place (their ids by {@link PassageIds#of}).
   *
   * @return parallel lists: the doc ids, and the passage texts at their places
   */
  public static Passages passages(IndexSearcher searcher, String articleId) throws IOException {
    Query query =
        new BooleanQuery.Builder()
            .add(
                new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)),
                BooleanClause.Occur.FILTER)
            .add(new TermQuery(new Term(Fields.ARTICLE_ID, articleId)), BooleanClause.Occur.FILTER)
            .build();
    // An article has at most a few thousand passages; read them all, in index order.
    int count = Math.max(1, searcher.count(query));
    ScoreDoc[] hits = searcher.search(query, count).scoreDocs;
    StoredFields stored = searcher.storedFields();
    int[] docs = new int[hits.length];
    List<PassageSpan> spans = new ArrayList<>(hits.length);
    List<PassageText> texts = new ArrayList<>(hits.length);
    for (int i = 0; i < hits.length; i++) {
      docs[i] = hits[i].doc;
      Document d = stored.document(hits[i].doc, PASSAGE_FIELDS);
      PassageSpan span = PassageSpan.decode(d.getBinaryValue(Fields.SPAN));
      spans.add(span);
      texts.add(new PassageText(span.charStart(), span.charEnd(), d.get(Fields.TEXT)));
    }
    return new Passages(docs, spans, texts);
  }

  /**
   * An article's passages as {@link #passages} read them.
   *
   * @param docs their doc ids
   * @param spans their places, in the same order
   * @param texts their texts at their places, in the same order
   */
  public record Passages(int[] docs, List<PassageSpan> spans, List<PassageText> texts) {}

  /**
   * The paragraphs of the article whose record is {@code record} (read with {@link
   * Fields#PARAGRAPH_LAYOUT} and {@link Fields#PARAGRAPH}), given its {@code passages}.
   */
  public static List<String> of(Document record, Passages passages) {
    return rebuild(
        record.getBinaryValue(Fields.PARAGRAPH_LAYOUT),
        List.of(record.getValues(Fields.PARAGRAPH)),
        passages.texts());
  }
}
