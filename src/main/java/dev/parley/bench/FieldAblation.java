package dev.parley.bench;

import dev.parley.schema.Fields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.FSDirectory;

/**
 * What each of the three text fields costs on disk: copies a Parley index without the index
 * structures of one field (postings, positions, offsets, norms) and without its stored value,
 * merged to one segment like the original, and reports the sizes. The passage {@code text} is
 * measured twice: without its index (its stored value stays, since hits return it) and without
 * both. Sizes only: the copies are made from the finished index, so indexing time is not measured
 * here.
 *
 * <p>Usage: {@code java -cp parley.jar dev.parley.bench.FieldAblation INDEX WORK}; or {@code
 * FieldAblation --copy INDEX OUT FIELD...} writes one copy of {@code INDEX} without the index and
 * stored values of each named field (its manifest kept), which {@code parley eval} and {@code
 * parley tune} then read like any index: the quality side of the ablation (docs/performance.md).
 */
public final class FieldAblation {
  private FieldAblation() {}

  /** Which parts of a field a copy drops. */
  private enum Drop {
    INDEX,
    INDEX_AND_STORED,
    /** Everything: index, stored value, doc values, points, norms, and the field's info. */
    EVERYTHING
  }

  /** A leaf reader without the index (and optionally the stored value) of one field. */
  private static final class Without extends FilterLeafReader {
    private final String field;
    private final Drop drop;
    private final FieldInfos infos;

    Without(LeafReader in, String field, Drop drop) {
      super(in);
      this.field = field;
      this.drop = drop;
      List<FieldInfo> kept = new ArrayList<>();
      for (FieldInfo fi : in.getFieldInfos()) {
        if (!fi.name.equals(field)) {
          kept.add(fi);
        } else if (drop == Drop.EVERYTHING) {
          continue;
        } else if (drop == Drop.INDEX) {
          kept.add(
              new FieldInfo(
                  fi.name,
                  fi.number,
                  false,
                  true,
                  false,
                  IndexOptions.NONE,
                  fi.getDocValuesType(),
                  fi.getDocValuesGen(),
                  new HashMap<>(fi.attributes()),
                  fi.getPointDimensionCount(),
                  fi.getPointIndexDimensionCount(),
                  fi.getPointNumBytes(),
                  fi.getVectorDimension(),
                  fi.getVectorEncoding(),
                  fi.getVectorSimilarityFunction(),
                  fi.isSoftDeletesField(),
                  fi.isParentField()));
        }
      }
      this.infos = new FieldInfos(kept.toArray(FieldInfo[]::new));
    }

    @Override
    public FieldInfos getFieldInfos() {
      return infos;
    }

    @Override
    public Terms terms(String f) throws IOException {
      return f.equals(field) ? null : super.terms(f);
    }

    @Override
    public NumericDocValues getNormValues(String f) throws IOException {
      return f.equals(field) ? null : super.getNormValues(f);
    }

    @Override
    public NumericDocValues getNumericDocValues(String f) throws IOException {
      return gone(f) ? null : super.getNumericDocValues(f);
    }

    @Override
    public BinaryDocValues getBinaryDocValues(String f) throws IOException {
      return gone(f) ? null : super.getBinaryDocValues(f);
    }

    @Override
    public SortedDocValues getSortedDocValues(String f) throws IOException {
      return gone(f) ? null : super.getSortedDocValues(f);
    }

    @Override
    public SortedNumericDocValues getSortedNumericDocValues(String f) throws IOException {
      return gone(f) ? null : super.getSortedNumericDocValues(f);
    }

    @Override
    public SortedSetDocValues getSortedSetDocValues(String f) throws IOException {
      return gone(f) ? null : super.getSortedSetDocValues(f);
    }

    @Override
    public PointValues getPointValues(String f) throws IOException {
      return gone(f) ? null : super.getPointValues(f);
    }

    private boolean gone(String f) {
      return drop == Drop.EVERYTHING && f.equals(field);
    }

    @Override
    public StoredFields storedFields() throws IOException {
      StoredFields stored = super.storedFields();
      if (drop == Drop.INDEX) {
        return stored;
      }
      return new StoredFields() {
        @Override
        public void document(int docID, StoredFieldVisitor visitor) throws IOException {
          stored.document(
              docID,
              new StoredFieldVisitor() {
                @Override
                public Status needsField(FieldInfo fi) throws IOException {
                  return fi.name.equals(field) ? Status.NO : visitor.needsField(fi);
                }

                @Override
                public void binaryField(FieldInfo fi, byte[] value) throws IOException {
                  visitor.binaryField(fi, value);
                }

                @Override
                public void stringField(FieldInfo fi, String value) throws IOException {
                  visitor.stringField(fi, value);
                }

                @Override
                public void intField(FieldInfo fi, int value) throws IOException {
                  visitor.intField(fi, value);
                }

                @Override
                public void longField(FieldInfo fi, long value) throws IOException {
                  visitor.longField(fi, value);
                }

                @Override
                public void floatField(FieldInfo fi, float value) throws IOException {
                  visitor.floatField(fi, value);
                }

                @Override
                public void doubleField(FieldInfo fi, double value) throws IOException {
                  visitor.doubleField(fi, value);
                }
              });
        }
      };
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }

