package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Indexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knobs change how the index is laid out in segments, never what it holds: every merge policy,
 * commit interval and final merge gives the same documents ({@link IndexDigest}).
 */
class IndexKnobsTest {
  @TempDir Path dir;

  @Test
  void policiesByName() {
    assertNull(IndexKnobs.policy("tiered"), "today's: Lucene's default, not set");
    TieredMergePolicy t = assertInstanceOf(TieredMergePolicy.class, IndexKnobs.policy("tiered:4"));
    assertEquals(4, t.getSegmentsPerTier());
    assertEquals(4, t.getMaxMergeAtOnce());
    assertInstanceOf(LogByteSizeMergePolicy.class, IndexKnobs.policy("logbyte"));
    LogByteSizeMergePolicy l =
        assertInstanceOf(LogByteSizeMergePolicy.class, IndexKnobs.policy("logbyte:3"));
    assertEquals(3, l.getMergeFactor());
    assertThrows(IllegalArgumentException.class, () -> IndexKnobs.policy("mystery"));
    assertEquals(12.5, IndexKnobs.cpuOf("articles=3 passages=9 segments=1 cpu=12.500\n"));
    assertTrue(Double.isNaN(IndexKnobs.cpuOf("articles=3")));
    assertEquals("today", IndexKnobs.VARIANTS.get(0).name());
    assertEquals(Indexer.DEFAULT_COMMIT_EVERY, IndexKnobs.VARIANTS.get(0).commitEvery());
  }

  @Test
  void everyKnobGivesTheSameDocuments() throws IOException {
    Path input = Files.createDirectories(dir.resolve("in"));
    for (int i = 0; i < 7; i++) {
      Files.writeString(
          input.resolve("a" + i + ".txt"),
          "date 2019-03-0"
              + (i + 1)
              + " Talks number "
              + i
              + " between the United States and North Korea ended in Hanoi.\n\n"
              + "Sanctions stay, officials said on day "
              + i
              + ".\n");
    }
    record Knob(String name, int commitEvery, MergePolicy policy, boolean merge, int segments) {}
    List<Knob> knobs =
        List.of(
            new Knob("today", Indexer.DEFAULT_COMMIT_EVERY, null, true, 1),
            new Knob("commit2-nomerge", 2, null, false, -1),
            new Knob("commit2-logbyte", 2, new LogByteSizeMergePolicy(), true, 1),
            new Knob("commit1-tiered2", 1, IndexKnobs.policy("tiered:2"), false, -1));
    Map<String, Long> reference = null;
    for (Knob k : knobs) {
      Path index = dir.resolve(k.name());
      Indexer.Builder b =
          Indexer.builder(index)
              .withThreads(1)
              .withCommitEvery(k.commitEvery())
              .withMergeAfterRun(k.merge());
      if (k.policy() != null) {
        b.withMergePolicy(k.policy());
      }
      try (Indexer indexer = b.build()) {
        indexer.index(List.of(input));
      }
      try (FSDirectory d = FSDirectory.open(index);
          DirectoryReader r = DirectoryReader.open(d)) {
        if (k.segments() > 0) {
          assertEquals(k.segments(), r.leaves().size(), k.name());
        } else if (k.name().equals("commit2-nomerge")) {
          assertTrue(r.leaves().size() > 1, k.name() + ": commits every 2 articles, no merge");
        }
        Map<String, Long> digest = IndexDigest.of(d);
        if (reference == null) {
          reference = digest;
        } else {
          assertEquals(List.of(), IndexDigest.differences(reference, digest), k.name());
        }
      }
    }
  }
}
