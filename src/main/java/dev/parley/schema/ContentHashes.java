package dev.parley.schema;

import java.util.HexFormat;
import org.apache.lucene.util.BytesRef;

/**
 * The stored form of {@link Fields#CONTENT_HASH} (schema 9): the 32 bytes of the SHA-256 digest
 * instead of its 64 hex digits, which LZ4 cannot shrink (1.35 MB on Reuters).
 *
 * <p>Thread safety: stateless.
 */
public final class ContentHashes {
  private ContentHashes() {}

  private static final HexFormat HEX = HexFormat.of();

  /**
   * The bytes of {@code hex}, an even number of hexadecimal digits ({@code Article.contentHash()}).
   *
   * @throws IllegalArgumentException if {@code hex} is not hexadecimal of even length
   */
  public static BytesRef toBytes(String hex) {
    return new BytesRef(HEX.parseHex(hex));
  }

  /** The lower-case hex digits of {@code bytes}; null for null (no stored hash). */
  public static String toHex(BytesRef bytes) {
    return bytes == null
        ? null
        : HEX.formatHex(bytes.bytes, bytes.offset, bytes.offset + bytes.length);
  }
}
