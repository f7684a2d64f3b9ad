package dev.parley.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.embed.DenseModel;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedding at index time: incremental runs embed only what changed; verify checks vectors. */
class EmbeddingIndexingTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve("in").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private long run(Path index, DenseModel model) throws IOException {
    Indexer.Builder b = Indexer.builder(index);
    if (model != null) {
      b.withEmbeddings(model);
    }
    try (Indexer indexer = b.build()) {
      IngestReport r = indexer.index(List.of(dir.resolve("in")));
      assertEquals(List.of(), r.rejected());
      return indexer.embeddedPassages();
    }
  }

  @Test
  void incrementalRunsEmbedOnlyNewAndChangedPassages() throws IOException {
    write("a.txt", "date 2020-01-01 Envoys met in Geneva.\n\nThey agreed to meet again.\n");
    write("b.txt", "date 2020-01-02 Sanctions on oil exports were lifted.\n");
    Path index = dir.resolve("index");
    assertEquals(3, run(index, DenseModel.E5_SMALL_V2));
    assertEquals(0, run(index, DenseModel.E5_SMALL_V2), "unchanged articles are skipped");
    write(
        "a.txt",
        "date 2020-01-01 Envoys met in Geneva.\n\nThey agreed to meet again in March.\n\nA third"
            + " paragraph.\n");
    assertEquals(2, run(index, null), "the index keeps its model; one passage is unchanged");
    Verification v = IndexVerifier.verify(index);
    assertTrue(v.sound(), v.problems().toString());
    assertEquals(4, v.passages());
  }

  @Test
  void verifyFindsAPassageWithoutAVector() throws IOException {
    write("a.txt", "date 2020-01-01 Envoys met in Geneva.\n");
    Path index = dir.resolve("index");
    run(index, DenseModel.E5_SMALL_V2);
    try (var d = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
      Map<String, String> data;
      try (DirectoryReader r = DirectoryReader.open(d)) {
        data = r.getIndexCommit().getUserData();
      }
      Document doc = new Document();
      doc.add(new StringField(Fields.KIND, Fields.KIND_PASSAGE, Field.Store.NO));
      doc.add(new StringField(Fields.PASSAGE_ID, "stray#0-0", Field.Store.YES));
      doc.add(new SortedDocValuesField(Fields.PASSAGE_ID, new BytesRef("stray#0-0")));
      doc.add(new StringField(Fields.ARTICLE_ID, "stray", Field.Store.YES));
      doc.add(new SortedDocValuesField(Fields.ARTICLE_ID, new BytesRef("stray")));
      w.addDocument(doc);
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
    Verification v = IndexVerifier.verify(index);
    assertFalse(v.sound());
    assertTrue(
        v.problems()
            .contains(
                "1 passages have no vector although the index embeds with e5-small-v2 (384"
                    + " dimensions, 1.11.0-beta19) (first: stray#0-0): re-index those articles"),
        v.problems().toString());
  }

  @Test
  void verifyFindsVectorsTheManifestDoesNotRecord() throws IOException {
    write("a.txt", "date 2020-01-01 Envoys met in Geneva.\n");
    Path index = dir.resolve("index");
    run(index, null);
    try (var d = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
      Map<String, String> data;
      try (DirectoryReader r = DirectoryReader.open(d)) {
        data = r.getIndexCommit().getUserData();
      }
      Document doc = new Document();
      float[] v = new float[384];
      v[0] = 1;
      doc.add(
          new org.apache.lucene.document.KnnFloatVectorField(
              Fields.VECTOR, v, Fields.VECTOR_SIMILARITY));
      w.addDocument(doc);
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
    assertTrue(
        IndexVerifier.verify(index)
            .problems()
            .contains(
                "1 documents have passage vectors but the manifest records no embedding model:"
                    + " re-index into a new directory"));
  }
}
