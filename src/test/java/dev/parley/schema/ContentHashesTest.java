package dev.parley.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parley.indexer.Article;
import dev.parley.indexer.Paragraph;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The content hash is stored as its 32 bytes and read back as the same 64 hex digits. */
class ContentHashesTest {
  @Test
  void anArticlesHashIsStoredInThirtyTwoBytes() {
    Article a =
        new Article(
            "a1",
            LocalDate.of(1987, 3, 2),
            "Title",
            List.of(new Paragraph(0, "Envoys met in Geneva.", Paragraph.Kind.BODY)),
            "test");
    BytesRef stored = ContentHashes.toBytes(a.contentHash());
    assertEquals(32, stored.length);
    assertEquals(a.contentHash(), ContentHashes.toHex(stored));
    assertEquals(
        "00ff10ab",
        ContentHashes.toHex(
            new BytesRef(new byte[] {9, 0, (byte) 0xff, 0x10, (byte) 0xab, 9}, 1, 4)));
    assertNull(ContentHashes.toHex(null));
  }

  @Test
  void randomHashesRoundTrip() {
    long seed = System.nanoTime();
    System.out.println("ContentHashesTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 5_000; i++) {
      byte[] digest = new byte[32];
      random.nextBytes(digest);
      String hex = HexFormat.of().formatHex(digest);
      assertEquals(hex, ContentHashes.toHex(ContentHashes.toBytes(hex)), "seed " + seed);
    }
  }
}
