package io.lifeboat.restore.namespace.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lifeboat.codec.Decoding;
import io.lifeboat.codec.StoredName;
import io.lifeboat.error.IntegrityException;
import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.export.archive.ArchiveLayout;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Manifest;
import io.lifeboat.restore.namespace.ArchivedObject;
import io.lifeboat.store.ObjectStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a namespace backup's archive by streaming its stored object once: the stored bytes are
 * hashed and counted as they arrive and checked against the manifest's {@link DataObject} at the
 * end (an {@link IntegrityException}, exit 6, on any difference), decoded with {@link Decoding}
 * (age, zstd) and split into tar entries.
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

  /** Every object of the archive, in archive order. */
  public static List<ArchivedObject> read(ObjectStore store, Manifest manifest, Decoding decoding) {
    DataObject payload = payload(manifest);
    String key = manifest.ref().dataPrefix() + payload.name();
    List<ArchivedObject> objects = new ArrayList<>();
    try (Checked stored = new Checked(store.get(key));
        InputStream decoded = decoding.decode(stored, key)) {
      TarArchiveInputStream tar = new TarArchiveInputStream(decoded, StandardCharsets.UTF_8.name());
      readVersion(tar, key);
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Optional<ArchiveLayout.Entry> place = ArchiveLayout.parse(entry.getName());
        if (entry.isFile() && place.isPresent()) {
          objects.add(object(place.get(), tar.readAllBytes(), key, entry.getName()));
        }
      }
      decoded.transferTo(OutputStream.nullOutputStream());
      stored.transferTo(OutputStream.nullOutputStream());
      stored.verify(payload, key);
    } catch (IOException e) {
      throw new LocationUnavailableException(
          "cannot read '" + key + "' from " + store.location() + ": " + e.getMessage(), e);
    }
    return objects;
  }

  private static void readVersion(TarArchiveInputStream tar, String key) throws IOException {
    TarArchiveEntry first = tar.getNextEntry();
    if (first == null || !first.getName().equals(ArchiveLayout.VERSION_PATH)) {
      throw new IntegrityException(
          "'" + key + "' does not start with " + ArchiveLayout.VERSION_PATH + ": not an export");
    }
    String version = new String(tar.readAllBytes(), StandardCharsets.US_ASCII).strip();
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

  private static ArchivedObject object(
      ArchiveLayout.Entry place, byte[] json, String key, String path) {
    JsonNode node = Json.read(json, JsonNode.class, key + "!" + path);
    if (!(node instanceof ObjectNode object)) {
      throw new IntegrityException("'" + key + "!" + path + "' is not a JSON object");
    }
    return new ArchivedObject(place.typeDirectory(), place.namespace(), place.name(), object);
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
