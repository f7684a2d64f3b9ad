package dev.parley.bench;

import dev.parley.indexer.Article;
import dev.parley.indexer.Paragraph;
import dev.parley.indexer.ingest.InputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The raw Lucene indexer that {@code bench --whole-process} runs as a child JVM beside {@code
 * parley index}: reads the same files itself (Parley's parsers, which only split a file into
 * articles and paragraphs), one document per paragraph, {@link EnglishAnalyzer}, nothing stored,
 * one thread, merged to one segment and committed. What an app would write with Lucene alone.
 *
 * <p>Usage: {@code java -cp parley.jar dev.parley.bench.RawLuceneIndexer INDEX_DIR INPUT...}.
 */
public final class RawLuceneIndexer {
  private RawLuceneIndexer() {}

  /**
   * Indexes the inputs into a new index; prints the paragraph count.
   *
   * @throws IOException on a read or write error
   */
  public static void main(String[] args) throws IOException {
    Path index = Path.of(args[0]);
    List<Path> inputs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      inputs.add(Path.of(args[i]));
    }
    long paragraphs = 0;
    IndexWriterConfig config =
        new IndexWriterConfig(new EnglishAnalyzer())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
            .setRAMBufferSizeMB(64);
    try (FSDirectory dir = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(dir, config)) {
      for (Path file : InputFiles.list(inputs).articles()) {
        for (Article article : Benchmark.parse(file)) {
          for (Paragraph p : article.paragraphs()) {
            Document doc = new Document();
            doc.add(new TextField("text", p.text(), Field.Store.NO));
            writer.addDocument(doc);
            paragraphs++;
          }
        }
      }
      writer.forceMerge(1);
      writer.commit();
    }
    System.out.println(paragraphs);
  }
}
