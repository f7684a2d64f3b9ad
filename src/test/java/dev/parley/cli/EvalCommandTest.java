package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.parley.testutil.StrictJson;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley eval} on the hand-made corpus of {@code src/test/resources/dev/parley/eval-fixture}
 * (its README gives each query's ranking and why): every metric is computed here by hand from that
 * ranking and the qrels, and checked through the command, at passage and article level.
 */
class EvalCommandTest {
  @TempDir static Path tmp;
  static Path fixture;
  static String index;

  static final double EPS = 5e-5; // eval --json rounds to 4 decimals

  @BeforeAll
  static void indexFixture() throws URISyntaxException {
    index = indexFixture(tmp);
  }

  /** Indexes the fixture's articles under {@code dir}; returns the index directory. */
  static String indexFixture(Path dir) throws URISyntaxException {
    fixture = Path.of(EvalCommandTest.class.getResource("/dev/parley/eval-fixture").toURI());
    String into = dir.resolve("index").toString();
    MainTest.Run r =
        MainTest.run(
            "index", "--input", fixture.resolve("articles.jsonl").toString(), "--index", into);
    assertEquals(0, r.code(), r.err());
    return into;
  }

  static String file(String name) {
    return fixture.resolve(name).toString();
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }

  /**
   * Passage level. q1 ranks a1#1 (judged 0), a2#1 (grade 1), a3#2 (grade 2), a2#2 (unjudged);
   * relevant: a2#1, a3#2 and a9#1 (never retrieved). q2 ranks a4#1 (grade 1, the only relevant),
   * a5#1 (unjudged). q3 has no relevant paragraph and is left out.
   */
  static final Map<String, Double> Q1 =
      Map.of(
          "ndcg@10",
          (1 / log2(3) + 2 / log2(4)) / (2 / log2(2) + 1 / log2(3) + 1 / log2(4)),
          "p@10",
          2 / 10.0,
          "ap@100",
          (1 / 2.0 + 2 / 3.0) / 3,
          "recall@100",
          2 / 3.0,
          "map@1000",
          (1 / 2.0 + 2 / 3.0) / 3,
          "mrr@10",
          1 / 2.0,
          "judged@10",
          3 / 4.0);

  static final Map<String, Double> Q2 =
      Map.of(
          "ndcg@10", 1.0,
          "p@10", 1 / 10.0,
          "ap@100", 1.0,
          "recall@100", 1.0,
          "map@1000", 1.0,
          "mrr@10", 1.0,
          "judged@10", 1 / 2.0);

  @Test
  void passageLevelMetricsAreThoseComputedByHand() throws IOException {
    Path run = tmp.resolve("run.trec");
    MainTest.Run r =
        MainTest.run(
            "eval",
            "--index",
            index,
            "--queries",
            file("queries.tsv"),
            "--qrels",
            file("qrels-passage.txt"),
            "--profile",
            "bm25",
            "parley",
            "--run",
            run.toString(),
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonObject json = StrictJson.parseObject(r.out());
    assertEquals(2, json.getAsJsonArray("profiles").size());
    for (var element : json.getAsJsonArray("profiles")) {
      JsonObject profile = element.getAsJsonObject();
      JsonObject perQuery = profile.getAsJsonObject("perQuery");
      assertEquals(List.of("q1", "q2"), List.copyOf(perQuery.keySet()));
      for (String metric : Q1.keySet()) {
        assertEquals(Q1.get(metric), perQuery.getAsJsonObject("q1").get(metric).getAsDouble(), EPS);
        assertEquals(Q2.get(metric), perQuery.getAsJsonObject("q2").get(metric).getAsDouble(), EPS);
        assertEquals(
            (Q1.get(metric) + Q2.get(metric)) / 2,
            profile.getAsJsonObject("mean").get(metric).getAsDouble(),
            EPS,
            metric);
      }
    }
    // No query word has an entity synonym: parley ranks as bm25, every difference is 0, p is 1.
    JsonObject parley = json.getAsJsonArray("profiles").get(1).getAsJsonObject();
    assertEquals("parley", parley.get("profile").getAsString());
    for (String metric : Q1.keySet()) {
      assertEquals(0.0, parley.getAsJsonObject("difference").get(metric).getAsDouble());
      assertEquals(1.0, parley.getAsJsonObject("pValue").get(metric).getAsDouble());
    }
    // One run file per profile; the ranking the metrics above were computed from.
    List<String> lines = Files.readAllLines(tmp.resolve("run-parley.trec"));
    assertEquals(
        List.of(
            "q1 Q0 a1#1-1 1 parley",
            "q1 Q0 a2#1-1 2 parley",
            "q1 Q0 a3#2-2 3 parley",
            "q1 Q0 a2#2-2 4 parley",
            "q2 Q0 a4#1-1 1 parley",
            "q2 Q0 a5#1-1 2 parley",
            "q3 Q0 a1#2-2 1 parley"),
        lines.stream().map(l -> l.replaceFirst(" [0-9.]+ parley$", " parley")).toList());
    assertTrue(Files.exists(tmp.resolve("run-bm25.trec")));
  }

  /**
   * The claim of docs/quality.md, "eval agrees with score_passages.py to four decimals", on this
   * fixture: {@code python3 ../shared/eval/score_passages.py qrels-passage.txt run-parley.trec}
   * prints {"ndcg10": 0.7605, "p10": 0.15, "ap100": 0.6944, "r100": 0.8333, "judged10": 0.625} for
   * the run the test above pins, and the values here are those of the hand computation above, so
   * the test needs neither Python nor ../shared. Its text table prints 4 decimals.
   */
  @Test
  void textTableAgreesWithScorePassagesToFourDecimals() {
    MainTest.Run r =
        MainTest.run(
            "eval",
            "--index",
            index,
            "--queries",
            file("queries.tsv"),
            "--qrels",
            file("qrels-passage.txt"),
            "--profile",
            "parley",
            "--k",
            "100");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(
        "2 queries with relevant judgments; p: paired randomisation test against parley",
        lines.get(0));
    String expected =
        String.format(
            java.util.Locale.ROOT,
            "%-14s%11.4f%11.4f%11.4f%11.4f%11.4f%11.4f%11.4f",
            "parley",
            0.7605,
            0.15,
            0.6944,
            0.8333,
            0.6944,
            0.75,
            0.625);
    assertEquals(expected, lines.get(2));
    for (String m : Q1.keySet()) {
      double mean = (Q1.get(m) + Q2.get(m)) / 2;
      assertTrue(
          expected.contains(String.format(java.util.Locale.ROOT, "%.4f", mean)), m + " " + mean);
    }
  }

  @Test
  void articleLevelCountsTheFirstHitOfEachArticle() {
    MainTest.Run r =
        MainTest.run(
            "eval",
            "--index",
            index,
            "--queries",
            file("queries.tsv"),
            "--qrels",
            file("qrels-article.txt"),
            "--level",
            "article",
            "--profile",
            "parley",
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonObject mean =
        StrictJson.parseObject(r.out())
            .getAsJsonArray("profiles")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("mean");
    // q1 articles in order a1, a2, a3 (a2's second passage dropped); relevant a2, a3, a7 (grade 1).
    // q2: a4, a5; relevant a5 (grade 2).
    double q1Ndcg = (1 / log2(3) + 1 / log2(4)) / (1 + 1 / log2(3) + 1 / log2(4));
    double q2Ndcg = (2 / log2(3)) / 2;
    assertEquals((q1Ndcg + q2Ndcg) / 2, mean.get("ndcg@10").getAsDouble(), EPS);
    assertEquals(((1 / 2.0 + 2 / 3.0) / 3 + 1 / 2.0) / 2, mean.get("map@1000").getAsDouble(), EPS);
    assertEquals((2 / 10.0 + 1 / 10.0) / 2, mean.get("p@10").getAsDouble(), EPS);
    assertEquals((2 / 3.0 + 1) / 2, mean.get("recall@100").getAsDouble(), EPS);
    assertEquals((1 / 2.0 + 1 / 2.0) / 2, mean.get("mrr@10").getAsDouble(), EPS);
    assertEquals((2 / 3.0 + 1 / 2.0) / 2, mean.get("judged@10").getAsDouble(), EPS);
  }

  @Test
  void badArgumentsAreOneLineUsageErrors() {
    MainTest.Run unknown =
        MainTest.run(
            "eval",
            "--index",
            index,
            "--queries",
            file("queries.tsv"),
            "--qrels",
            file("qrels-passage.txt"),
            "--profile",
            "best");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("unknown profile 'best'"), unknown.err());
    MainTest.Run level =
        MainTest.run(
            "eval",
            "--index",
            index,
            "--queries",
            file("queries.tsv"),
            "--qrels",
            file("qrels-passage.txt"),
            "--level",
            "sentence");
    assertEquals(2, level.code());
    assertTrue(level.err().contains("--level must be passage or article, got: sentence"));
  }

  /** Each bad line of a queries or qrels file: exit 2, one line naming the file and line. */
  @Test
  void badQueriesAndQrelsLinesAreNamedWithFileAndLine() throws IOException {
    Path qrels = Files.writeString(tmp.resolve("bad-qrels.txt"), "q1 0 a1#1 1\nq1 a1#2 2\n");
    Path grade = Files.writeString(tmp.resolve("bad-grade.txt"), "q1 0 a1#1 high\n");
    Path repeat =
        Files.writeString(tmp.resolve("repeat.tsv"), "qid\tquery\nq1\tzebra\nq1\twalrus\n");
    Path noTab = Files.writeString(tmp.resolve("no-tab.tsv"), "q1\tzebra\nq2 walrus\n");
    Path noColumn = Files.writeString(tmp.resolve("no-column.tsv"), "qid\ttext\nq1\tzebra\n");
    // An empty query would browse by date, silently (reviewer finding for batch): named instead,
    // whether the text column is empty, blank, or the header's query column is the empty one.
    Path empty = Files.writeString(tmp.resolve("empty.tsv"), "q1\tzebra\nq2\t\n");
    Path blank = Files.writeString(tmp.resolve("blank.tsv"), "q7\t  \t\n");
    Path emptyColumn =
        Files.writeString(tmp.resolve("empty-column.tsv"), "qid\tcorpus\tquery\nq1\tagnews\t\n");
    Map<List<String>, String> cases =
        Map.of(
            List.of(empty.toString(), file("qrels-passage.txt")),
            empty + ":2: query q2 has no text: give it words, or remove the line",
            List.of(blank.toString(), file("qrels-passage.txt")),
            blank + ":1: query q7 has no text: give it words, or remove the line",
            List.of(emptyColumn.toString(), file("qrels-passage.txt")),
            emptyColumn + ":2: query q1 has no text: give it words, or remove the line",
            List.of(file("queries.tsv"), qrels.toString()),
            qrels + ":2: expected 'qid 0 unit grade', found 'q1 a1#2 2'",
            List.of(file("queries.tsv"), grade.toString()),
            grade + ":1: expected 'qid 0 unit grade', found 'q1 0 a1#1 high'",
            List.of(repeat.toString(), file("qrels-passage.txt")),
            repeat + ":3: query id q1 repeats: give each query its own id",
            List.of(noTab.toString(), file("qrels-passage.txt")),
            noTab + ":2: expected qid<TAB>query, found 'q2 walrus'",
            List.of(noColumn.toString(), file("qrels-passage.txt")),
            noColumn + ": header line has no 'query' column: name the query column 'query'");
    for (var c : cases.entrySet()) {
      MainTest.Run r =
          MainTest.run(
              "eval",
              "--index",
              index,
              "--queries",
              c.getKey().get(0),
              "--qrels",
              c.getKey().get(1));
      assertEquals(2, r.code(), r.err());
      assertEquals("parley eval: " + c.getValue(), r.err().lines().findFirst().orElse(""));
      assertEquals("", r.out());
    }
    Path run = tmp.resolve("empty.trec");
    MainTest.Run batch =
        MainTest.run(
            "batch", "--index", index, "--queries", empty.toString(), "--run", run.toString());
    assertEquals(2, batch.code(), batch.err());
    assertEquals(
        "parley batch: " + empty + ":2: query q2 has no text: give it words, or remove the line",
        batch.err().strip());
    assertFalse(Files.exists(run), "no run file is written");
  }
}
