package dev.parley.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.AnalysisConfig;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import dev.parley.schema.IndexManifest;
import dev.parley.schema.SchemaMismatchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve("in").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private IngestReport index(Path index, Path... inputs) throws IOException {
    try (Indexer indexer = Indexer.builder(index).build()) {
      return indexer.index(List.of(inputs));
    }
  }

  private static IndexManifest manifest(Path index) throws IOException {
    try (var d = FSDirectory.open(index)) {
      return IndexManifest.read(d, index);
    }
  }

  private static long generation(Path index) throws IOException {
    try (var d = FSDirectory.open(index)) {
      return SegmentInfos.getLastCommitGeneration(d);
    }
  }

  @Test
  void reindexingTheSameInputChangesNothing() throws IOException {
    write("a.txt", "date 2020-01-01 Sanctions were imposed.\n\nTalks followed.\n");
    write("b.txt", "date 2020-01-02 A summit was held.\n");
    Path index = dir.resolve("idx");
    IngestReport first = index(index, dir.resolve("in"));
    long generation = generation(index);
    IngestReport second = index(index, dir.resolve("in"));
    assertEquals(List.of(2, 0), List.of(first.articles(), second.articles()));
    assertEquals(List.of(0, 2), List.of(first.unchanged(), second.unchanged()));
    assertEquals(generation, generation(index), "a run that changes nothing commits nothing");
    IndexManifest m = manifest(index);
    assertEquals(2, m.articles());
    assertEquals(3, m.passages());
    try (Searcher s = Searcher.open(index)) {
      assertEquals(3, s.stats().passages());
      List<Hit> hits =
          s.search(SearchRequest.builder("sanctions").withPerArticle(0).build()).hits();
      assertEquals(
          List.of("a#0-0"),
          hits.stream().filter(h -> h.score() > 0.5).map(Hit::passageId).toList());
    }
  }

  @Test
  void changedArticleReplacesTheOldOneWhole() throws IOException {
    Path a = write("a.txt", "date 2020-01-01 One.\n\nTwo.\n\nThree embargo.\n");
    Path index = dir.resolve("idx");
    index(index, a);
    write("a.txt", "date 2020-01-05 Only one paragraph now.\n");
    index(index, a);
    try (Searcher s = Searcher.open(index)) {
      assertEquals(1, s.stats().passages());
      assertEquals(0, s.search(SearchRequest.of("embargo")).totalHits());
      assertEquals("2020-01-05", s.stats().firstDate().toString());
    }
  }

  @Test
  void duplicateIdInOneRunIsRejectedNamingBothSources() throws IOException {
    Path txt = write("x1.txt", "date 2020-01-01 From the text file.\n");
    Path jsonl =
        write(
            "more.jsonl", "{\"id\": \"x1\", \"date\": \"2020-01-02\", \"text\": \"From JSON.\"}\n");
    IngestReport report = index(dir.resolve("idx"), txt, jsonl);
    assertEquals(1, report.articles());
    assertEquals(
        List.of(
            new Rejection(
                jsonl + ":1",
                "duplicate article id 'x1': already read from "
                    + txt
                    + " in this run; give one of them another id")),
        report.rejected());
  }

  @Test
  void rejectedArticlesLeaveTheRestIndexedAndOtherFilesSkipped() throws IOException {
    write("good.txt", "date 2020-01-01 Fine.\n");
    write("bad.txt", "no date here\n");
    write("index.tsv", "file\tdate\n");
    IngestReport report = index(dir.resolve("idx"), dir.resolve("in"));
    assertEquals(1, report.articles());
    assertEquals(1, report.rejected().size());
    assertEquals(dir.resolve("in/bad.txt").toString(), report.rejected().get(0).source());
    assertEquals(List.of(dir.resolve("in/index.tsv")), report.skipped());
  }

  @Test
  void commitsEveryNArticlesWithCountsInTheManifest() throws IOException {
    for (int i = 0; i < 5; i++) {
      write("a" + i + ".txt", "date 2020-01-0" + (i + 1) + " Article " + i + ".\n");
    }
    Path index = dir.resolve("idx");
    try (Indexer indexer = Indexer.builder(index).withCommitEvery(2).build()) {
      indexer.index(List.of(dir.resolve("in")));
      indexer.add(
          new Article(
              "extra",
              java.time.LocalDate.of(2021, 1, 1),
              null,
              List.of(new Paragraph(0, "Uncommitted.", Paragraph.Kind.BODY)),
              "test"));
      // Not committed yet: the manifest still says 5.
      assertEquals(5, manifest(index).articles());
    }
    assertEquals(6, manifest(index).articles());
  }

  @Test
  void deleteRemovesPassagesAndRecord() throws IOException {
    write("a.txt", "date 2020-01-01 One.\n\nTwo.\n");
    write("b.txt", "date 2020-01-01 Three.\n");
    Path index = dir.resolve("idx");
    try (Indexer indexer = Indexer.builder(index).build()) {
      indexer.index(List.of(dir.resolve("in")));
      indexer.delete("a");
      indexer.commit();
    }
    assertEquals(List.of(1L, 1L), List.of(manifest(index).articles(), manifest(index).passages()));
  }

  @Test
  void otherSchemaVersionIsRefusedNamingBothVersions() throws IOException {
    Path index = dir.resolve("old");
    try (var d = FSDirectory.open(index);
        var w = new IndexWriter(d, new IndexWriterConfig())) {
      w.setLiveCommitData(Map.of("parley.schemaVersion", "0").entrySet());
      w.commit();
    }
    SchemaMismatchException e =
        assertThrows(SchemaMismatchException.class, () -> Searcher.open(index));
    assertEquals(
        "index "
            + index
            + " was written with schema version 0, this Parley reads schema version "
            + dev.parley.schema.SchemaVersion.CURRENT
            + ": re-index the articles into a new directory (parley index --input ... --index DIR)",
        e.getMessage());
    assertThrows(SchemaMismatchException.class, () -> Indexer.builder(index).build());
  }

  @Test
  void luceneIndexNotWrittenByParleyIsRefused() throws IOException {
    Path index = dir.resolve("plain");
    try (var d = FSDirectory.open(index);
        var w = new IndexWriter(d, new IndexWriterConfig())) {
      w.commit();
    }
    SchemaMismatchException e =
        assertThrows(SchemaMismatchException.class, () -> Searcher.open(index));
    assertTrue(
        e.getMessage().contains("holds a Lucene index that Parley did not write"), e.getMessage());
  }

  @Test
  void differentAnalysisOnAnExistingIndexIsRefused() throws IOException {
    Path index = dir.resolve("idx");
    Indexer.builder(index).build().close();
    var porter =
        new AnalysisConfig(
            AnalysisConfig.Stemmer.PORTER,
            AnalysisConfig.StopWords.ENGLISH,
            AnalysisConfig.Spelling.AMERICAN);
    SchemaMismatchException e =
        assertThrows(
            SchemaMismatchException.class,
            () -> Indexer.builder(index).withAnalysis(porter).build());
    assertTrue(e.getMessage().contains("index into a new directory"), e.getMessage());
  }

  @Test
  void secondWriterGetsALockedMessage() throws IOException {
    Path index = dir.resolve("idx");
    try (Indexer first = Indexer.builder(index).build()) {
      IOException e = assertThrows(IOException.class, () -> Indexer.builder(index).build());
      assertTrue(
          e.getMessage().startsWith("index " + index + " is locked by another process"),
          e.getMessage());
    }
  }

  @Test
  void missingIndexHasAClearMessage() {
    Path missing = dir.resolve("nothing");
    IOException e = assertThrows(IOException.class, () -> Searcher.open(missing));
    assertEquals(
        "no index at " + missing + ": create one with: parley index --input DIR --index " + missing,
        e.getMessage());
  }
}
