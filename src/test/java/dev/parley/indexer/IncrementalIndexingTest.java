package dev.parley.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.Gazetteer;
import dev.parley.indexer.enrich.NewsEnricher;
import dev.parley.indexer.enrich.TopicDefinition;
import dev.parley.indexer.enrich.TopicModel;
import dev.parley.indexer.segment.SegmentationConfig;
import dev.parley.schema.Fields;
import dev.parley.schema.IndexManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skipping unchanged articles, replacing changed ones, pruning and deleting. */
class IncrementalIndexingTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private IngestReport index(Indexer.Prune prune, Path... inputs) throws IOException {
    try (Indexer indexer = Indexer.builder(dir.resolve("idx")).build()) {
      return indexer.index(List.of(inputs), prune);
    }
  }

  private IndexManifest manifest() throws IOException {
    try (var d = FSDirectory.open(dir.resolve("idx"))) {
      return IndexManifest.read(d, dir.resolve("idx"));
    }
  }

  /** The stored source of article {@code id}, or null. */
  private String source(String id) throws IOException {
    try (var d = FSDirectory.open(dir.resolve("idx"));
        DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher s = new IndexSearcher(reader);
      TopDocs top =
          s.search(
              new org.apache.lucene.search.BooleanQuery.Builder()
                  .add(
                      new TermQuery(new Term(Fields.ARTICLE_ID, id)),
                      org.apache.lucene.search.BooleanClause.Occur.FILTER)
                  .add(
                      new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)),
                      org.apache.lucene.search.BooleanClause.Occur.FILTER)
                  .build(),
              2);
      if (top.scoreDocs.length == 0) {
        return null;
      }
      assertEquals(1, top.totalHits.value);
      Document doc = s.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.SOURCE));
      return doc.get(Fields.SOURCE);
    }
  }

  @Test
  void unchangedArticlesAreSkippedChangedOnesReplacedNewOnesAdded() throws IOException {
    write("in/a.txt", "date 2020-01-01 Alpha.\n");
    write("in/b.txt", "date 2020-01-02 Bravo.\n\nMore bravo.\n");
    write("in/c.jsonl", "{\"id\": \"c\", \"date\": \"2020-01-03\", \"text\": \"Charlie.\"}\n");
    IngestReport first = index(Indexer.Prune.NONE, dir.resolve("in"));
    assertEquals(List.of(3, 0), List.of(first.articles(), first.unchanged()));

    write("in/b.txt", "date 2020-01-02 Bravo changed.\n");
    write("in/d.txt", "date 2020-01-04 Delta.\n");
    IngestReport second = index(Indexer.Prune.NONE, dir.resolve("in"));
    assertEquals(2, second.articles(), "b changed, d new");
    assertEquals(2, second.passages());
    assertEquals(2, second.unchanged(), "a and c");
    assertEquals(List.of(4L, 4L), List.of(manifest().articles(), manifest().passages()));
  }

  @Test
  void articleReadFromAnotherFileIsRewrittenWithItsNewSource() throws IOException {
    Path old = write("in/old/a.txt", "date 2020-01-01 Alpha.\n");
    index(Indexer.Prune.NONE, old);
    Path moved = write("in/new/a.txt", "date 2020-01-01 Alpha.\n");
    IngestReport report = index(Indexer.Prune.NONE, moved);
    assertEquals(List.of(1, 0), List.of(report.articles(), report.unchanged()));
    assertEquals(moved.toString(), source("a"));
  }

  @Test
  void anotherSegmentationRewritesEveryArticle() throws IOException {
    write("in/a.txt", "date 2020-01-01 Alpha.\n");
    write("in/b.txt", "date 2020-01-02 Bravo.\n");
    index(Indexer.Prune.NONE, dir.resolve("in"));
    try (Indexer indexer =
        Indexer.builder(dir.resolve("idx"))
            .withSegmentation(new SegmentationConfig(0, 500, 1))
            .build()) {
      IngestReport report = indexer.index(List.of(dir.resolve("in")));
      assertEquals(List.of(2, 0), List.of(report.articles(), report.unchanged()));
    }
  }

  /**
   * A retrained topic model with the same topic names is a configuration change: the manifest
   * records the model version, and the next incremental run rewrites every article with the new
   * model (docs/reliability.md), after which unchanged articles are skipped again.
   */
  @Test
  void anotherTopicModelVersionRewritesEveryArticle() throws IOException {
    write("in/a.txt", "date 2020-01-01 Leaders met at the Venice summit.\n");
    write("in/b.txt", "date 2020-01-02 Sanctions on Iran were tightened.\n");
    index(Indexer.Prune.NONE, dir.resolve("in"));
    TopicModel shipped = TopicModel.defaults();
    assertEquals(shipped.version(), manifest().topicModel());

    TopicDefinition summits = shipped.topics().get(2);
    Map<String, Double> w = new HashMap<>(summits.weights());
    w.put("cue:summit-word", w.get("cue:summit-word") + 1);
    TopicModel retrained =
        TopicModel.builder(Gazetteer.defaults())
            .addDefaults()
            .add(summits.withModel(summits.threshold(), summits.bias(), w))
            .build();
    assertEquals(shipped.names(), retrained.names());
    for (int run = 0; run < 2; run++) {
      try (Indexer indexer =
          Indexer.builder(dir.resolve("idx"))
              .withEnricher(new NewsEnricher(Gazetteer.defaults(), retrained))
              .build()) {
        IngestReport report = indexer.index(List.of(dir.resolve("in")));
        // First run: both rewritten under the new model; second run: nothing to do.
        assertEquals(
            run == 0 ? List.of(2, 0) : List.of(0, 2),
            List.of(report.articles(), report.unchanged()));
      }
      assertEquals(retrained.version(), manifest().topicModel());
    }
    // Back to the shipped model: rewritten again.
    IngestReport back = index(Indexer.Prune.NONE, dir.resolve("in"));
    assertEquals(List.of(2, 0), List.of(back.articles(), back.unchanged()));
  }

  @Test
  void pruneRemovesArticlesWhoseFileIsGoneUnderTheInputs() throws IOException {
    write("in/a.txt", "date 2020-01-01 Alpha.\n");
    Path b = write("in/sub/b.txt", "date 2020-01-02 Bravo.\n");
    Path jsonl =
        write(
            "in/more.jsonl",
            "{\"id\": \"c\", \"date\": \"2020-01-03\", \"text\": \"Charlie.\"}\n"
                + "{\"id\": \"d\", \"date\": \"2020-01-04\", \"text\": \"Delta.\"}\n");
    Path other = write("other/e.txt", "date 2020-01-05 Echo.\n");
    index(Indexer.Prune.NONE, dir.resolve("in"), other);
    Files.delete(b);
    Files.delete(jsonl);
    Files.delete(other);

    IngestReport keep = index(Indexer.Prune.NONE, dir.resolve("in"));
    assertEquals(List.of(0, 1, 0), List.of(keep.articles(), keep.unchanged(), keep.pruned()));
    assertEquals(5, manifest().articles(), "without --prune nothing is removed");

    IngestReport pruned = index(Indexer.Prune.MISSING_SOURCES, dir.resolve("in"));
    assertEquals(3, pruned.pruned(), "b, c and d; e was not under the input");
    assertEquals(List.of(2L, 2L), List.of(manifest().articles(), manifest().passages()));
    assertEquals(null, source("b"));
    assertEquals(other.toString(), source("e"));
  }

  @Test
  void pruneLeavesArticlesAloneWhenTheirInputIsMissing() throws IOException {
    Path a = write("in/a.txt", "date 2020-01-01 Alpha.\n");
    index(Indexer.Prune.NONE, dir.resolve("in"));
    Files.delete(a);
    Files.delete(dir.resolve("in"));
    IngestReport report = index(Indexer.Prune.MISSING_SOURCES, dir.resolve("in"));
    assertEquals(0, report.pruned(), "a missing input directory must not empty the index");
    assertEquals(
        List.of(new Rejection(dir.resolve("in").toString(), "no such file or directory")),
        report.rejected());
    assertEquals(1, manifest().articles());
  }

  @Test
  void pruneKeepsAnArticleReadFromANewFileInTheSameRun() throws IOException {
    Path a = write("in/a.txt", "date 2020-01-01 Alpha.\n");
    index(Indexer.Prune.NONE, dir.resolve("in"));
    Files.move(a, dir.resolve("in/renamed.jsonl"));
    Files.writeString(
        dir.resolve("in/renamed.jsonl"),
        "{\"id\": \"a\", \"date\": \"2020-01-01\", \"text\": \"Alpha.\"}\n");
    IngestReport report = index(Indexer.Prune.MISSING_SOURCES, dir.resolve("in"));
    assertEquals(List.of(1, 0), List.of(report.articles(), report.pruned()));
    assertEquals(dir.resolve("in/renamed.jsonl") + ":1", source("a"));
  }

  @Test
  void deleteByIdCommitsAndRejectsUnknownAndInvalidIds() throws IOException {
    write("in/a.txt", "date 2020-01-01 Alpha.\n\nSecond.\n");
    write("in/b.txt", "date 2020-01-02 Bravo.\n");
    index(Indexer.Prune.NONE, dir.resolve("in"));
    IngestReport report;
    try (Indexer indexer = Indexer.builder(dir.resolve("idx")).build()) {
      report = indexer.delete(List.of("a", "zz", "x/y"));
      assertEquals(List.of(1L, 1L), List.of(manifest().articles(), manifest().passages()));
    }
    assertEquals(1, report.deleted());
    assertEquals(
        List.of(
            new Rejection("zz", "no article with this id in the index, nothing deleted"),
            new Rejection(
                "x/y",
                "article id 'x/y' contains '/' at position 1: ids may not contain / \\ # or"
                    + " control characters")),
        report.rejected());
  }

  @Test
  void closedIndexerRefusesWork() throws IOException {
    Indexer indexer = Indexer.builder(dir.resolve("idx")).build();
    indexer.close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> indexer.index(List.of(dir)));
    assertEquals("indexer over " + dir.resolve("idx") + " is closed", e.getMessage());
    assertTrue(Files.exists(dir.resolve("idx")));
  }
}
