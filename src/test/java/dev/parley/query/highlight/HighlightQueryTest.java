package dev.parley.query.highlight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.ParleyAnalyzer;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The highlighter searches only the passage-text part of the query, and every snippet stays what
 * the whole query (with its article-context clauses) made: pinned on fixed queries and on random
 * ones over a small news corpus whose titles and leads say things the passages do not.
 */
class HighlightQueryTest {
  static Directory dir;
  static DirectoryReader reader;
  static IndexSearcher searcher;
  static QueryFactory queries;
  static SnippetHighlighter highlighter;

  static final String[][] ARTICLES = {
    {
      "North Korea talks resume in Beijing",
      "Envoys from six nations met in Beijing on Monday to restart talks on the DPRK's nuclear"
          + " programme.",
      "The United States said it would consider food aid. Japan raised the abductions.",
      "He added that sanctions would stay until Pyongyang froze its reactor."
    },
    {
      "Soviet grain purchases",
      "The Soviet Union bought more U.S. wheat this week, traders said.",
      "Moscow is expected to buy corn as well. Prices rose in Chicago on the news.",
      "A trade official declined to comment on the talks."
    },
    {
      "EU ministers weigh sanctions on Iran",
      "Foreign ministers of the European Union discussed new sanctions on Iran in Brussels.",
      "France and Germany backed an oil embargo; Italy was reluctant. \"We need unity,\" one said.",
      "The summit in Brussels ended without a deal on the embargo."
    },
    {
      null,
      "Japan and the United States ended their semiconductor trade dispute on Friday.",
      "Washington lifted tariffs on Japanese electronics. Tokyo promised to open its market.",
      "Nakasone welcomed the accord during his Washington visit."
    },
    {
      "Summit in Geneva",
      "Reagan and Gorbachev met in Geneva for a summit on arms control.",
      "The leaders agreed to meet again. Nuclear weapons cuts were discussed but not agreed.",
      "Observers in Moscow called the talks a breakthrough for diplomacy."
    }
  };

  @BeforeAll
  static void build() throws IOException {
    dir = new ByteBuffersDirectory();
    try (Indexer indexer = Indexer.builder(Path.of("mem")).withDirectory(dir).build()) {
      for (int i = 0; i < ARTICLES.length; i++) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (int p = 1; p < ARTICLES[i].length; p++) {
          paragraphs.add(new Paragraph(p - 1, ARTICLES[i][p], Paragraph.Kind.BODY));
        }
        indexer.add(
            new Article("a" + i, LocalDate.of(1987, 3, 1 + i), ARTICLES[i][0], paragraphs, "test"));
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity());
    queries = queryFactory(0.3f);
    highlighter = highlighter();
  }

  /** The query side with the default analysis and gazetteer, the context at {@code weight}. */
  static QueryFactory queryFactory(float contextWeight) {
    AnalysisConfig analysis = AnalysisConfig.defaults();
    Gazetteer gazetteer = Gazetteer.defaults();
    return new QueryFactory(
        ParleyAnalyzer.forQueries(analysis, gazetteer),
        ParleyAnalyzer.forPhrases(analysis, gazetteer),
        contextWeight);
  }

  /** The highlighter the searcher builds: default analysis, {@code <em>} marks, HTML escaping. */
  static SnippetHighlighter highlighter() {
    return new SnippetHighlighter(
        new ParleyAnalyzer(AnalysisConfig.defaults()), "<em>", "</em>", 2, SnippetEscaping.HTML);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  @Test
  void contextClausesGoAndRequiredClausesThatLostOneBecomeOptional() {
    Query text = new TermQuery(new Term(Fields.TEXT, "talk"));
    Query context = new BoostQuery(new TermQuery(new Term(Fields.CONTEXT, "talk")), 0.3f);
    Query other = new TermQuery(new Term(Fields.TEXT, "summit"));
    BooleanQuery word =
        new BooleanQuery.Builder().add(text, Occur.SHOULD).add(context, Occur.SHOULD).build();
    BooleanQuery all =
        new BooleanQuery.Builder()
            .add(word, Occur.MUST)
            .add(other, Occur.MUST)
            .add(new TermQuery(new Term(Fields.TEXT, "grain")), Occur.MUST_NOT)
            .build();
    assertEquals("(text:talk) +text:summit -text:grain", HighlightQuery.textOnly(all).toString());
    assertEquals(
        "text:talk", HighlightQuery.textOnly(word).toString().replace("(", "").replace(")", ""));
    // Nothing removed: the very same query.
    assertTrue(HighlightQuery.textOnly(other) == other);
    assertNull(HighlightQuery.textOnly(context));
  }

  @Test
  void fixedQueriesGiveTheSameSnippets() throws IOException {
    for (String q :
        List.of(
            "North Korea talks",
            "DPRK nuclear",
            "\"North Korea\" sanctions",
            "Soviet grain purchases talks",
            "EU sanctions Iran -Italy",
            "US Japan trade sanctions on semiconductors",
            "Nakasone Washington visit trade friction",
            "summit Geneva arms control",
            "Brussels embargo",
            "he added")) {
      for (MatchMode mode : MatchMode.values()) {
        assertSameSnippets(q, mode);
      }
    }
  }

  @Test
  void randomQueriesGiveTheSameSnippets() throws IOException {
    long seed = System.nanoTime();
    System.out.println("HighlightQueryTest seed " + seed);
    Random random = new Random(seed);
    List<String> words = new ArrayList<>();
    for (String[] article : ARTICLES) {
      for (String s : article) {
        if (s != null) {
          words.addAll(Arrays.asList(s.replaceAll("[^A-Za-z' ]", " ").split(" +")));
        }
      }
    }
    words.removeIf(String::isBlank);
    for (int i = 0; i < 200; i++) {
      StringBuilder q = new StringBuilder();
      int n = 1 + random.nextInt(5);
      for (int w = 0; w < n; w++) {
        int kind = random.nextInt(10);
        String word = words.get(random.nextInt(words.size()));
        if (kind == 0) {
          q.append('"').append(word).append(' ').append(words.get(random.nextInt(words.size())));
          q.append("\" ");
        } else if (kind == 1 && w > 0) {
          q.append('-').append(word).append(' ');
        } else {
          q.append(word).append(' ');
        }
      }
      MatchMode mode = MatchMode.values()[random.nextInt(MatchMode.values().length)];
      assertSameSnippets(q.toString().trim(), mode);
    }
  }

  /** Every matching passage's snippet, with the whole query and with its text part. */
  private static void assertSameSnippets(String text, MatchMode mode) throws IOException {
    Query query =
        SynonymBalance.balance(queries.build(SimpleQuery.parse(text), mode), searcher, List.of());
    ScoreDoc[] top = searcher.search(query, 100).scoreDocs;
    int[] docs = Arrays.stream(top).mapToInt(d -> d.doc).toArray();
    String[] before = highlighter.highlight(searcher, query, docs, null, false);
    assertArrayEquals(
        before,
        highlighter.highlight(searcher, query, docs, null, true),
        () -> "snippets differ for '" + text + "' (" + mode + ")");
    // The texts handed in by the caller (HitReader) instead of read from the stored fields.
    String[] texts = new String[docs.length];
    for (int i = 0; i < docs.length; i++) {
      texts[i] = searcher.storedFields().document(docs[i]).get(Fields.TEXT);
    }
    assertArrayEquals(
        before,
        highlighter.highlight(searcher, query, docs, texts),
        () -> "snippets from given texts differ for '" + text + "' (" + mode + ")");
  }
}
