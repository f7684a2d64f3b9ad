package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.IndexVerifier;
import dev.parley.indexer.Indexer;
import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both front doors over a Lucene directory the caller owns, here one in memory. */
class InMemoryIndexTest {
  @TempDir Path dir;

  @Test
  void indexerSearcherAndVerifierWorkOnAGivenDirectoryAndLeaveItOpen() throws IOException {
    Path name = Path.of("in-memory");
    try (Directory memory = new ByteBuffersDirectory()) {
      try (Indexer indexer = Indexer.builder(name).withDirectory(memory).build()) {
        assertEquals(1, indexer.index(List.of(Path.of("seeds"))).articles());
      }
      try (Searcher searcher = Searcher.builder(name).withDirectory(memory).build()) {
        assertEquals(20, searcher.stats().passages());
        // "banquet" is in #19's text and in the heading "Birthday banquet", which is the context
        // of the five passages under it (#16 to #20): five matches, as from a directory on disk
        // (two of them listed, the default per-article limit).
        assertEquals(5, searcher.search(SearchRequest.of("banquet")).matchingPassages());
      }
      assertTrue(IndexVerifier.verify(memory, name).sound());
      assertTrue(memory.listAll().length > 0, "the caller's directory stays open");
    }
    assertTrue(Files.notExists(name), "nothing was written to the path, which only names it");
  }

  @Test
  void aStrayCommitFileIsAClearErrorForTheIndexer() throws IOException {
    Path index = dir.resolve("idx");
    Indexer.builder(index).build().close();
    Files.writeString(index.resolve("segments_zz_not_a_segment"), "garbage\n");
    IOException e = assertThrows(IOException.class, () -> Indexer.builder(index).build());
    assertTrue(
        e.getMessage()
            .endsWith(
                "): run parley verify --index "
                    + index
                    + " for a full report, then re-index into a new directory"),
        e.getMessage());
  }
}
