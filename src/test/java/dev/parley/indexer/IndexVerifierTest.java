package dev.parley.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.schema.Fields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link IndexVerifier} finds in sound and in damaged indexes. */
class IndexVerifierTest {
  @TempDir Path dir;

  private Path seedIndex() throws IOException {
    Path index = dir.resolve("idx");
    Files.writeString(dir.resolve("a.txt"), "date 2020-01-01 Alpha.\n\nSecond.\n\nThird.\n");
    Files.writeString(dir.resolve("b.txt"), "date 2020-01-02 Bravo.\n");
    try (Indexer indexer = Indexer.builder(index).build()) {
      indexer.index(List.of(dir.resolve("a.txt"), dir.resolve("b.txt")));
    }
    return index;
  }

  @Test
  void soundIndexHasNoProblems() throws IOException {
    Verification v = IndexVerifier.verify(seedIndex());
    assertEquals(List.of(), v.problems());
    assertTrue(v.sound());
    assertEquals(List.of(2L, 4L), List.of(v.articles(), v.passages()));
  }

  /** Commits changes made behind Parley's back, keeping the manifest of the last commit. */
  private static void tamper(Path index, TamperStep step) throws IOException {
    try (var d = FSDirectory.open(index)) {
      var data = DirectoryReader.listCommits(d).get(0).getUserData();
      try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
        step.apply(w);
        w.setLiveCommitData(data.entrySet());
        w.commit();
      }
    }
  }

  interface TamperStep {
    void apply(IndexWriter w) throws IOException;
  }

  private static Document passage(String articleId, String passageId) {
    Document doc = new Document();
    doc.add(new StringField(Fields.KIND, Fields.KIND_PASSAGE, Field.Store.NO));
    doc.add(new StringField(Fields.ARTICLE_ID, articleId, Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.ARTICLE_ID, new BytesRef(articleId)));
    doc.add(new StringField(Fields.PASSAGE_ID, passageId, Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.PASSAGE_ID, new BytesRef(passageId)));
    return doc;
  }

  @Test
  void reportsCountsHalfArticlesOrphansAndDuplicates() throws IOException {
    Path index = seedIndex();
    tamper(
        index,
        w -> {
          w.deleteDocuments(new Term(Fields.PASSAGE_ID, "a#1-1"));
          w.addDocument(passage("b", "b#0-0"));
          w.addDocument(passage("ghost", "ghost#0-0"));
        });
    Verification v = IndexVerifier.verify(index);
    assertEquals(
        List.of(
            "the last commit's manifest records 4 passages, the index holds 5",
            "article a: its record says 3 passages, the index holds 2",
            "article b: its record says 1 passages, the index holds 2",
            "article ghost: 1 passages without an article record",
            "passage b#0-0: 2 copies, expected 1"),
        v.problems());
  }

  @Test
  void damagedCommitIsReportedNotThrown() throws IOException {
    Path index = seedIndex();
    Files.writeString(index.resolve("segments_zz_not_a_segment"), "garbage\n");
    try (var files = Files.list(index)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".si")).toList()) {
        Files.delete(f);
      }
    }
    Verification v = IndexVerifier.verify(index);
    assertEquals(
        "file segments_zz_not_a_segment is named like a commit (segments_N) but is not one: Lucene"
            + " cannot open the index while it is there",
        v.problems().get(0));
    assertEquals(-1, v.articles());
    Files.delete(index.resolve("segments_zz_not_a_segment"));
    Verification missingSi = IndexVerifier.verify(index);
    assertTrue(
        missingSi.problems().get(0).startsWith("Lucene CheckIndex cannot read the last commit"),
        missingSi.problems().get(0));
    assertTrue(
        missingSi.problems().stream().anyMatch(p -> p.contains("NoSuchFileException")),
        missingSi.problems().toString());
  }

  @Test
  void missingIndexAndLockedIndexAreErrors() throws IOException {
    Path none = dir.resolve("none");
    IndexNotFoundException e =
        assertThrows(IndexNotFoundException.class, () -> IndexVerifier.verify(none));
    assertEquals(
        "no index at " + none + ": create one with: parley index --input DIR --index " + none,
        e.getMessage());
    Path index = seedIndex();
    try (Indexer running = Indexer.builder(index).build()) {
      IOException locked = assertThrows(IOException.class, () -> IndexVerifier.verify(index));
      assertEquals(
          "index "
              + index
              + " is locked by another process (an indexer is running?): verify it when that has"
              + " finished",
          locked.getMessage());
    }
  }
}
