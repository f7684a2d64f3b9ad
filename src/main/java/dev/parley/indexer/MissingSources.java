package dev.parley.indexer;

import dev.parley.indexer.ingest.InputFiles;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * Finds the indexed articles that {@link Indexer.Prune#MISSING_SOURCES} removes: those whose source
 * file lay under one of a run's inputs, that input still exists, the file does not, and the run did
 * not read the article's id from elsewhere.
 *
 * <p>Stateless; safe to call from any thread.
 */
final class MissingSources {
  private MissingSources() {}

  /** Deletes one article by id (not committed). */
  @FunctionalInterface
  interface Deletion {
    void delete(String articleId) throws IOException;
  }

  /**
   * Deletes the articles of {@code snapshot} whose source is missing.
   *
   * @param seen the article ids the run read
   * @return how many were deleted
   */
  static int prune(DirectoryReader snapshot, List<Path> inputs, Set<String> seen, Deletion deletion)
      throws IOException {
    List<Path> roots =
        inputs.stream().filter(Files::exists).map(p -> p.toAbsolutePath().normalize()).toList();
    int pruned = 0;
    Set<String> wanted = Set.of(Fields.ARTICLE_ID, Fields.SOURCE);
    for (LeafReaderContext leaf : snapshot.leaves()) {
      PostingsEnum records = leaf.reader().postings(new Term(Fields.KIND, Fields.KIND_ARTICLE));
      if (records == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      for (int doc = records.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = records.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        Document record = stored.document(doc, wanted);
        String id = record.get(Fields.ARTICLE_ID);
        String source = record.get(Fields.SOURCE);
        if (id == null || source == null || seen.contains(id)) {
          continue;
        }
        Path file;
        try {
          file = InputFiles.sourceFile(source).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
          continue; // added through the API with a source that names no file: never pruned
        }
        if (roots.stream().anyMatch(file::startsWith) && Files.notExists(file)) {
          deletion.delete(id);
          pruned++;
        }
      }
    }
    return pruned;
  }
}
