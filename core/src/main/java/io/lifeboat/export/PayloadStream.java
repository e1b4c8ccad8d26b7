package io.lifeboat.export;

import io.lifeboat.codec.Encoding;
import io.lifeboat.export.archive.ArchiveWriter;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.PendingBackup;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.store.StoredObject;
import io.lifeboat.store.WriteFailures;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The pipe from the archive to the store: tar -> (SHA-256 of the raw tar) -> encoder (zstd, age) ->
 * one streaming object write. The object is committed only when the archive and the encoding
 * finished; any failure discards it, so no half-written payload becomes visible.
 */
final class PayloadStream {
  private PayloadStream() {}

  /** What the body returned and the manifest record of the committed object. */
  record Written<T>(DataObject object, T result) {}

  @FunctionalInterface
  interface Body<T> {
    T write(ArchiveWriter archive) throws IOException;
  }

  static <T> Written<T> write(PendingBackup pending, String name, Encoding encoding, Body<T> body) {
    MessageDigest raw = sha256();
    try (ObjectWriter writer = pending.openData(name)) {
      CountingStream counted;
      T result;
      try (OutputStream encoded = encoding.encode(writer.uncloseable());
          CountingStream tarBytes = new CountingStream(new DigestOutputStream(encoded, raw));
          ArchiveWriter archive = new ArchiveWriter(tarBytes, pending.startedAt())) {
        counted = tarBytes;
        result = body.write(archive);
      }
      StoredObject stored = writer.commit();
      String rawSha = HexFormat.of().formatHex(raw.digest());
      return new Written<>(pending.recorded(stored, counted.count(), rawSha), result);
    } catch (IOException e) {
      throw WriteFailures.of("writing the export payload '" + name + "'", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts bytes on their way to the encoder; closing it closes the encoder (finishing it). */
  private static final class CountingStream extends java.io.FilterOutputStream {
    private long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    long count() {
      return count;
    }
  }
}
