package dev.parley.query.highlight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.indexer.Article;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.Paragraph;
import dev.parley.query.MatchMode;
import dev.parley.query.build.QueryFactory;
import dev.parley.query.build.SimpleQuery;
import dev.parley.query.build.SynonymBalance;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Snippets made with one weight for all the hits of a search ({@link SharedWeightOffsets}, the path
 * the searcher takes) equal the ones Lucene's own strategy makes with a weight per hit: pinned on
 * fixed queries (exact snippets) and random ones, over a reader of two indexes (two segments, so
 * the shared weight serves hits in either).
 */
class SharedWeightOffsetsTest {
  static Directory first;
  static Directory second;
  static IndexReader reader;
  static IndexSearcher searcher;
  static QueryFactory queries;
  static SnippetHighlighter highlighter;

  @BeforeAll
  static void build() throws IOException {
    first = index(0, 3);
    second = index(3, HighlightQueryTest.ARTICLES.length);
    reader = new MultiReader(DirectoryReader.open(first), DirectoryReader.open(second));
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity());
    queries = HighlightQueryTest.queryFactory(0.2f);
    highlighter = HighlightQueryTest.highlighter();
  }

  private static Directory index(int from, int to) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (Indexer indexer = Indexer.builder(Path.of("mem")).withDirectory(dir).build()) {
      for (int i = from; i < to; i++) {
        String[] a = HighlightQueryTest.ARTICLES[i];
        List<Paragraph> paragraphs = new ArrayList<>();
        for (int p = 1; p < a.length; p++) {
          paragraphs.add(new Paragraph(p - 1, a[p], Paragraph.Kind.BODY));
        }
        indexer.add(new Article("a" + i, LocalDate.of(1987, 3, 1 + i), a[0], paragraphs, "test"));
      }
    }
    return dir;
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    first.close();
    second.close();
  }

  @Test
  void fixedQueriesGiveTheseSnippets() throws IOException {
    assertEquals(
        List.of(
            "<em>Japan</em> and the <em>United States</em> ended their semiconductor"
                + " <em>trade</em> dispute on Friday.",
            "The <em>United States</em> said it would consider food aid. <em>Japan</em> raised"
                + " the abductions."),
        top("US Japan trade", 2));
    assertEquals(
        List.of(
            "Envoys from six nations met in Beijing on Monday to restart <em>talks</em> on the"
                + " <em>DPRK&#x27;s</em> <em>nuclear</em> programme."),
        top("North Korea nuclear talks", 1));
  }

  @Test
  void randomQueriesGiveTheSameSnippetsAsAWeightPerHit() throws IOException {
    long seed = System.nanoTime();
    System.out.println("SharedWeightOffsetsTest seed " + seed);
    Random random = new Random(seed);
    List<String> words = new ArrayList<>();
    for (String[] article : HighlightQueryTest.ARTICLES) {
      for (String s : article) {
        if (s != null) {
          words.addAll(Arrays.asList(s.replaceAll("[^A-Za-z' ]", " ").split(" +")));
        }
      }
    }
    words.removeIf(String::isBlank);
    for (int i = 0; i < 200; i++) {
      StringBuilder q = new StringBuilder();
      for (int w = 0, n = 1 + random.nextInt(5); w < n; w++) {
        String word = words.get(random.nextInt(words.size()));
        if (random.nextInt(8) == 0) {
          q.append('"').append(word).append(' ').append(words.get(random.nextInt(words.size())));
          q.append("\" ");
        } else {
          q.append(word).append(' ');
        }
      }
      MatchMode mode = MatchMode.values()[random.nextInt(MatchMode.values().length)];
      String text = q.toString().trim();
      Query query = query(text, mode);
      int[] docs = docs(query, 100);
      assertArrayEquals(
          highlighter.highlight(searcher, query, docs, null, true),
          highlighter.highlight(searcher, query, docs, texts(docs)),
          () -> "seed " + seed + ": snippets differ for '" + text + "' (" + mode + ")");
    }
  }

  /** The snippets of the top n passages, made as the searcher makes them (given texts). */
  private static List<String> top(String text, int n) throws IOException {
    Query query = query(text, MatchMode.ANY);
    int[] docs = docs(query, n);
    String[] shared = highlighter.highlight(searcher, query, docs, texts(docs));
    assertArrayEquals(highlighter.highlight(searcher, query, docs, null, true), shared, text);
    return List.of(shared);
  }

  private static Query query(String text, MatchMode mode) throws IOException {
    return SynonymBalance.balance(
        queries.build(SimpleQuery.parse(text), mode), searcher, List.of());
  }

  private static int[] docs(Query query, int n) throws IOException {
    ScoreDoc[] top = searcher.search(query, n).scoreDocs;
    return Arrays.stream(top).mapToInt(d -> d.doc).toArray();
  }

  private static String[] texts(int[] docs) throws IOException {
    String[] texts = new String[docs.length];
    for (int i = 0; i < docs.length; i++) {
      texts[i] = searcher.storedFields().document(docs[i]).get(Fields.TEXT);
    }
    return texts;
  }
}
