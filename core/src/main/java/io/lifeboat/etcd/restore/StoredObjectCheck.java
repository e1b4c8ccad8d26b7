package io.lifeboat.etcd.restore;

import io.lifeboat.error.IntegrityException;
import io.lifeboat.repository.DataObject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes the stored bytes as they stream past and compares them with the manifest's record of the
 * object. More bytes than recorded fail at once; the hash is compared by {@link #verify()}, after
 * the rest of the object has been drained, since a decoder may stop reading before the end.
 */
final class StoredObjectCheck extends FilterInputStream {
  private final DataObject expected;
  private final String key;
  private final DownloadProgress progress;
  private final MessageDigest digest;
  private long read;

  StoredObjectCheck(
      InputStream stored, DataObject expected, String key, DownloadProgress progress) {
    super(stored);
    this.expected = expected;
    this.key = key;
    this.progress = progress == null ? DownloadProgress.NONE : progress;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
      read += n;
      if (read > expected.size()) {
        throw new IntegrityException(
            "'" + key + "' is longer than the " + expected.size() + " bytes its manifest records");
      }
      progress.stored(read, expected.size());
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    int r = read(buffer, 0, buffer.length);
    return Math.max(r, 0);
  }

  /** Reads what the decoder left unread, then compares size and SHA-256 with the manifest. */
  void verify() throws IOException {
    byte[] buffer = new byte[64 * 1024];
    while (read(buffer, 0, buffer.length) >= 0) {
      // drained for the hash
    }
    if (read != expected.size()) {
      throw new IntegrityException(
          "'"
              + key
              + "' is "
              + read
              + " bytes but its manifest records "
              + expected.size()
              + ": truncated?");
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(expected.sha256())) {
      throw new IntegrityException(
          "'"
              + key
              + "' does not match its manifest: SHA-256 "
              + actual
              + ", manifest records "
              + expected.sha256());
    }
  }
}
