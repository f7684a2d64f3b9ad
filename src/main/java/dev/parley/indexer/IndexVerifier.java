package dev.parley.indexer;

import dev.parley.schema.Fields;
import dev.parley.schema.IndexManifest;
import dev.parley.schema.SchemaMismatchException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Checks that an index is sound: Lucene's {@link CheckIndex} (structure and checksums of every
 * segment), then Parley's own contract:
 *
 * <ul>
 *   <li>the manifest of the last commit records the live numbers of articles and passages;
 *   <li>every article has exactly one article record, whose {@code passage_count} equals its live
 *       passages (so no article is half-indexed);
 *   <li>no passage lacks an article record;
 *   <li>no passage id occurs twice;
 *   <li>when the manifest records an embedding model, every passage has a unit vector of its
 *       dimension (and without one, no document has a vector).
 * </ul>
 *
 * It reads the index without changing it, in memory proportional to one bit per document. Like
 * {@code CheckIndex}, it takes the index's write lock while it runs.
 *
 * <p>Thread safety: stateless.
 */
public final class IndexVerifier {
  private IndexVerifier() {}

  /** Most problems listed one by one; past that, one line says how many more there were. */
  public static final int MAX_PROBLEMS = 1000;

  /**
   * Verifies the index at {@code indexDir}.
   *
   * @throws IndexNotFoundException if there is no index there at all
   * @throws IOException if the index is locked by a running indexer, or on a read error outside the
   *     index files
   */
  public static Verification verify(Path indexDir) throws IOException {
    if (!Files.isDirectory(indexDir)) {
      throw notFound(indexDir);
    }
    try (Directory directory = FSDirectory.open(indexDir)) {
      return verify(directory, indexDir);
    }
  }

  /**
   * Verifies the index in {@code directory}; {@code where} names it in messages. Damage found in
   * the index files is reported as problems, never thrown.
   *
   * @throws IndexNotFoundException if the directory holds no index files at all
   * @throws IOException if the index is locked by a running indexer
   */
  public static Verification verify(Directory directory, Path where) throws IOException {
    Problems problems = new Problems();
    boolean anyCommit = false;
    for (String file : directory.listAll()) {
      if (file.startsWith(IndexFileNames.SEGMENTS)) {
        anyCommit = true;
        try {
          SegmentInfos.generationFromSegmentsFileName(file);
        } catch (NumberFormatException e) {
          problems.add(
              "file "
                  + file
                  + " is named like a commit (segments_N) but is not one: Lucene cannot open the"
                  + " index while it is there");
        }
      }
    }
    if (!anyCommit) {
      throw notFound(where);
    }
    checkIndex(directory, where, problems);
    long articles = -1;
    long passages = -1;
    DirectoryReader reader;
    try {
      reader = DirectoryReader.open(directory);
    } catch (IOException | RuntimeException e) {
      problems.add("cannot open the index: " + message(e));
      return problems.result(where, articles, passages);
    }
    try (reader) {
      IndexManifest manifest = null;
      try {
        manifest = IndexManifest.fromUserData(reader.getIndexCommit().getUserData(), where);
      } catch (SchemaMismatchException e) {
        problems.add(e.getMessage());
      }
      Bits live = MultiBits.getLiveDocs(reader);
      FixedBitSet records = docsWith(reader, Fields.KIND, Fields.KIND_ARTICLE, live);
      FixedBitSet passageDocs = docsWith(reader, Fields.KIND, Fields.KIND_PASSAGE, live);
      articles = records.cardinality();
      passages = passageDocs.cardinality();
      if (manifest != null) {
        if (manifest.articles() != articles) {
          problems.add(
              "the last commit's manifest records "
                  + manifest.articles()
                  + " articles, the index holds "
                  + articles);
        }
        if (manifest.passages() != passages) {
          problems.add(
              "the last commit's manifest records "
                  + manifest.passages()
                  + " passages, the index holds "
                  + passages);
        }
      }
      checkArticles(reader, live, records, problems);
      checkPassageIds(reader, live, problems);
      if (manifest != null) {
        VectorCheck.check(reader, live, passageDocs, manifest.dense(), problems::add);
      }
    } catch (IOException | RuntimeException e) {
      problems.add("cannot read the index: " + message(e));
    }
    return problems.result(where, articles, passages);
  }

  private static IndexNotFoundException notFound(Path where) {
    return new IndexNotFoundException(
        "no index at " + where + ": create one with: parley index --input DIR --index " + where);
  }

