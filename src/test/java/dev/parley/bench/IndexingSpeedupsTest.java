package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.AnalysedText;
import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.ParleyAnalyzer;
import dev.parley.indexer.Article;
import dev.parley.indexer.Passage;
import dev.parley.indexer.enrich.Enrichment;
import dev.parley.indexer.enrich.NewsEnricher;
import dev.parley.indexer.ingest.SeedFormat;
import dev.parley.indexer.segment.ParagraphSegmenter;
import dev.parley.indexer.segment.SegmentationConfig;
import dev.parley.indexer.write.ArticleDocuments;
import dev.parley.indexer.write.ArticleTokens;
import dev.parley.indexer.write.SimHashReference;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Indexing speed-ups that must not change the index: the article context analysed once and replayed
 * into every passage ({@link AnalysedText}) gives the postings, positions and norms of analysing it
 * in every passage, compared document by document with {@link IndexDigest} on the seed articles
 * plus articles with headings, capitals and non-ASCII text; and the SimHash without regular
 * expressions equals the straightforward one.
 */
class IndexingSpeedupsTest {
  private static final String[] EXTRA = {
    "date 2020-03-01 TITLE IN CAPITALS ABOUT THE U.S. AND SOVIET TALKS\n\n"
        + "U.S. officials said the talks in Geneva would resume.\n\n"
        + "Background\n\n"
        + "The envoy’s visit to Moscow was the first since 1985.\n\n"
        + "Outlook\n\n"
        + "Diplomats expect a summit next year, Erdog\u0306an's office said.",
    "date 2021-07-09 Le ministre a dit: négociations à Genève, ﬁnance et ＵＮ.\n\n"
        + "nego\u00ADti\u00ADations continued; the WHO and the UN met in Москва.\n\n"
        + "A third paragraph with sanctions on Iran's oil exports."
  };