  /**
   * Writes the copies and prints one line per variant: bytes and share of the whole.
   *
   * @throws IOException on a read or write error
   */
  public static void main(String[] args) throws IOException {
    if (args.length >= 3 && args[0].equals("--copy")) {
      copy(Path.of(args[1]), Path.of(args[2]), List.of(args).subList(3, args.length));
      return;
    }
    if (args.length == 3 && args[0].equals("--each-field")) {
      eachField(Path.of(args[1]), Path.of(args[2]));
      return;
    }
    Path index = Path.of(args[0]);
    Path work = Path.of(args[1]);
    long whole = size(index);
    System.out.printf(Locale.ROOT, "%-36s %,14d bytes%n", "whole index", whole);
    record Variant(String name, String field, Drop drop) {}
    List<Variant> variants =
        List.of(
            new Variant("copied with nothing removed", "", Drop.INDEX_AND_STORED),
            new Variant("without context", Fields.CONTEXT, Drop.INDEX_AND_STORED),
            new Variant("without article_text", Fields.ARTICLE_TEXT, Drop.INDEX_AND_STORED),
            new Variant("without text's index (stored kept)", Fields.TEXT, Drop.INDEX),
            new Variant("without text (index and stored)", Fields.TEXT, Drop.INDEX_AND_STORED));
    for (Variant v : variants) {
      Path out = Benchmark.emptied(work.resolve("ablation-" + v.field() + "-" + v.drop()));
      try (FSDirectory in = FSDirectory.open(index);
          DirectoryReader reader = DirectoryReader.open(in);
          FSDirectory dir = FSDirectory.open(out);
          IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(null))) {
        List<CodecReader> leaves = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
          leaves.add(SlowCodecReaderWrapper.wrap(new Without(leaf.reader(), v.field(), v.drop())));
        }
        writer.addIndexes(leaves.toArray(CodecReader[]::new));
        writer.forceMerge(1);
        writer.commit();
      }
      long bytes = size(out);
      if (v.field().isEmpty()) {
        // The reference: the same copy-and-merge path, so codec choices do not count as a field.
        whole = bytes;
      }
      System.out.printf(
          Locale.ROOT,
          "%-36s %,14d bytes  (the field costs %,d bytes, %.1f%%)%n",
          v.name(),
          bytes,
          whole - bytes,
          100.0 * (whole - bytes) / whole);
    }
  }

  /**
   * The per-field table: per Lucene file kind, then for every field of the index the bytes a copy
   * saves without everything of that field (index, stored value, doc values, points), against a
   * copy with nothing removed made the same way. Prints a Markdown table.
   */
  static void eachField(Path index, Path work) throws IOException {
    System.out.print(IndexFiles.of(index).table());
    List<String> names = new ArrayList<>();
    try (FSDirectory in = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(in)) {
      for (FieldInfo fi : reader.leaves().get(0).reader().getFieldInfos()) {
        names.add(fi.name);
      }
    }
    long whole = copySize(index, work.resolve("each-none"), "", Drop.EVERYTHING);
    System.out.printf(Locale.ROOT, "%n| field | bytes it costs | share |%n| --- | --- | --- |%n");
    System.out.printf(Locale.ROOT, "| (copy with nothing removed) | %,d | 100%% |%n", whole);
    for (String name : names) {
      long bytes = copySize(index, work.resolve("each-field"), name, Drop.EVERYTHING);
      System.out.printf(
          Locale.ROOT,
          "| `%s` | %,d | %.1f%% |%n",
          name,
          whole - bytes,
          100.0 * (whole - bytes) / whole);
    }
  }

  private static long copySize(Path index, Path out, String field, Drop drop) throws IOException {
    Benchmark.emptied(out);
    try (FSDirectory in = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(in);
        FSDirectory dir = FSDirectory.open(out);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(null))) {
      List<CodecReader> leaves = new ArrayList<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        leaves.add(SlowCodecReaderWrapper.wrap(new Without(leaf.reader(), field, drop)));
      }
      writer.addIndexes(leaves.toArray(CodecReader[]::new));
      writer.forceMerge(1);
      writer.commit();
    }
    return size(out);
  }

  /** Copies {@code index} to {@code out} without {@code fields}, keeping the commit's manifest. */
  static void copy(Path index, Path out, List<String> fields) throws IOException {
    Benchmark.emptied(out);
    try (FSDirectory in = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(in);
        FSDirectory dir = FSDirectory.open(out);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(null))) {
      List<CodecReader> leaves = new ArrayList<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        for (String f : fields) {
          r = new Without(r, f, Drop.INDEX_AND_STORED);
        }
        leaves.add(SlowCodecReaderWrapper.wrap(r));
      }
      writer.addIndexes(leaves.toArray(CodecReader[]::new));
      writer.forceMerge(1);
      writer.setLiveCommitData(reader.getIndexCommit().getUserData().entrySet());
      writer.commit();
    }
    System.out.printf(Locale.ROOT, "%s without %s: %,d bytes%n", out, fields, size(out));
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !Set.of("write.lock").contains(p.getFileName().toString()))
          .mapToLong(p -> p.toFile().length())
          .sum();
    }
  }
}
