package dev.parley.query.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * {@link RecyclingLeafReader} hands out the same postings, document by document, as a plain reader,
 * reusing one document's enumerators for the next: pinned on a fixed index (which objects come
 * back, and what they read) and on random indexes and request sequences (printed seed).
 */
class RecyclingLeafReaderTest {
  private static final FieldType WITH_OFFSETS = new FieldType();

  static {
    WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    WITH_OFFSETS.setTokenized(true);
    WITH_OFFSETS.freeze();
  }

  @Test
  void theEnumeratorsOfOneDocumentServeTheNext() throws IOException {
    try (Directory dir = index(List.of("talks on talks", "no match here", "korea talks"));
        DirectoryReader reader = DirectoryReader.open(dir)) {
      RecyclingLeafReader recycling = new RecyclingLeafReader(reader.leaves().get(0).reader());
      PostingsEnum first = postings(recycling, "talks", PostingsEnum.OFFSETS);
      PostingsEnum second = postings(recycling, "korea", PostingsEnum.OFFSETS);
      assertNotSame(first, second, "two enumerators in use at once in one document");
      assertEquals("0:2[0-5,9-14]", read(first, 0));
      recycling.nextDocument();
      PostingsEnum again = postings(recycling, "korea", PostingsEnum.OFFSETS);
      assertSame(first, again, "the previous document's first enumerator, reset for korea");
      assertEquals("2:1[0-5]", read(again, 2));
      // Another kind of postings (positions only) has its own enumerators.
      PostingsEnum positions = postings(recycling, "talks", PostingsEnum.POSITIONS);
      assertNotSame(first, positions);
      assertEquals("2:1[@1]", read(positions, 2, PostingsEnum.POSITIONS));
    }
  }

  @Test
  void randomRequestsReadWhatAPlainReaderReads() throws IOException {
    long seed = System.nanoTime();
    System.out.println("RecyclingLeafReaderTest seed " + seed);
    Random random = new Random(seed);
    String[] vocabulary = {"a", "b", "c", "d", "e", "f"};
    for (int round = 0; round < 20; round++) {
      List<String> docs = new ArrayList<>();
      for (int d = 0, n = 1 + random.nextInt(300); d < n; d++) {
        StringBuilder text = new StringBuilder();
        for (int w = 0, words = random.nextInt(12); w < words; w++) {
          text.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
        }
        docs.add(text.toString());
      }
      try (Directory dir = index(docs);
          DirectoryReader reader = DirectoryReader.open(dir)) {
        LeafReader plain = reader.leaves().get(0).reader();
        RecyclingLeafReader recycling = new RecyclingLeafReader(plain);
        for (int step = 0; step < 200; step++) {
          recycling.nextDocument();
          int doc = random.nextInt(docs.size());
          for (int r = 0, requests = random.nextInt(8); r < requests; r++) {
            String term = vocabulary[random.nextInt(vocabulary.length)];
            int flags = random.nextBoolean() ? PostingsEnum.OFFSETS : PostingsEnum.POSITIONS;
            PostingsEnum fresh = postings(plain, term, flags);
            PostingsEnum recycled = postings(recycling, term, flags);
            String where = "seed " + seed + ", round " + round + ", doc " + doc + ", " + term;
            if (fresh == null || recycled == null) {
              assertSame(fresh, recycled, where);
              continue;
            }
            assertEquals(read(fresh, doc, flags), read(recycled, doc, flags), where);
          }
        }
      }
    }
  }

  private static Directory index(List<String> texts) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (String text : texts) {
        Document d = new Document();
        d.add(new Field("text", text, WITH_OFFSETS));
        w.addDocument(d);
      }
      w.forceMerge(1);
    }
    return dir;
  }

  private static PostingsEnum postings(LeafReader reader, String term, int flags)
      throws IOException {
    TermsEnum te = reader.terms("text").iterator();
    return te.seekExact(new BytesRef(term)) ? te.postings(null, flags) : null;
  }

  /**
   * "doc:freq[start-end,...]" at the first document from {@code doc} on, or "end"; positions
   * instead of offsets when only positions were asked for (offsets are then undefined).
   */
  private static String read(PostingsEnum postings, int doc) throws IOException {
    return read(postings, doc, PostingsEnum.OFFSETS);
  }

  private static String read(PostingsEnum postings, int doc, int flags) throws IOException {
    int at = postings.advance(doc);
    if (at == DocIdSetIterator.NO_MORE_DOCS) {
      return "end";
    }
    StringBuilder s =
        new StringBuilder().append(at).append(':').append(postings.freq()).append('[');
    for (int i = 0; i < postings.freq(); i++) {
      int position = postings.nextPosition();
      s.append(i == 0 ? "" : ",");
      if (PostingsEnum.featureRequested(flags, PostingsEnum.OFFSETS)) {
        s.append(postings.startOffset()).append('-').append(postings.endOffset());
      } else {
        s.append('@').append(position);
      }
    }
    return s.append(']').toString();
  }
}
