package io.lifeboat.etcd.restore;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.lifeboat.codec.Decoding;
import io.lifeboat.error.IntegrityException;
import io.lifeboat.error.NotFoundException;
import io.lifeboat.etcd.delta.DeltaChain;
import io.lifeboat.etcd.delta.DeltaReader;
import io.lifeboat.etcd.delta.DeltaSource;
import io.lifeboat.etcd.internal.SnapshotVerifier;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Builds a snapshot file at one revision from a chain: the root's snapshot is downloaded and
 * verified, restored into a scratch data dir, served by a throwaway etcd on 127.0.0.1, and every
 * event after the snapshot's own revision up to the target is replayed in revision order; then the
 * throwaway etcd's snapshot is saved. The file is what {@code etcdctl snapshot save} writes, so the
 * usual restore (revision bump included) takes it. Every delta is verified whole (stored size and
 * SHA-256, decoded size and SHA-256, header, order, trailer) even past the target.
 */
final class PointInTime {
  static final String MEMBER = "lifeboat-replay";

  private final Repository repository;
  private final SnapshotDownloader downloader;
  private final Decoding decoding;
  private final RestoreTool tool;
  private final String etcdPath;
  private final Path etcdBinary;
  private final Duration startTimeout;
  private boolean checkPrevious;

  PointInTime(
      Repository repository,
      SnapshotDownloader downloader,
      Decoding decoding,
      RestoreTool tool,
      String etcdPath,
      Path etcdBinary,
      Duration startTimeout) {
    this.repository = repository;
    this.downloader = downloader;
    this.decoding = decoding;
    this.tool = tool;
    this.etcdPath = etcdPath;
    this.etcdBinary = etcdBinary;
    this.startTimeout = startTimeout;
  }

  /** As the drill replays: every event's previous value checked ({@link DeltaReplay}). */
  PointInTime checkingPrevious() {
    checkPrevious = true;
    return this;
  }

  /** The snapshot built, and how: the base's own revision, deltas read, events replayed. */
  record Built(
      Path snapshot,
      String sha256,
      long baseRevision,
      long revision,
      int deltas,
      long events,
      long withoutLease) {}

  Built build(DeltaChain chain, long revision, Path work, DownloadProgress progress)
      throws IOException {
    SnapshotDownloader.Downloaded base =
        downloader.download(chain.root(), work.resolve("base.db"), progress);
    int peerPort = RestoreDrill.freePort();
    String peer = "http://127.0.0.1:" + peerPort;
    Path dataDir = work.resolve("replay");
    RestoreSpec spec =
        new RestoreSpec(dataDir, MEMBER, MEMBER + "=" + peer, peer, "lifeboat-replay");
    RestoreTool.Run run = tool.restore(base.file(), spec, dataDir, 0);
    if (run.exitCode() != 0) {
      throw new IntegrityException(
          tool.name()
              + " could not restore "
              + chain.root().ref()
              + ": "
              + EtcdRestorer.tail(run.output()));
    }
    Files.delete(base.file());
    try (DrillServer server =
            DrillServer.start(
                etcdBinary != null ? etcdBinary : RestoreDrill.etcdBinary(etcdPath),
                etcdPath,
                dataDir,
                MEMBER,
                peerPort,
                RestoreDrill.freePort(),
                work,
                startTimeout);
        Client client = Client.builder().endpoints(server.endpoint()).build();
        DeltaReplay replay = new DeltaReplay(client, checkPrevious)) {
      long own = revisionOf(client);
      if (revision < own) {
        throw new NotFoundException(
            "revision "
                + revision
                + " is before the base snapshot "
                + chain.root().ref().id()
                + "'s own revision "
                + own
                + ": choose an older full snapshot as the base");
      }
      int read = 0;
      for (Manifest delta : chain.upTo(revision)) {
        if (DeltaChain.source(delta).toRevision() > own) {
          replay(delta, own, revision, replay, progress);
          read++;
        }
      }
      replay.finish();
      Path snapshot = work.resolve("point-in-time.db");
      String sha256 = save(client, snapshot);
      return new Built(
          snapshot, sha256, own, revision, read, replay.applied(), replay.withoutLease());
    }
  }

  private void replay(
      Manifest delta, long after, long upTo, DeltaReplay replay, DownloadProgress progress)
      throws IOException {
    DataObject object = delta.objects().get(0);
    String key =
        RepositoryLayout.dataObject(
            delta.kind(), delta.ref().scope(), delta.ref().id(), object.name());
    DeltaSource source = DeltaChain.source(delta);
    try (StoredObjectCheck stored =
        new StoredObjectCheck(repository.store().get(key), object, key, progress)) {
      MessageDigest digest = sha256();
      long[] size = {0};
      InputStream kept =
          new java.io.FilterInputStream(stored) {
            @Override
            public void close() {
              // verified below, after the decoder is done
            }
          };
      try (InputStream decoded = decoding.decode(kept, key);
          InputStream counted = new DigestInputStream(counting(decoded, size), digest)) {
        new DeltaReader(counted, key, source)
            .read(
                events -> {
                  long at = events.get(0).revision();
                  if (at > after && at <= upTo) {
                    replay.apply(events, key);
                  }
                });
        counted.transferTo(OutputStream.nullOutputStream());
      }
      stored.verify();
      String sha = HexFormat.of().formatHex(digest.digest());
      if (object.rawSize() != null && object.rawSize() != size[0]
          || object.rawSha256() != null && !object.rawSha256().equals(sha)) {
        throw new IntegrityException(
            "delta '" + key + "' decodes to bytes its manifest does not record");
      }
    }
  }

  private static InputStream counting(InputStream in, long[] size) {
    return new java.io.FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        size[0] += b < 0 ? 0 : 1;
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        size[0] += Math.max(n, 0);
        return n;
      }
    };
  }

  private static long revisionOf(Client client) {
    try {
      return client
          .getKVClient()
          .get(ByteSequence.from(new byte[] {0}))
          .get(60, TimeUnit.SECONDS)
          .getHeader()
          .getRevision();
    } catch (Exception e) {
      throw new IntegrityException("the throwaway etcd did not answer: " + e.getMessage(), e);
    }
  }

  /** Saves the throwaway etcd's snapshot, checks etcd's own hash in it, returns its SHA-256. */
  private static String save(Client client, Path snapshot) throws IOException {
    SnapshotVerifier verifier = new SnapshotVerifier();
    MessageDigest digest = sha256();
    try (OutputStream file = Files.newOutputStream(snapshot)) {
      OutputStream verified =
          new java.io.FilterOutputStream(file) {
            @Override
            public void write(int b) throws IOException {
              write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              verifier.update(b, off, len);
              digest.update(b, off, len);
              out.write(b, off, len);
            }
          };
      client.getMaintenanceClient().snapshot(verified).get(30, TimeUnit.MINUTES);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IntegrityException("saving the replayed snapshot failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    verifier.verify(snapshot.toString());
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