  /** Runs Lucene's CheckIndex and turns what it reports into problem lines. */
  private static void checkIndex(Directory directory, Path where, Problems problems)
      throws IOException {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (CheckIndex checker = new CheckIndex(directory)) {
      checker.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8), false);
      CheckIndex.Status status = checker.checkIndex();
      if (status.clean) {
        return;
      }
      if (status.missingSegments) {
        problems.add(
            "Lucene CheckIndex cannot read the last commit"
                + (status.segmentsFileName == null ? "" : " (" + status.segmentsFileName + ")")
                + ": "
                + firstError(log));
      }
      if (status.toolOutOfDate) {
        problems.add("Lucene CheckIndex: the index was written by a newer Lucene");
      }
      for (CheckIndex.Status.SegmentInfoStatus segment : status.segmentInfos) {
        if (segment.error != null) {
          problems.add(
              "Lucene CheckIndex: segment "
                  + segment.name
                  + " ("
                  + segment.maxDoc
                  + " documents) is broken: "
                  + message(segment.error));
        }
      }
      if (problems.isEmpty()) {
        problems.add("Lucene CheckIndex reports the index is not clean: " + firstError(log));
      }
    } catch (LockObtainFailedException e) {
      throw new IOException(
          "index "
              + where
              + " is locked by another process (an indexer is running?): verify it when that"
              + " has finished",
          e);
    } catch (IOException | RuntimeException e) {
      problems.add("Lucene CheckIndex failed: " + message(e));
    }
  }

  /** The first line of CheckIndex's log that reports an error, for the problem line. */
  private static String firstError(ByteArrayOutputStream log) {
    return log.toString(StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .filter(l -> l.startsWith("ERROR") || l.startsWith("FAILED") || l.contains("Exception"))
        .findFirst()
        .orElse("see 'java -cp parley.jar org.apache.lucene.index.CheckIndex DIR'");
  }

  /** The live documents with {@code field:value}, as a bit set over the whole index. */
  private static FixedBitSet docsWith(DirectoryReader reader, String field, String value, Bits live)
      throws IOException {
    FixedBitSet docs = new FixedBitSet(Math.max(1, reader.maxDoc()));
    PostingsEnum postings =
        MultiTerms.getTermPostingsEnum(reader, field, new BytesRef(value), PostingsEnum.NONE);
    if (postings != null) {
      for (int doc = postings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          docs.set(doc);
        }
      }
    }
    return docs;
  }

  /** Each article id: one record, whose passage count equals its live passages. */
  private static void checkArticles(
      DirectoryReader reader, Bits live, FixedBitSet records, Problems problems)
      throws IOException {
    Terms ids = MultiTerms.getTerms(reader, Fields.ARTICLE_ID);
    if (ids == null) {
      return;
    }
    TermsEnum terms = ids.iterator();
    PostingsEnum postings = null;
    for (BytesRef term = terms.next(); term != null; term = terms.next()) {
      postings = terms.postings(postings, PostingsEnum.NONE);
      int recordCount = 0;
      int record = -1;
      int passageCount = 0;
      for (int doc = postings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        if (records.get(doc)) {
          recordCount++;
          record = doc;
        } else {
          passageCount++;
        }
      }
      String id = term.utf8ToString();
      if (recordCount == 0 && passageCount > 0) {
        problems.add("article " + id + ": " + passageCount + " passages without an article record");
      } else if (recordCount > 1) {
        problems.add("article " + id + ": " + recordCount + " article records, expected 1");
      } else if (recordCount == 1) {
        Document doc = reader.storedFields().document(record, Set.of(Fields.PASSAGE_COUNT));
        var stored = doc.getField(Fields.PASSAGE_COUNT);
        if (stored == null) {
          problems.add("article " + id + ": its record has no " + Fields.PASSAGE_COUNT);
        } else if (stored.numericValue().intValue() != passageCount) {
          problems.add(
              "article "
                  + id
                  + ": its record says "
                  + stored.numericValue().intValue()
                  + " passages, the index holds "
                  + passageCount);
        }
      }
    }
  }

  /** No passage id on more than one live document. */
  private static void checkPassageIds(DirectoryReader reader, Bits live, Problems problems)
      throws IOException {
    Terms ids = MultiTerms.getTerms(reader, Fields.PASSAGE_ID);
    if (ids == null) {
      return;
    }
    TermsEnum terms = ids.iterator();
    PostingsEnum postings = null;
    for (BytesRef term = terms.next(); term != null; term = terms.next()) {
      postings = terms.postings(postings, PostingsEnum.NONE);
      int copies = 0;
      for (int doc = postings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          copies++;
        }
      }
      if (copies > 1) {
        problems.add("passage " + term.utf8ToString() + ": " + copies + " copies, expected 1");
      }
    }
  }

  /** The exception's class and message, and its root cause's when there is another. */
  private static String message(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = describe(e);
    return root == e ? text : text + " (caused by " + describe(root) + ")";
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + m;
  }

  /** Problem lines, listed up to {@link #MAX_PROBLEMS}, then counted. */
  private static final class Problems {
    final List<String> lines = new ArrayList<>();
    int more;

    void add(String line) {
      if (lines.size() < MAX_PROBLEMS) {
        lines.add(line);
      } else {
        more++;
      }
    }

    boolean isEmpty() {
      return lines.isEmpty();
    }

    Verification result(Path where, long articles, long passages) {
      List<String> all = new ArrayList<>(lines);
      if (more > 0) {
        all.add("... and " + more + " more problems");
      }
      return new Verification(where, articles, passages, all);
    }
  }
}
