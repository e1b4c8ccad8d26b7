package io.lifeboat.etcd.restore;

import io.lifeboat.codec.Decoding;
import io.lifeboat.codec.StoredName;
import io.lifeboat.error.IntegrityException;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.error.LifeboatException;
import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.etcd.EtcdSource;
import io.lifeboat.etcd.internal.SnapshotVerifier;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.store.file.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Fetches one etcd backup's snapshot to a local file, byte-identical to what {@code etcdctl
 * snapshot save} wrote. Every check happens while streaming: the stored object's size and SHA-256
 * against the manifest, age and zstd framing, the bbolt magic, {@code size % 512 == 32}, the
 * snapshot's trailing SHA-256, and its size and hash against the manifest's source facts.
 *
 * <p>The bytes go to {@code <target>.part}, which is fsynced and renamed onto {@code target} only
 * after every check passed; any failure deletes it, so a failed download leaves nothing behind.
 */
public final class SnapshotDownloader {
  static final String PAYLOAD = "snapshot.db";

  private final Repository repository;
  private final Decoding decoding;

  public SnapshotDownloader(Repository repository, Decoding decoding) {
    this.repository = repository;
    this.decoding = decoding;
  }

  Decoding decoding() {
    return decoding;
  }

  /** A verified snapshot on disk. {@code sha256} is the snapshot's own trailing hash. */
  public record Downloaded(Manifest manifest, Path file, long size, String sha256) {
    public EtcdSource source() {
      return manifest.source(EtcdSource.class);
    }
  }

  /**
   * Downloads {@code ref} to {@code target}, which must not exist. Throws {@link
   * IntegrityException} on any mismatch, {@link InvalidConfigurationException} when the identity
   * opens none of the backup's recipients, NotFound (exit 7) when the backup does not exist.
   */
  public Downloaded download(BackupRef ref, Path target, DownloadProgress progress) {
    if (ref.kind() != Kind.ETCD) {
      throw new InvalidConfigurationException("'" + ref + "' is not an etcd backup");
    }
    return download(repository.manifest(ref), target, progress);
  }

  /** As {@link #download(BackupRef, Path, DownloadProgress)}, for a manifest already read. */
  public Downloaded download(Manifest manifest, Path target, DownloadProgress progress) {
    if (Files.exists(target)) {
      throw new InvalidConfigurationException(
          "output file " + target + " already exists: remove it or choose another");
    }
    BackupRef ref = manifest.ref();
    DataObject object = snapshotObject(manifest);
    String key = RepositoryLayout.dataObject(ref.kind(), ref.scope(), ref.id(), object.name());
    Path part = target.resolveSibling(target.getFileName() + ".part");
    try {
      Downloaded downloaded = fetch(manifest, object, key, part, progress);
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      fsyncDirectory(target.toAbsolutePath().getParent());
      return new Downloaded(manifest, target, downloaded.size(), downloaded.sha256());
    } catch (IOException e) {
      deleteQuietly(part);
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(part);
      throw e;
    }
  }

  private Downloaded fetch(
      Manifest manifest, DataObject object, String key, Path part, DownloadProgress progress)
      throws IOException {
    OwnerOnly.createDirectories(part.toAbsolutePath().getParent());
    Files.deleteIfExists(part); // a stale one of an earlier, killed download
    SnapshotVerifier verifier = new SnapshotVerifier();
    try (FileChannel channel =
            FileChannel.open(
                part,
                java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                OwnerOnly.file());
        StoredObjectCheck stored =
            new StoredObjectCheck(repository.store().get(key), object, key, progress)) {
      OutputStream out = Channels.newOutputStream(channel);
      decodeInto(stored, key, verifier, out);
      String sha256 = verifier.verify(key);
      checkAgainstSource(manifest, key, verifier.size(), sha256);
      channel.force(true);
      return new Downloaded(manifest, part, verifier.size(), sha256);
    }
  }

  /**
   * Decodes the stored stream into {@code out}. A decoding failure may itself be caused by damaged
   * stored bytes (a flipped byte in the age header looks like a wrong identity), so the stored
   * object is checked first and its mismatch, when there is one, is the failure reported.
   */
  private void decodeInto(
      StoredObjectCheck stored, String key, SnapshotVerifier verifier, OutputStream out)
      throws IOException {
    try (InputStream decoded = decoding.decode(uncloseable(stored), key)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = decoded.read(buffer)) >= 0; ) {
        verifier.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
    } catch (IntegrityException | InvalidConfigurationException e) {
      try {
        stored.verify();
      } catch (IntegrityException storedMismatch) {
        storedMismatch.addSuppressed(e);
        throw storedMismatch;
      }
      throw e;
    } catch (LifeboatException e) {
      throw e;
    } catch (IOException e) {
      throw new LocationUnavailableException(
          "reading '" + key + "' from " + repository.location() + " failed: " + e.getMessage(), e);
    }
    stored.verify();
  }

  private static void checkAgainstSource(Manifest manifest, String key, long size, String sha) {
    EtcdSource source = manifest.source(EtcdSource.class);
    if (source == null) {
      return;
    }
    if (source.snapshotSize() != size || !sha.equals(source.snapshotSha256())) {
      throw new IntegrityException(
          "snapshot decoded from '"
              + key
              + "' is "
              + size
              + " bytes with SHA-256 "
              + sha
              + ", but its manifest records "
              + source.snapshotSize()
              + " bytes with "
              + source.snapshotSha256());
    }
  }

  /** The manifest's snapshot object: {@code snapshot.db.zst} or {@code snapshot.db.zst.age}. */
  static DataObject snapshotObject(Manifest manifest) {
    return manifest.objects().stream()
        .filter(o -> StoredName.isEncoded(o.name()))
        .filter(o -> StoredName.payloadOf(o.name()).equals(PAYLOAD))
        .findFirst()
        .orElseThrow(
            () ->
                new IntegrityException(
                    "manifest of " + manifest.ref() + " lists no " + PAYLOAD + " object"));
  }

  private static InputStream uncloseable(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException ignored) {
      // Not every file system lets a directory be opened for fsync; the file itself is synced.
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // best effort: nothing else to do with a failed cleanup
    }
  }
}
