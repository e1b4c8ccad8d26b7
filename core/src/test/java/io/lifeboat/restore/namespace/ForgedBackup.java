package io.lifeboat.restore.namespace;

import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Encoding;
import io.lifeboat.export.ExportSource;
import io.lifeboat.export.Selection;
import io.lifeboat.export.archive.ArchiveLayout;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Encryption;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.PendingBackup;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A namespace backup written as an attacker holding the backup identity would: through {@link
 * Repository#backupView} (put-only), with a self-consistent manifest (sizes and SHA-256 match) and
 * whatever tar stream the attacker likes. Restores must treat it as untrusted input.
 */
public final class ForgedBackup {
  /** Writes the tar stream's entries after {@code metadata/version}. */
  @FunctionalInterface
  public interface Entries {
    void write(TarArchiveOutputStream tar) throws IOException;
  }

  /** Writes the whole (uncompressed) tar stream by hand, headers included. */
  @FunctionalInterface
  public interface RawTar {
    void write(OutputStream tar) throws IOException;
  }

  private ForgedBackup() {}

  /** A backup of {@code scope} whose archive holds {@code objects} (path to JSON), in order. */
  public static BackupRef of(
      ObjectStore store, java.time.Clock clock, Scope scope, Map<String, String> objects) {
    return write(
        store,
        clock,
        scope,
        tar -> {
          for (Map.Entry<String, String> e : objects.entrySet()) {
            entry(tar, e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
          }
        });
  }

  /** A backup of {@code scope} whose archive's entries {@code entries} writes as it likes. */
  public static BackupRef write(
      ObjectStore store, java.time.Clock clock, Scope scope, Entries entries) {
    return raw(
        store,
        clock,
        scope,
        out -> {
          TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8");
          tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
          tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
          entry(tar, ArchiveLayout.VERSION_PATH, "1\n".getBytes(StandardCharsets.US_ASCII));
          entries.write(tar);
          tar.finish();
        });
  }

  /** A backup of {@code scope} whose tar stream {@code body} writes byte by byte. */
  public static BackupRef raw(ObjectStore store, java.time.Clock clock, Scope scope, RawTar body) {
    Repository attacker = new Repository(Repository.backupView(store), clock);
    PendingBackup pending = attacker.begin(Kind.NAMESPACE, scope, null);
    Encoding encoding = Encoding.of(AgeRecipients.none());
    String name = encoding.storedName(ArchiveLayout.PAYLOAD);
    try (ObjectWriter writer = pending.openData(name)) {
      MessageDigest raw = MessageDigest.getInstance("SHA-256");
      long[] rawSize = {0};
      try (OutputStream encoded = encoding.encode(writer.uncloseable());
          OutputStream counted =
              new java.io.FilterOutputStream(new DigestOutputStream(encoded, raw)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                  out.write(b, off, len);
                  rawSize[0] += len;
                }
              }) {
        body.write(counted);
      }
      var stored = writer.commit();
      var object = pending.recorded(stored, rawSize[0], HexFormat.of().formatHex(raw.digest()));
      ExportSource source =
          new ExportSource(
              scope.namespace(), "1", 0, Map.of(), List.of(), List.of(), Selection.all());
      pending.commit(
          new PendingBackup.Contents(
              Json.tree(source),
              List.of(object),
              Encryption.COMPRESSION_ZSTD,
              Encryption.of(java.util.Set.of()),
              null,
              List.of(),
              List.of()));
      return pending.ref();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One regular-file entry. */
  public static void entry(TarArchiveOutputStream tar, String path, byte[] content)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(path);
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  /**
   * A 512-byte ustar header (checksum included) for a raw tar stream: {@code type} {@code '0'} for
   * a file, {@code 'x'} for a pax header, {@code 'L'} for a GNU long name.
   */
  public static byte[] header(String path, char type, long size) {
    byte[] h = new byte[512];
    byte[] name = path.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(name, 0, h, 0, Math.min(100, name.length));
    put(h, 100, String.format("%07o", 0644));
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", size));
    put(h, 136, String.format("%011o", 0));
    h[156] = (byte) type;
    put(h, 257, "ustar");
    put(h, 263, "00");
    java.util.Arrays.fill(h, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    return h;
  }

  /** The {@code metadata/version} entry every archive starts with, for a raw tar stream. */
  public static void version(OutputStream out) throws IOException {
    out.write(header(ArchiveLayout.VERSION_PATH, '0', 2));
    byte[] record = new byte[512];
    record[0] = '1';
    record[1] = '\n';
    out.write(record);
  }

  /** {@code size} zero bytes and the padding to the next 512-byte record. */
  public static void zeros(OutputStream out, long size) throws IOException {
    byte[] block = new byte[1 << 16];
    long padded = (size + 511) / 512 * 512;
    for (long left = padded; left > 0; left -= block.length) {
      out.write(block, 0, (int) Math.min(block.length, left));
    }
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  /** One entry of {@code size} zero bytes, streamed (a compression bomb's payload). */
  public static void zeros(TarArchiveOutputStream tar, String path, long size) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(path);
    entry.setSize(size);
    tar.putArchiveEntry(entry);
    byte[] block = new byte[1 << 16];
    for (long left = size; left > 0; left -= block.length) {
      tar.write(block, 0, (int) Math.min(block.length, left));
    }
    tar.closeArchiveEntry();
  }
}
