package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Article;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.Paragraph;
import dev.parley.query.result.Hit;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersIndexInput;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.RandomAccessInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The searcher's directory reads small files into the heap and leaves big ones to the file system
 * directory, and both read the same bytes; an index read through it searches exactly as before.
 */
class SmallFilesOnHeapDirectoryTest {
  @TempDir Path dir;

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static void write(FSDirectory fs, String name, byte[] content) throws IOException {
    try (IndexOutput out = fs.createOutput(name, IOContext.DEFAULT)) {
      out.writeBytes(content, content.length);
    }
  }

  @Test
  void smallFilesComeFromTheHeapAndBigOnesFromTheFileSystem() throws IOException {
    Random random = new Random(7);
    int limit = (int) SmallFilesOnHeapDirectory.SMALL_FILE_BYTES;
    try (FSDirectory fs = FSDirectory.open(dir)) {
      write(fs, "empty", new byte[0]);
      write(fs, "small", bytes(random, 300));
      write(fs, "limit", bytes(random, limit));
      write(fs, "big", bytes(random, limit + 1));
    }
    try (SmallFilesOnHeapDirectory d = SmallFilesOnHeapDirectory.open(dir)) {
      for (String name : List.of("empty", "small", "limit")) {
        try (IndexInput in = d.openInput(name, IOContext.READONCE)) {
          assertInstanceOf(ByteBuffersIndexInput.class, in, name);
        }
      }
      try (IndexInput in = d.openInput("big", IOContext.DEFAULT)) {
        assertFalse(in instanceof ByteBuffersIndexInput, "a big file is not copied to the heap");
        assertEquals(limit + 1L, in.length());
      }
    }
  }

  @Test
  void aMissingFileIsNoSuchFileAsLuceneExpects() throws IOException {
    try (SmallFilesOnHeapDirectory d = SmallFilesOnHeapDirectory.open(dir)) {
      assertThrows(NoSuchFileException.class, () -> d.openInput("segments_7", IOContext.READONCE));
    }
  }

  /**
   * Property: for random files below, at and above the limit, every way Lucene reads an input
   * (sequential bytes, little-endian numbers, seeks, slices, random access, clones) gives the same
   * values through this directory as through the file system directory.
   */
  @Test
  void readsTheSameBytesAsTheFileSystemDirectory() throws IOException {
    long seed = Long.getLong("parley.seed", System.nanoTime());
    System.out.println("SmallFilesOnHeapDirectoryTest: -Dparley.seed=" + seed);
    Random random = new Random(seed);
    int limit = (int) SmallFilesOnHeapDirectory.SMALL_FILE_BYTES;
    List<String> names = new ArrayList<>();
    try (FSDirectory fs = FSDirectory.open(dir)) {
      for (int i = 0; i < 12; i++) {
        int size =
            switch (i % 4) {
              case 0 -> random.nextInt(64);
              case 1 -> random.nextInt(200_000);
              case 2 -> limit - random.nextInt(4);
              default -> limit + 1 + random.nextInt(4096);
            };
        String name = "f" + i;
        write(fs, name, bytes(random, size));
        names.add(name);
      }
      try (SmallFilesOnHeapDirectory d = SmallFilesOnHeapDirectory.open(dir)) {
        for (String name : names) {
          try (IndexInput a = fs.openInput(name, IOContext.DEFAULT);
              IndexInput b = d.openInput(name, IOContext.DEFAULT)) {
            sameReads(random, a, b, name + " seed " + seed);
          }
        }
      }
    }
  }

  private static void sameReads(Random random, IndexInput a, IndexInput b, String what)
      throws IOException {
    long length = a.length();
    assertEquals(length, b.length(), what);
    byte[] all = new byte[(int) length];
    byte[] got = new byte[(int) length];
    a.readBytes(all, 0, all.length);
    b.readBytes(got, 0, got.length);
    assertArrayEquals(all, got, what);
    for (int i = 0; i < 50 && length >= 8; i++) {
      long at = random.nextLong(length - 7);
      a.seek(at);
      b.seek(at);
      assertEquals(a.readLong(), b.readLong(), what + " long at " + at);
      long from = random.nextLong(length - 7);
      long n = 8 + random.nextLong(length - from - 7);
      IndexInput sa = a.slice("s", from, n);
      IndexInput sb = b.slice("s", from, n);
      assertEquals(sa.readInt(), sb.readInt(), what + " slice int at " + from);
      IndexInput cb = sb.clone();
      assertEquals(sa.readByte(), cb.readByte(), what + " clone");
      RandomAccessInput ra = a.randomAccessSlice(0, length);
      RandomAccessInput rb = b.randomAccessSlice(0, length);
      long p = random.nextLong(length - 7);
      assertEquals(ra.readLong(p), rb.readLong(p), what + " random access at " + p);
      assertEquals(ra.readShort(p), rb.readShort(p), what + " random access at " + p);
    }
  }

  private static Article article(String id, String text) {
    return new Article(
        id,
        LocalDate.of(2021, 3, 1),
        "Title " + id,
        List.of(new Paragraph(0, text, Paragraph.Kind.BODY)),
        "test");
  }

  /**
   * An index of many small committed segments (every one under the limit, so each is read from the
   * heap) is clean for CheckIndex through this directory, and a searcher over it finds what it
   * should, before and after more commits that delete and merge.
   */
  @Test
  void anIndexOfSmallSegmentsSearchesAndChecksCleanThroughIt() throws Exception {
    Path index = dir.resolve("idx");
    try (Indexer indexer = Indexer.builder(index).build()) {
      for (int i = 0; i < 12; i++) {
        indexer.add(article("a" + i, "Envoys from Oslo discussed sanctions, round " + i + "."));
        indexer.add(article("b" + i, "The harvest in Kansas was late, year " + i + "."));
        indexer.commit();
      }
    }
    try (SmallFilesOnHeapDirectory d = SmallFilesOnHeapDirectory.open(index);
        CheckIndex check = new CheckIndex(d)) {
      assertTrue(check.checkIndex().clean, "CheckIndex through the heap directory");
      try (DirectoryReader reader = DirectoryReader.open(d)) {
        assertTrue(reader.leaves().size() > 1, "several small segments");
      }
    }
    try (Searcher searcher = Searcher.open(index);
        Indexer indexer = Indexer.builder(index).build()) {
      assertEquals(12, articleIds(searcher, "sanctions Oslo").size());
      for (int i = 0; i < 12; i += 2) {
        indexer.delete("a" + i);
        indexer.commit();
      }
      indexer.add(article("c0", "Sanctions on Oslo's shipping were lifted."));
      indexer.commit();
      List<String> ids = articleIds(searcher, "sanctions Oslo");
      assertEquals(7, ids.size(), ids.toString());
      assertTrue(ids.contains("c0"), ids.toString());
      assertFalse(ids.contains("a0"), ids.toString());
      assertEquals(12, articleIds(searcher, "harvest Kansas").size());
    }
  }

  private static List<String> articleIds(Searcher searcher, String query) throws IOException {
    return searcher
        .search(SearchRequest.builder(query).withK(50).withPerArticle(0).build())
        .hits()
        .stream()
        .map(Hit::articleId)
        .sorted()
        .toList();
  }
}
