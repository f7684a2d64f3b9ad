package dev.parley.bench;

import dev.parley.schema.Fields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * A fingerprint of everything an index holds for each document, independent of the order of the
 * documents: per document (named by its kind and id), a 64-bit hash over its stored fields, every
 * term of every field with frequency, positions, offsets and payloads, its norms and its doc
 * values. Two indexes whose digests are equal hold the same documents with the same postings, so a
 * change meant to make indexing faster, not different, can be checked on a whole corpus:
 *
 * <pre>java -cp parley.jar dev.parley.bench.IndexDigest INDEX_A INDEX_B</pre>
 *
 * <p>prints how many documents differ (and the first few) and exits 1 if any does. Field-level
 * index statistics that depend on the order (none that ranking reads) are not compared.
 *
 * <p>Not thread-safe; a tool.
 */
public final class IndexDigest {
  private IndexDigest() {}

  private static final long PRIME = 0x100000001b3L;

  /**
   * Document key ({@code kind:id}) to digest, for the live documents of the index at {@code dir}.
   */
  public static Map<String, Long> of(Directory dir) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext ctx : reader.leaves()) {
        LeafReader leaf = ctx.reader();
        int max = leaf.maxDoc();
        long[] h = new long[max];
        String[] keys = new String[max];
        StoredFields stored = leaf.storedFields();
        // Passage ids are doc values only since schema 9.
        SortedDocValues passageIds = leaf.getSortedDocValues(Fields.PASSAGE_ID);
        for (int d = 0; d < max; d++) {
          Document doc = stored.document(d);
          String id =
              passageIds != null && passageIds.advanceExact(d)
                  ? passageIds.lookupOrd(passageIds.ordValue()).utf8ToString()
                  : null;
          keys[d] = (id != null ? "passage:" + id : "article:" + doc.get(Fields.ARTICLE_ID));
          long x = 0xcbf29ce484222325L;
          for (IndexableField f : doc.getFields()) {
            x = mix(x, f.name());
            x = mix(x, String.valueOf(f.stringValue()));
            x = mix(x, String.valueOf(f.numericValue()));
            BytesRef b = f.binaryValue();
            x = mix(x, b == null ? "" : b.toString());
          }
          h[d] = x;
        }
        List<FieldInfo> infos = new ArrayList<>();
        leaf.getFieldInfos().forEach(infos::add);
        infos.sort((a, b) -> a.name.compareTo(b.name));
        for (FieldInfo fi : infos) {
          Terms terms = leaf.terms(fi.name);
          if (terms != null) {
            TermsEnum te = terms.iterator();
            PostingsEnum pe = null;
            for (BytesRef t = te.next(); t != null; t = te.next()) {
              String term = fi.name + ":" + t.utf8ToString();
              pe = te.postings(pe, PostingsEnum.ALL);
              for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
                long x = mix(h[d], term);
                int freq = pe.freq();
                x = x * PRIME + freq;
                if (terms.hasPositions()) {
                  for (int k = 0; k < freq; k++) {
                    x = x * PRIME + pe.nextPosition();
                    x = x * PRIME + pe.startOffset();
                    x = x * PRIME + pe.endOffset();
                    BytesRef p = pe.getPayload();
                    x = mix(x, p == null ? "" : p.toString());
                  }
                }
                h[d] = x;
              }
            }
          }
          if (fi.hasNorms()) {
            NumericDocValues norms = leaf.getNormValues(fi.name);
            for (int d = norms.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = norms.nextDoc()) {
              h[d] = mix(h[d], "norm:" + fi.name) * PRIME + norms.longValue();
            }
          }
          docValues(leaf, fi, h);
        }
        Bits live = leaf.getLiveDocs();
        for (int d = 0; d < max; d++) {
          if (live == null || live.get(d)) {
            out.put(keys[d], h[d]);
          }
        }
      }
    }
    return out;
  }

  private static void docValues(LeafReader leaf, FieldInfo fi, long[] h) throws IOException {
    DocValuesType type = fi.getDocValuesType();
    String tag = "dv:" + fi.name;
    switch (type) {
      case NUMERIC -> {
        NumericDocValues v = leaf.getNumericDocValues(fi.name);
        for (int d = v.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = v.nextDoc()) {
          h[d] = mix(h[d], tag) * PRIME + v.longValue();
        }
      }
      case SORTED -> {
        SortedDocValues v = leaf.getSortedDocValues(fi.name);
        for (int d = v.nextDoc(); d != SortedDocValues.NO_MORE_DOCS; d = v.nextDoc()) {
          h[d] = mix(mix(h[d], tag), v.lookupOrd(v.ordValue()).utf8ToString());
        }
      }
      case SORTED_SET -> {
        SortedSetDocValues v = leaf.getSortedSetDocValues(fi.name);
        for (int d = v.nextDoc(); d != SortedSetDocValues.NO_MORE_DOCS; d = v.nextDoc()) {
          long x = mix(h[d], tag);
          for (int k = 0; k < v.docValueCount(); k++) {
            x = mix(x, v.lookupOrd(v.nextOrd()).utf8ToString());
          }
          h[d] = x;
        }
      }
      case SORTED_NUMERIC -> {
        SortedNumericDocValues v = leaf.getSortedNumericDocValues(fi.name);
        for (int d = v.nextDoc(); d != SortedNumericDocValues.NO_MORE_DOCS; d = v.nextDoc()) {
          long x = mix(h[d], tag);
          for (int k = 0; k < v.docValueCount(); k++) {
            x = x * PRIME + v.nextValue();
          }
          h[d] = x;
        }
      }
      case BINARY -> {
        BinaryDocValues v = leaf.getBinaryDocValues(fi.name);
        for (int d = v.nextDoc(); d != BinaryDocValues.NO_MORE_DOCS; d = v.nextDoc()) {
          h[d] = mix(mix(h[d], tag), v.binaryValue().toString());
        }
      }
      case NONE -> {}
    }
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * PRIME;
    }
    return (h ^ 0xff) * PRIME;
  }

  /** The keys of documents present in only one digest or digested differently, sorted. */
  public static List<String> differences(Map<String, Long> a, Map<String, Long> b) {
    TreeMap<String, Boolean> keys = new TreeMap<>();
    a.keySet().forEach(k -> keys.put(k, true));
    b.keySet().forEach(k -> keys.put(k, true));
    List<String> out = new ArrayList<>();
    for (String k : keys.keySet()) {
      if (!Objects.equals(a.get(k), b.get(k))) {
        out.add(k);
      }
    }
    return out;
  }

  /** {@code INDEX_A INDEX_B}: exit 0 if every document digests the same, else 1. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: IndexDigest INDEX_A INDEX_B");
      System.exit(2);
    }
    Map<String, Long> a;
    Map<String, Long> b;
    try (Directory da = FSDirectory.open(Path.of(args[0]));
        Directory db = FSDirectory.open(Path.of(args[1]))) {
      a = of(da);
      b = of(db);
    }
    List<String> diff = differences(a, b);
    System.out.printf(
        "documents: %d and %d; differing: %d%s%n",
        a.size(),
        b.size(),
        diff.size(),
        diff.isEmpty() ? "" : " " + diff.subList(0, Math.min(5, diff.size())));
    System.exit(diff.isEmpty() ? 0 : 1);
  }
}
