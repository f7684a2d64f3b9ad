package dev.parley.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;

/**
 * An index's size by Lucene file kind: the bytes of every file with the same extension ({@code
 * .tim} terms dictionary, {@code .doc} postings, {@code .pos} positions, {@code .pay} payloads and
 * offsets, {@code .fdt} stored fields, {@code .dvd} doc values, {@code .nvd} norms, {@code .kdd}
 * points, ...) summed over the segments, with each kind's share of the whole. {@code bench} reports
 * it for both sides, the field ablation for each copy ({@link FieldAblation}).
 *
 * <p>A segment written as a compound file ({@code .cfs}, as Parley's merged index is) is looked
 * into: the files it holds count by their own kinds, and the {@code .cfs} kind keeps only the
 * container's own bytes (header, footer, alignment), so the kinds still add up to the bytes on
 * disk. Files without an extension ({@code segments_N}) count as kind {@code ""}; {@code
 * write.lock} is left out (it is not part of the index). A directory that holds no Lucene index is
 * summed by its files' extensions alone.
 *
 * @param bytes bytes per kind, extension without the dot, in descending order of bytes (ties by
 *     name)
 * @param total the sum of {@code bytes}
 */
public record IndexFiles(Map<String, Long> bytes, long total) {
  /** Copies the map, keeping its order. */
  public IndexFiles {
    bytes = Collections.unmodifiableMap(new LinkedHashMap<>(bytes));
    long sum = bytes.values().stream().mapToLong(Long::longValue).sum();
    if (sum != total) {
      throw new IllegalArgumentException("total " + total + " is not the sum of the kinds " + sum);
    }
  }

  /**
   * The files directly in {@code dir} (a Lucene index directory), summed by extension.
   *
   * @throws IOException if the directory cannot be listed
   */
  public static IndexFiles of(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Map<String, Long> byName = new TreeMap<>();
    Map<String, Long> heldByCompound = compoundContents(dir, byName);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (!Files.isRegularFile(p) || name.equals("write.lock")) {
          continue;
        }
        long size = Files.size(p) - heldByCompound.getOrDefault(name, 0L);
        byName.merge(kind(name), size, Long::sum);
      }
    }
    List<Map.Entry<String, Long>> sorted = new java.util.ArrayList<>(byName.entrySet());
    // Biggest first: the reader looks for what the bytes go to.
    sorted.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> ordered = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<String, Long> e : sorted) {
      ordered.put(e.getKey(), e.getValue());
      total += e.getValue();
    }
    return new IndexFiles(ordered, total);
  }

  private static String kind(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(dot + 1) : "";
  }

  /**
   * Adds the files inside the latest commit's compound files to {@code byKind}; returns, per
   * compound file name, the bytes it holds (to be taken off its own size). Empty when {@code dir}
   * holds no index.
   */
  private static Map<String, Long> compoundContents(Path dir, Map<String, Long> byKind)
      throws IOException {
    Map<String, Long> held = new TreeMap<>();
    try (FSDirectory d = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(d)) {
        return held;
      }
      for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(d)) {
        SegmentInfo info = segment.info;
        if (!info.getUseCompoundFile()) {
          continue;
        }
        long inside = 0;
        try (Directory cfs =
            info.getCodec().compoundFormat().getCompoundReader(d, info, IOContext.DEFAULT)) {
          for (String f : cfs.listAll()) {
            long length = cfs.fileLength(f);
            byKind.merge(kind(f), length, Long::sum);
            inside += length;
          }
        }
        held.put(IndexFileNames.segmentFileName(info.name, "", "cfs"), inside);
      }
    }
    return held;
  }

  /**
   * Prints the Markdown table of each index directory named: {@code java -cp parley.jar
   * dev.parley.bench.IndexFiles INDEX...}.
   *
   * @throws IOException if a directory cannot be read
   */
  public static void main(String[] args) throws IOException {
    for (String dir : args) {
      System.out.println(dir);
      System.out.print(of(Path.of(dir)).table());
    }
  }

  /** A kind's share of the whole, 0 to 1 (0 for an empty index). */
  public double share(String kind) {
    Long b = bytes.get(kind);
    return b == null || total == 0 ? 0 : (double) b / total;
  }

  /**
   * {@code {"tim": {"bytes": 123, "share": 0.25}, ...}}, biggest first; shares rounded to four
   * decimals.
   */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    bytes.forEach(
        (kind, b) -> {
          JsonObject k = new JsonObject();
          k.addProperty("bytes", b);
          k.addProperty("share", Math.round(share(kind) * 10_000) / 10_000.0);
          o.add(kind, k);
        });
    return o;
  }

  /** A Markdown table: file kind, bytes, share. */
  public String table() {
    StringBuilder b = new StringBuilder();
    b.append("| file kind | bytes | share |\n| --- | --- | --- |\n");
    bytes.forEach(
        (kind, n) ->
            b.append(
                String.format(
                    Locale.ROOT,
                    "| `%s` | %,d | %.1f%% |%n",
                    kind.isEmpty() ? "(no extension)" : "." + kind,
                    n,
                    100 * share(kind))));
    b.append(String.format(Locale.ROOT, "| total | %,d | 100%% |%n", total));
    return b.toString();
  }

  /** One line for the text report: {@code .fdt 11.0 MB (30.1%), .tim ...}. */
  public String line() {
    StringBuilder b = new StringBuilder();
    bytes.forEach(
        (kind, n) -> {
          if (b.length() > 0) {
            b.append(", ");
          }
          b.append(
              String.format(
                  Locale.ROOT,
                  "%s %.2f MB (%.1f%%)",
                  kind.isEmpty() ? "(no extension)" : "." + kind,
                  n / 1e6,
                  100 * share(kind)));
        });
    return b.toString();
  }
}
