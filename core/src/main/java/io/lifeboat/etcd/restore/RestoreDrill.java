package io.lifeboat.etcd.restore;

import io.lifeboat.error.IntegrityException;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.etcd.EtcdSource;
import io.lifeboat.etcd.delta.DeltaChain;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.text.Count;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The restore drill behind {@code lifeboat verify}: download a backup checking every hash, restore
 * it into a scratch dir with the operator's restore tool, boot a throwaway etcd on 127.0.0.1 on
 * free ports, read its key count, revision and {@code hashkv}, stop it by PID and delete the
 * scratch dir. A backup that passes is one a restore can use.
 *
 * <p>It takes no restore lease: it restores nothing into a cluster, and a drill on a schedule must
 * never block a real restore.
 */
public final class RestoreDrill {
  private static final Logger LOG = Logger.getLogger(RestoreDrill.class);
  static final String MEMBER = "lifeboat-drill";

  private final Repository repository;
  private final SnapshotDownloader downloader;
  private final RestoreTool tool;
  private final Path scratchRoot;
  private final Duration startTimeout;

  public RestoreDrill(
      Repository repository,
      SnapshotDownloader downloader,
      RestoreTool tool,
      Path scratchRoot,
      Duration startTimeout) {
    this.repository = repository;
    this.downloader = downloader;
    this.tool = tool;
    this.scratchRoot = scratchRoot;
    this.startTimeout = startTimeout;
  }

  /**
   * What the throwaway etcd served from the restored backup.
   *
   * @param backup the full snapshot, or the newest delta of the chain drilled
   * @param snapshotSize the snapshot restored: the full snapshot, or the one the chain replayed to
   * @param chain for a chain: its root, deltas, revisions and events replayed; null for a snapshot
   */
  public record Result(
      BackupRef backup,
      long snapshotSize,
      String snapshotSha256,
      String serverVersion,
      long keys,
      long revision,
      long hashKv,
      String tool,
      List<String> warnings,
      Duration took,
      String chain) {
    public String summary() {
      return String.format(
          "verified %s: %s %d bytes, %s %s; restored with %s and served by a throwaway"
              + " etcd: %s, revision %d, hashkv %d (in %.1f s)",
          backup,
          chain == null ? "snapshot" : "chain " + chain + "; replayed snapshot",
          snapshotSize,
          chain == null ? "etcd integrity hash" : "SHA-256",
          snapshotSha256,
          tool,
          Count.of(keys, "key"),
          revision,
          hashKv,
          took.toMillis() / 1000.0);
    }
  }

  /** The snapshot file to restore, and what it came from. */
  private record Prepared(Path file, long size, String sha256, String chain, long floor) {}

  /**
   * Drills {@code backup} (an id or {@code latest}): a full snapshot as downloaded; a delta, or a
   * {@code latest} whose newest etcd backup is a delta, as its chain replayed to its last revision
   * (every delta verified, every event's previous value checked against the replayed state).
   */
  public Result verify(ClusterName cluster, String backup, DownloadProgress progress) {
    Instant started = repository.clock().instant();
    Scope scope = Scope.cluster(cluster);
    Optional<DeltaChain> chain = new ChainResolver(repository).chainToDrill(scope, backup);
    BackupRef ref =
        chain.isPresent()
            ? chain.get().deltas().get(chain.get().deltas().size() - 1).ref()
            : repository.resolve(Kind.ETCD, scope, backup);
    Manifest manifest = chain.isPresent() ? chain.get().root() : repository.manifest(ref);
    RestorePlan plan = RestorePlan.of(tool, manifest, 0);
    Path scratch = null;
    try {
      Files.createDirectories(scratchRoot);
      scratch = Files.createTempDirectory(scratchRoot, "lifeboat-verify-");
      Prepared prepared =
          chain.isPresent()
              ? replayed(chain.get(), scratch, progress)
              : downloaded(manifest, scratch, progress);
      DrillServer.Served served = restoreAndServe(prepared.file(), ref, scratch);
      checkRevision(ref, served.revision(), prepared.floor());
      Result result =
          new Result(
              ref,
              prepared.size(),
              prepared.sha256(),
              plan.snapshotServerVersion(),
              served.keys(),
              served.revision(),
              served.hashKv(),
              tool.name() + " " + tool.version(),
              plan.warnings(),
              Duration.between(started, repository.clock().instant()),
              prepared.chain());
      plan.warnings().forEach(LOG::warn);
      LOG.debug(result.summary());
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("restore drill in " + scratchRoot + ": " + e.getMessage(), e);
    } finally {
      StagedDataDir.deleteTree(scratch);
    }
  }

  private Prepared downloaded(Manifest manifest, Path scratch, DownloadProgress progress)
      throws IOException {
    SnapshotDownloader.Downloaded snapshot =
        downloader.download(manifest, scratch.resolve("snapshot.db"), progress);
    long floor =
        manifest.source() == null ? 0 : manifest.source(EtcdSource.class).revisionLowerBound();
    return new Prepared(snapshot.file(), snapshot.size(), snapshot.sha256(), null, floor);
  }

  private Prepared replayed(DeltaChain chain, Path scratch, DownloadProgress progress)
      throws IOException {
    PointInTime.Built built =
        new PointInTime(
                repository,
                downloader,
                downloader.decoding(),
                tool,
                tool.path(),
                null,
                startTimeout)
            .checkingPrevious()
            .build(chain, chain.toRevision(), scratch.resolve("replay"), progress);
    String described =
        String.format(
            "%s + %s (revisions %d..%d), %s replayed",
            chain.root().id(),
            Count.of(chain.deltas().size(), "delta"),
            chain.rootRevision() + 1,
            chain.toRevision(),
            Count.of(built.events(), "event"));
    return new Prepared(
        built.snapshot(),
        Files.size(built.snapshot()),
        built.sha256(),
        described,
        built.baseRevision());
  }

  private DrillServer.Served restoreAndServe(Path snapshot, BackupRef ref, Path scratch)
      throws IOException {
    int peerPort = freePort();
    String peer = "http://127.0.0.1:" + peerPort;
    Path dataDir = scratch.resolve("data");
    RestoreSpec spec =
        new RestoreSpec(dataDir, MEMBER, MEMBER + "=" + peer, peer, "lifeboat-drill");
    RestoreTool.Run run = tool.restore(snapshot, spec, dataDir, 0);
    if (run.exitCode() != 0) {
      throw new IntegrityException(
          tool.name()
              + " could not restore "
              + ref
              + " (exit "
              + run.exitCode()
              + "): "
              + EtcdRestorer.tail(run.output()));
    }
    try (DrillServer server =
        DrillServer.start(
            tool.path(), dataDir, MEMBER, peerPort, freePort(), scratch, startTimeout)) {
      return server.inspect();
    }
  }

  /**
   * A snapshot serves at least the revision its manifest records from before the snapshot; a
   * replayed chain at least its base's own revision (the replay only adds revisions).
   */
  private static void checkRevision(BackupRef ref, long revision, long floor) {
    if (revision < floor) {
      throw new IntegrityException(
          "restored "
              + ref
              + " serves revision "
              + revision
              + ", below the revision "
              + floor
              + " it must serve at least");
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  static Path etcdBinary(String path) {
    return RestoreTool.which("etcd", path)
        .orElseThrow(
            () ->
                new InvalidConfigurationException(
                    "the restore drill needs the etcd server binary on PATH (" + path + ")"));
  }
}