  @Test
  void replayedContextIndexesLikeTheText() throws Exception {
    List<Article> articles = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("seeds"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String name = p.getFileName().toString();
        articles.add(
            SeedFormat.parse(
                name.substring(0, name.length() - 4), Files.readString(p), p.toString()));
      }
    }
    for (int i = 0; i < EXTRA.length; i++) {
      articles.add(SeedFormat.parse("extra" + i, EXTRA[i], "extra" + i));
    }
    Analyzer analyzer = new ParleyAnalyzer(AnalysisConfig.defaults());
    Map<String, Long> plain = digest(articles, null);
    Map<String, Long> replayed = digest(articles, analyzer);
    assertTrue(plain.size() > 20, "documents: " + plain.size());
    assertEquals(List.of(), IndexDigest.differences(plain, replayed));
    // The digest sees the context: the same articles with one word of a lead changed (the lead's
    // own passage and the context of every later passage) digest differently, and only there.
    List<Article> changed = new ArrayList<>(articles);
    changed.set(
        changed.size() - 2,
        SeedFormat.parse("extra0", EXTRA[0].replace("SOVIET TALKS", "CHINESE TALKS"), "extra0"));
    List<String> diff = IndexDigest.differences(plain, digest(changed, analyzer));
    assertTrue(
        diff.containsAll(List.of("passage:extra0#1-1", "passage:extra0#3-3")), diff.toString());
    assertTrue(diff.stream().allMatch(k -> k.contains("extra0")), diff.toString());
    assertTrue(plain.keySet().stream().anyMatch(k -> k.startsWith("passage:extra0")));
  }

  /**
   * Random articles (seed printed) whose paragraph ends meet runs in capitals, acronyms, stop
   * words, headings, paragraphs long enough to be cut into overlapping windows, marks, format and
   * compatibility characters: the index built from the article analysed once ({@link
   * ArticleTokens}) digests equal to Lucene analysing every field, with the default analysis and
   * with stop words dropped at index time; and most pieces are in fact sliced.
   */
  @Test
  void articleAnalysedOnceIndexesLikeEveryFieldAnalysed() throws Exception {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "IndexingSpeedupsTest articles seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    String[] words = {
      "TALKS",
      "OPEC",
      "U.S.",
      "US",
      "us",
      "The",
      "envoy's",
      "WHO",
      "2019",
      "talks",
      "said",
      "sanctions",
      "in",
      "the",
      "Geneva.",
      "GENEVA,",
      "summit",
      "Mr.",
      "UN",
      "colour",
      "organised",
      "e\u0301",
      "\u0301x",
      "nego\u00ADti",
      "ﬁnance",
      "Москва",
      "東京",
      "😀",
      "İstanbul",
      "ß",
      "’s",
      "N.Y.",
      "-",
      "\u200B"
    };
    List<Article> articles = new ArrayList<>();
    for (int a = 0; a < 150; a++) {
      boolean plain = random.nextInt(3) > 0;
      StringBuilder b = new StringBuilder("date 2020-03-01 ");
      b.append(random.nextBoolean() ? "OPEC TALKS IN GENEVA" : "Talks in Geneva");
      int paragraphs = 1 + random.nextInt(6);
      for (int p = 0; p < paragraphs; p++) {
        b.append("\n\n");
        if (p > 0 && p < paragraphs - 1 && random.nextInt(5) == 0) {
          b.append(random.nextBoolean() ? "Outlook" : "Background").append("\n\n");
        }
        if (random.nextInt(3) == 0) {
          b.append("ENDED TALKED ");
        }
        int n = 1 + random.nextInt(random.nextInt(6) == 0 ? 400 : 40);
        for (int w = 0; w < n; w++) {
          b.append(words[random.nextInt(plain ? 21 : words.length)]);
          b.append(random.nextInt(8) == 0 ? ". " : " ");
        }
        b.append(random.nextBoolean() ? "OPEC TALKED." : "said.");
      }
      Article parsed = SeedFormat.parse("r" + a, b.toString(), "r" + a);
      // Half with a title (formats other than the seed format have one), in capitals or not.
      String title =
          random.nextBoolean() ? null : random.nextBoolean() ? "OPEC TALKED" : "Talks in Geneva";
      articles.add(
          new Article(parsed.id(), parsed.date(), title, parsed.paragraphs(), parsed.source()));
    }
    AnalysisConfig stops =
        new AnalysisConfig(
            AnalysisConfig.Stemmer.KSTEM,
            AnalysisConfig.StopWords.ENGLISH,
            AnalysisConfig.Spelling.AMERICAN);
    for (AnalysisConfig config : List.of(AnalysisConfig.defaults(), stops)) {
      Analyzer analyzer = new ParleyAnalyzer(config);
      assertEquals(
          List.of(),
          IndexDigest.differences(
              digest(articles, null, config), digest(articles, analyzer, config)),
          "seed " + seed + ", " + config);
    }
    ParagraphSegmenter segmenter = new ParagraphSegmenter(SegmentationConfig.defaults());
    int pieces = 0;
    int sliced = 0;
    for (Article a : articles) {
      List<Passage> ps = segmenter.segment(a);
      ArticleTokens t = ArticleTokens.of(new ParleyAnalyzer(AnalysisConfig.defaults()), a, ps);
      pieces += ps.size() + 1;
      sliced += t.sliced();
    }
    assertTrue(sliced > pieces / 4, sliced + " of " + pieces); // many cuts meet runs in capitals
  }

  @Test
  void replayRepeatsEveryTokenAndCanBeReadTwice() throws IOException {
    Analyzer analyzer = new ParleyAnalyzer(AnalysisConfig.defaults());
    AnalysedText text = AnalysedText.of(analyzer, Fields.CONTEXT, "U.S. envoy's talks in Geneva");
    assertEquals(5, text.size());
    for (int round = 0; round < 2; round++) {
      try (var ts = text.tokens()) {
        var term =
            ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
        ts.reset();
        List<String> terms = new ArrayList<>();
        while (ts.incrementToken()) {
          terms.add(term.toString());
        }
        ts.end();
        assertEquals(List.of("u.s", "envoy", "talks", "in", "geneva"), terms);
      }
    }
  }

  @Test
  void simHashEqualsTheStraightforwardOne() {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println(
        "IndexingSpeedupsTest seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
    Random random = new Random(seed);
    String[] pieces = {
      "Talks",
      "ended",
      "U.S.",
      "İstanbul",
      "ß",
      "東京",
      "😀",
      "2019",
      "Ⅻ",
      "²",
      "e\u0301",
      "-",
      ",",
      " ",
      "\n",
      "ǅ",
      "Москва",
      "\uD83C",
      "'"
    };
    List<String> texts =
        new ArrayList<>(List.of("", "...", "one", "one two", "The talks in Geneva ended."));
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(20);
      for (int k = 0; k < n; k++) {
        b.append(pieces[random.nextInt(pieces.length)]);
        if (random.nextBoolean()) {
          b.append(' ');
        }
      }
      texts.add(b.toString());
    }
    for (String t : texts) {
      assertEquals(
          SimHashReference.of(t),
          dev.parley.indexer.write.SimHash.of(t),
          "seed " + seed + ": " + t);
    }
  }

  private static Map<String, Long> digest(List<Article> articles, Analyzer contextAnalyzer)
      throws IOException {
    return digest(articles, contextAnalyzer, AnalysisConfig.defaults());
  }

  private static Map<String, Long> digest(
      List<Article> articles, Analyzer contextAnalyzer, AnalysisConfig config) throws IOException {
    ParagraphSegmenter segmenter = new ParagraphSegmenter(SegmentationConfig.defaults());
    NewsEnricher enricher = NewsEnricher.defaults();
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w =
          new IndexWriter(dir, new IndexWriterConfig(new ParleyAnalyzer(config)))) {
        for (Article a : articles) {
          List<Passage> ps = segmenter.segment(a);
          List<Enrichment> es = ps.stream().map(p -> enricher.enrich(a, p)).toList();
          List<Document> docs = ArticleDocuments.of(a, ps, es, null, contextAnalyzer);
          w.addDocuments(docs);
        }
        w.commit();
      }
      return IndexDigest.of(dir);
    }
  }
}
