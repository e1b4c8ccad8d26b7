package io.lifeboat.etcd.restore;

import io.lifeboat.error.IntegrityException;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.etcd.EtcdSource;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

  /** What the throwaway etcd served from the restored backup. */
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
      Duration took) {
    public String summary() {
      return String.format(
          "verified %s: snapshot %d bytes, etcd integrity hash %s; restored with %s and served by a throwaway"
              + " etcd: %s, revision %d, hashkv %d (in %.1f s)",
          backup,
          snapshotSize,
          snapshotSha256,
          tool,
          io.lifeboat.text.Count.of(keys, "key"),
          revision,
          hashKv,
          took.toMillis() / 1000.0);
    }
  }

  public Result verify(ClusterName cluster, String backup, DownloadProgress progress) {
    Instant started = repository.clock().instant();
    BackupRef ref = repository.resolve(Kind.ETCD, Scope.cluster(cluster), backup);
    Manifest manifest = repository.manifest(ref);
    RestorePlan plan = RestorePlan.of(tool, manifest, 0);
    Path scratch = null;
    try {
      Files.createDirectories(scratchRoot);
      scratch = Files.createTempDirectory(scratchRoot, "lifeboat-verify-");
      SnapshotDownloader.Downloaded snapshot =
          downloader.download(manifest, scratch.resolve("snapshot.db"), progress);
      int peerPort = freePort();
      String peer = "http://127.0.0.1:" + peerPort;
      Path dataDir = scratch.resolve("data");
      RestoreSpec spec =
          new RestoreSpec(dataDir, MEMBER, MEMBER + "=" + peer, peer, "lifeboat-drill");
      RestoreTool.Run run = tool.restore(snapshot.file(), spec, dataDir, 0);
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
      DrillServer.Served served;
      try (DrillServer server =
          DrillServer.start(
              tool.path(), dataDir, MEMBER, peerPort, freePort(), scratch, startTimeout)) {
        served = server.inspect();
      }
      checkRevision(manifest, ref, served.revision());
      Result result =
          new Result(
              ref,
              snapshot.size(),
              snapshot.sha256(),
              plan.snapshotServerVersion(),
              served.keys(),
              served.revision(),
              served.hashKv(),
              tool.name() + " " + tool.version(),
              plan.warnings(),
              Duration.between(started, repository.clock().instant()));
      plan.warnings().forEach(LOG::warn);
      LOG.debug(result.summary());
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("restore drill in " + scratchRoot + ": " + e.getMessage(), e);
    } finally {
      StagedDataDir.deleteTree(scratch);
    }
  }

  /** The revision read before the snapshot is a lower bound of the snapshot's own revision. */
  private static void checkRevision(Manifest manifest, BackupRef ref, long revision) {
    if (manifest.source() == null) {
      return;
    }
    long lowerBound = manifest.source(EtcdSource.class).revisionLowerBound();
    if (revision < lowerBound) {
      throw new IntegrityException(
          "restored "
              + ref
              + " serves revision "
              + revision
              + ", below the revision "
              + lowerBound
              + " its manifest records from before the snapshot");
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
