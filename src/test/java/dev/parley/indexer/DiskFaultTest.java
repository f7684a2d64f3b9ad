package dev.parley.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.schema.IndexManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.tests.store.MockDirectoryWrapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk faults, injected with Lucene's {@link MockDirectoryWrapper}: a full disk and random I/O
 * errors make indexing fail with one clear message, and the last commit stays intact and
 * searchable.
 */
class DiskFaultTest {
  @TempDir Path dir;
  Path index;
  long seed;

  @BeforeEach
  void setUp() throws IOException {
    seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println("DiskFaultTest: -Dparley.seed=" + seed);
    index = dir.resolve("idx");
    write("first", 0, 30);
    write("second", 30, 230);
    try (Indexer indexer = Indexer.builder(index).build()) {
      assertEquals(30, indexer.index(List.of(dir.resolve("first"))).articles());
    }
  }

  private void write(String folder, int from, int to) throws IOException {
    Files.createDirectories(dir.resolve(folder));
    for (int i = from; i < to; i++) {
      Files.writeString(
          dir.resolve(folder).resolve(String.format("art%04d.txt", i)),
          "date 2020-01-01 Summit talks number "
              + i
              + " went on.\n\nDiplomats met again about sanctions.\n");
    }
  }

  private MockDirectoryWrapper faulty(Directory fs) {
    MockDirectoryWrapper mock = new MockDirectoryWrapper(new Random(seed), fs);
    mock.setThrottling(MockDirectoryWrapper.Throttling.NEVER);
    mock.setUseSlowOpenClosers(false);
    // A failed run leaves files of the aborted segments for the next writer to delete.
    mock.setAssertNoUnrefencedFilesOnClose(false);
    mock.setCheckIndexOnClose(false);
    return mock;
  }

  /** The index on disk is sound, its manifest matches, and it answers a search. */
  private long assertLastCommitIntact() throws IOException {
    Verification v = IndexVerifier.verify(index);
    assertEquals(List.of(), v.problems());
    long committed;
    try (var fs = FSDirectory.open(index)) {
      committed = IndexManifest.read(fs, index).articles();
    }
    assertEquals(committed, v.articles());
    try (Searcher searcher = Searcher.open(index)) {
      assertEquals(committed, searcher.stats().articles());
      // Two passages per article: the first says "Summit", the second matches through the lead.
      assertEquals(2 * committed, searcher.search(SearchRequest.of("summit")).totalHits());
    }
    return committed;
  }

  private void finishWithoutFaults() throws IOException {
    try (Indexer indexer = Indexer.builder(index).build()) {
      IngestReport report = indexer.index(List.of(dir.resolve("first"), dir.resolve("second")));
      assertEquals(230, report.articles() + report.unchanged());
    }
    assertEquals(230, assertLastCommitIntact());
  }

  @Test
  void fullDiskFailsTheRunWithAClearErrorAndKeepsTheLastCommit() throws IOException {
    try (Directory fs = FSDirectory.open(index)) {
      MockDirectoryWrapper mock = faulty(fs);
      mock.setMaxSizeInBytes(mock.sizeInBytes() + 40_000);
      Indexer indexer = Indexer.builder(index).withDirectory(mock).withCommitEvery(10).build();
      IOException e =
          assertThrows(IOException.class, () -> indexer.index(List.of(dir.resolve("second"))));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "indexing into "
                      + index
                      + " failed, the index keeps its last commit: fake disk"
                      + " full at "),
          e.getMessage());
      System.out.println("DiskFaultTest: " + e.getMessage());
      IllegalStateException closed =
          assertThrows(IllegalStateException.class, () -> indexer.commit());
      assertEquals(
          "indexer over " + index + " was closed after a failed write: " + e.getMessage(),
          closed.getMessage());
      indexer.close();
      mock.close();
    }
    assertTrue(assertLastCommitIntact() >= 30);
    finishWithoutFaults();
  }

  @Test
  void randomIoErrorsFailTheRunWithAClearErrorAndKeepTheLastCommit() throws IOException {
    List<String> failures = new ArrayList<>();
    for (int attempt = 0; attempt < 3; attempt++) {
      try (Directory fs = FSDirectory.open(index)) {
        MockDirectoryWrapper mock = faulty(fs);
        Indexer indexer = Indexer.builder(index).withDirectory(mock).withCommitEvery(10).build();
        mock.setRandomIOExceptionRate(0.02);
        mock.setRandomIOExceptionRateOnOpen(0.02);
        try {
          indexer.index(List.of(dir.resolve("second")));
        } catch (IOException e) {
          assertTrue(
              e.getMessage()
                  .startsWith(
                      "indexing into " + index + " failed, the index keeps its last commit: "),
              e.getMessage());
          failures.add(e.getMessage());
        }
        mock.setRandomIOExceptionRate(0);
        mock.setRandomIOExceptionRateOnOpen(0);
        indexer.close();
        mock.close();
      }
      assertLastCommitIntact();
      seed++;
    }
    failures.forEach(f -> System.out.println("DiskFaultTest: " + f));
    assertTrue(failures.size() >= 1, "random I/O errors never hit: " + failures);
    finishWithoutFaults();
  }
}
