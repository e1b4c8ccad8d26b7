package io.lifeboat.etcd;

import io.lifeboat.codec.Encoding;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.progress.Progress;
import io.lifeboat.repository.PendingBackup;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.store.StoredObject;
import io.lifeboat.store.WriteFailures;
import io.lifeboat.store.file.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two ways a snapshot reaches the store. Streaming: etcd -> verify -> zstd -> age -> multipart
 * upload, no disk. Spooled: etcd -> verify -> local file, then file -> zstd -> age -> upload, for
 * stores slower than etcd tolerates (etcd warns when a snapshot takes over 30 s). Either way the
 * object is committed only after the snapshot verified, and discarded otherwise.
 */
record Upload(EtcdSnapshotter.Result result, StoredObject stored) {

  static Upload streaming(
      EtcdSnapshotter snapshotter,
      ConnectedMember member,
      PendingBackup pending,
      String name,
      Encoding encoding,
      Progress progress) {
    try (ObjectWriter writer = pending.openData(name)) {
      EtcdSnapshotter.Result result;
      try (OutputStream encoded = encoding.encode(writer.uncloseable())) {
        result = snapshotter.snapshot(member, encoded, progress);
      }
      return new Upload(result, writer.commit());
    } catch (IOException e) {
      throw WriteFailures.of("writing the snapshot", e);
    }
  }

  static Upload spooled(
      EtcdSnapshotter snapshotter,
      ConnectedMember member,
      PendingBackup pending,
      String name,
      Encoding encoding,
      Path spoolDir,
      Progress progress) {
    Path spool = spoolFile(spoolDir, pending);
    try {
      EtcdSnapshotter.Result result;
      try (OutputStream file = Files.newOutputStream(spool)) {
        result = snapshotter.snapshot(member, file, progress);
      }
      try (ObjectWriter writer = pending.openData(name);
          InputStream in = Files.newInputStream(spool)) {
        try (OutputStream encoded = encoding.encode(writer.uncloseable())) {
          in.transferTo(encoded);
        }
        return new Upload(result, writer.commit());
      }
    } catch (IOException e) {
      throw WriteFailures.of("writing the snapshot", e);
    } finally {
      deleteQuietly(spool);
    }
  }

  private static Path spoolFile(Path spoolDir, PendingBackup pending) {
    try {
      OwnerOnly.createDirectories(spoolDir);
      return Files.createTempFile(spoolDir, "snapshot-" + pending.ref().id() + "-", ".db.part");
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          "lifeboat.etcd.spool-dir '"
              + spoolDir
              + "' is not a writable directory: "
              + e.getMessage(),
          e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A leftover spool file is only disk space in an emptyDir that dies with the pod.
    }
  }
}
