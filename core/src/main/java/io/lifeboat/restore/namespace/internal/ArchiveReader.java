package io.lifeboat.restore.namespace.internal;

import io.lifeboat.codec.Decoding;
import io.lifeboat.codec.StoredName;
import io.lifeboat.error.IntegrityException;
import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.export.archive.ArchiveLayout;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Manifest;
import io.lifeboat.restore.namespace.RestoreLimits;
import io.lifeboat.store.ObjectStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads a namespace backup's archive by streaming its stored object once: the stored bytes are
 * hashed and counted as they arrive and checked against the manifest's {@link DataObject} at the
 * end (an {@link IntegrityException}, exit 6, on any difference), decoded with {@link Decoding}
 * (age, zstd) and split into tar entries by {@link BoundedTarReader}. The bucket is untrusted: the
 * read is bounded by {@link RestoreLimits} whatever the archive declares.
 */
public final class ArchiveReader {
  private ArchiveReader() {}

  /** The payload object of a namespace backup: {@code resources.tar.zst[.age]}. */
  public static DataObject payload(Manifest manifest) {
    return manifest.objects().stream()
        .filter(o -> StoredName.isEncoded(o.name()))
        .filter(o -> StoredName.payloadOf(o.name()).equals(ArchiveLayout.PAYLOAD))
        .findFirst()
        .orElseThrow(
            () ->
                new IntegrityException(
                    "manifest of " + manifest.ref() + " lists no " + ArchiveLayout.PAYLOAD));
  }

  /** Receives each object entry of the archive, in archive order. */
  public interface Sink {
    /**
     * @param place where the archive path puts the object
     * @param json its bytes, or null when the entry was refused unread
     * @param refusal why it was refused (names the entry and the limit, never its content)
     */
    void accept(ArchiveLayout.Entry place, String path, byte[] json, String refusal);
  }

  /**
   * Streams the archive once into {@code sink}, verifying the stored bytes against the manifest at
   * the end. Memory holds one entry at most ({@link RestoreLimits#maxObjectSize()}); an entry over
   * it is passed refused and skipped unread. More than {@link RestoreLimits#maxObjects()} objects
   * or a stream expanding past {@link RestoreLimits#maxArchiveSize()} ends the read as an {@link
   * IntegrityException} (exit 6) naming the property.
   */
  public static void read(
      ObjectStore store, Manifest manifest, Decoding decoding, RestoreLimits limits, Sink sink) {
    DataObject payload = payload(manifest);
    String key = manifest.ref().dataPrefix() + payload.name();
    try (Checked stored = new Checked(store.get(key));
        InputStream decoded = new Bounded(decoding.decode(stored, key), limits, key)) {
      BoundedTarReader tar = new BoundedTarReader(decoded, key);
      readVersion(tar, key);
      long objects = 0;
      for (BoundedTarReader.Entry entry = tar.next(); entry != null; entry = tar.next()) {
        Optional<ArchiveLayout.Entry> place = ArchiveLayout.parse(entry.path());
        if (!entry.isFile() || place.isEmpty()) {
          continue;
        }
        if (++objects > limits.maxObjects()) {
          throw new IntegrityException(
              "'"
                  + key
                  + "' holds more than "
                  + limits.maxObjects()
                  + " objects (lifeboat.restore.max-objects): not restored");
        }
        if (entry.size() > limits.maxObjectSize()) {
          sink.accept(place.get(), entry.path(), null, tooLarge(entry, limits));
        } else {
          sink.accept(place.get(), entry.path(), tar.data().readAllBytes(), null);
        }
      }
      decoded.transferTo(OutputStream.nullOutputStream());
      stored.transferTo(OutputStream.nullOutputStream());
      stored.verify(payload, key);
    } catch (IOException e) {
      throw new LocationUnavailableException(
          "cannot read '" + key + "' from " + store.location() + ": " + e.getMessage(), e);
    }
  }

  private static String tooLarge(BoundedTarReader.Entry entry, RestoreLimits limits) {
    return "tar entry "
        + entry.path()
        + " is "
        + entry.size()
        + " bytes, over lifeboat.restore.max-object-size ("
        + limits.maxObjectSize()
        + " bytes): not read";
  }

  private static void readVersion(BoundedTarReader tar, String key) throws IOException {
    BoundedTarReader.Entry first = tar.next();
    if (first == null || !first.path().equals(ArchiveLayout.VERSION_PATH) || first.size() > 64) {
      throw new IntegrityException(
          "'" + key + "' does not start with " + ArchiveLayout.VERSION_PATH + ": not an export");
    }
    String version = new String(tar.data().readAllBytes(), StandardCharsets.US_ASCII).strip();
    if (!version.equals(ArchiveLayout.FORMAT_VERSION)) {
      throw new IntegrityException(
          "'"
              + key
              + "' has archive format "
              + version
              + "; this Lifeboat reads format "
              + ArchiveLayout.FORMAT_VERSION);
    }
  }

  /** The decoded (tar) stream, ended as an integrity failure past the archive size limit. */
  private static final class Bounded extends FilterInputStream {
    private final RestoreLimits limits;
    private final String key;
    private long size;

    Bounded(InputStream in, RestoreLimits limits, String key) {
      super(in);
      this.limits = limits;
      this.key = key;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0 && (size += n) > limits.maxArchiveSize()) {
        throw new IntegrityException(
            "'"
                + key
                + "' decompresses to more than "
                + limits.maxArchiveSize()
                + " bytes (lifeboat.restore.max-archive-size): not restored");
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      return Math.max(0, read(new byte[(int) Math.min(Math.max(n, 1), 8192)]));
    }
  }

  /** Hashes and counts the stored bytes as the decoder pulls them. */
  private static final class Checked extends FilterInputStream {
    private final MessageDigest digest;
    private long size;

    Checked(InputStream in) {
      super(in);
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        digest.update((byte) b);
        size++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        digest.update(buffer, offset, n);
        size += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      return read(new byte[(int) Math.min(n, 8192)]) < 0 ? 0 : 1;
    }

    void verify(DataObject expected, String key) {
      String sha256 = HexFormat.of().formatHex(digest.digest());
      if (size != expected.size() || !sha256.equals(expected.sha256())) {
        throw new IntegrityException(
            "'"
                + key
                + "' has "
                + size
                + " bytes with SHA-256 "
                + sha256
                + "; the manifest records "
                + expected.size()
                + " bytes with SHA-256 "
                + expected.sha256());
      }
    }
  }
}
