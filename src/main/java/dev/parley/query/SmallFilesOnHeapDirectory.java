package dev.parley.query;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersIndexInput;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * The directory a {@link Searcher} reads an index through: files of at most {@link
 * #SMALL_FILE_BYTES} are read whole into the heap when opened; larger ones go to the wrapped {@link
 * FSDirectory} (memory-mapped on 64-bit JVMs).
 *
 * <p>Why: every refresh after a commit opens a handful of small files (the commit point {@code
 * segments_N}, each new segment's {@code .si} and {@code .cfe} and its small compound file, the new
 * live-docs file of every segment that lost documents) and closes the readers of segments merged
 * away. Memory-mapped, each of these ends in an {@code munmap} when closed, and on this 2-core VM
 * with four search threads running an {@code munmap} blocked for tens of milliseconds (it waits for
 * the whole process's mappings and interrupts the other cores). A refresh took about 40 ms of wall
 * time for under 2 ms of CPU, and every search that had to wait for it (docs/reliability.md: a
 * search started after a commit sees it) waited that long: they were the slowest 8% of searches
 * under concurrent writes (docs/performance.md, "Parley 7 load, sixth session"). Read into the
 * heap, closing such a file frees memory and nothing else; the big segments, where searches spend
 * their time, stay mapped.
 *
 * <p>Why not one of Lucene's: {@link org.apache.lucene.store.FileSwitchDirectory} routes by file
 * extension, and the files to keep unmapped are not an extension: in the profile about half of the
 * blocked refresh time closed the compound files ({@code .cfs}) of small segments merged away,
 * while the segment that holds nearly the whole index is a {@code .cfs} too and must stay mapped
 * for search speed; routing {@code segments_N}, {@code .si}, {@code .cfe} and {@code .liv} alone
 * would leave that half (and its {@link org.apache.lucene.store.NIOFSDirectory} side would close
 * its shared channel when a searching thread is interrupted). {@link
 * org.apache.lucene.store.NRTCachingDirectory} keeps the small segments a writer flushes for a
 * near-real-time reader of the same writer; a {@code Searcher} has no writer (the indexer is
 * another object or another process), so every file it opens would miss that cache. {@link
 * org.apache.lucene.store.MMapDirectory#setUseUnmap(boolean) setUseUnmap(false)} leaves unmapping
 * to the garbage collector, which Lucene advises against (deleted files keep their disk space until
 * a collection).
 *
 * <p>Files are write-once in a Lucene index, so a copy never goes stale. A file that is missing
 * throws {@link java.nio.file.NoSuchFileException}, as Lucene's own directories do (a refresh
 * racing a commit that deletes files relies on it).
 *
 * <p>Thread safety: safe for concurrent use, like the directory it wraps.
 */
final class SmallFilesOnHeapDirectory extends FilterDirectory {
  /**
   * Files up to this size are read into the heap. The segments a few small commits write are 20 to
   * 300 KB each (Reuters, 5 articles per commit) and their merges under a megabyte; a searcher
   * holds a few of them, so the heap they take stays small.
   */
  static final long SMALL_FILE_BYTES = 1L << 20;

  private final Path path;

  private SmallFilesOnHeapDirectory(FSDirectory in) {
    super(in);
    this.path = in.getDirectory();
  }

  /** Opens the index directory {@code path} for searching. */
  static SmallFilesOnHeapDirectory open(Path path) throws IOException {
    return new SmallFilesOnHeapDirectory(FSDirectory.open(path));
  }

  @Override
  public IndexInput openInput(String name, IOContext context) throws IOException {
    ensureOpen();
    if (in.fileLength(name) > SMALL_FILE_BYTES) {
      return in.openInput(name, context);
    }
    // Read through a channel of our own, closed at once: no mapping, and an interrupt during the
    // read fails this open only (it closes this channel, not one that searches share).
    try (FileChannel channel = FileChannel.open(path.resolve(name), StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > SMALL_FILE_BYTES) {
        return in.openInput(name, context); // not Lucene's write-once file after all; map it
      }
      ByteBuffer bytes = ByteBuffer.allocate((int) size);
      while (bytes.hasRemaining()) {
        if (channel.read(bytes, bytes.position()) < 0) {
          throw new EOFException("read past EOF: " + path.resolve(name));
        }
      }
      bytes.flip();
      return new ByteBuffersIndexInput(
          new ByteBuffersDataInput(List.of(bytes)),
          "SmallFilesOnHeapDirectory(path=\"" + path.resolve(name) + "\")");
    }
  }

  @Override
  public String toString() {
    return "SmallFilesOnHeapDirectory(" + in + ")";
  }
}
