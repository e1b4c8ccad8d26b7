package io.lifeboat.etcd.internal;

import io.lifeboat.error.IntegrityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Checks an etcd snapshot while it streams: a bbolt image (magic 0xED0CDAED in the first meta page)
 * followed by the 32-byte SHA-256 of that image, so {@code size % 512 == 32}. The hash is
 * recomputed over every byte but the last 32, which etcdctl does not do.
 */
public final class SnapshotVerifier {
  private static final int HASH = 32;
  private static final byte[] BOLT_MAGIC = {(byte) 0xED, (byte) 0xDA, 0x0C, (byte) 0xED};
  private static final int MAGIC_OFFSET = 16;

  private final MessageDigest digest;
  private final byte[] tail = new byte[HASH];
  private final byte[] head = new byte[MAGIC_OFFSET + BOLT_MAGIC.length];
  private int tailLength;
  private long size;

  public SnapshotVerifier() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public void update(byte[] b, int off, int len) {
    if (size < head.length) {
      int n = (int) Math.min(len, head.length - size);
      System.arraycopy(b, off, head, (int) size, n);
    }
    size += len;
    if (len >= HASH) {
      digest.update(tail, 0, tailLength);
      digest.update(b, off, len - HASH);
      System.arraycopy(b, off + len - HASH, tail, 0, HASH);
      tailLength = HASH;
      return;
    }
    int overflow = tailLength + len - HASH;
    if (overflow > 0) {
      digest.update(tail, 0, overflow);
      System.arraycopy(tail, overflow, tail, 0, tailLength - overflow);
      tailLength -= overflow;
    }
    System.arraycopy(b, off, tail, tailLength, len);
    tailLength += len;
  }

  public long size() {
    return size;
  }

  /** Throws {@link IntegrityException} naming {@code source} unless the snapshot is whole. */
  public String verify(String source) {
    if (size < head.length + HASH
        || !Arrays.equals(head, MAGIC_OFFSET, head.length, BOLT_MAGIC, 0, 4)) {
      throw new IntegrityException(
          "snapshot from " + source + " is not a bbolt database (" + size + " bytes)");
    }
    if (size % 512 != HASH) {
      throw new IntegrityException(
          "snapshot from "
              + source
              + " is "
              + size
              + " bytes, not a bbolt image plus its 32-byte SHA-256 (size % 512 must be 32): truncated?");
    }
    byte[] computed = digest.digest();
    if (!Arrays.equals(computed, tail)) {
      throw new IntegrityException(
          "snapshot from "
              + source
              + " fails its own SHA-256: expected "
              + HexFormat.of().formatHex(tail)
              + ", computed "
              + HexFormat.of().formatHex(computed));
    }
    return HexFormat.of().formatHex(tail);
  }
}
