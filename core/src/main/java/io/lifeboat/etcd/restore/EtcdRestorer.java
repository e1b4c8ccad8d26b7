package io.lifeboat.etcd.restore;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.etcd.delta.ChainAtTime;
import io.lifeboat.etcd.delta.DeltaChain;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Lease;
import io.lifeboat.repository.Leases;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import io.lifeboat.store.Condition;
import io.lifeboat.text.Count;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The etcd restore use-case: download and verify a backup, then run {@code etcdutl}/{@code etcdctl
 * snapshot restore} into an empty data dir, bumping the revision by default so Kubernetes watchers
 * re-list instead of trusting a revision that went backwards.
 *
 * <p>It holds {@code leases/restore-etcd-<cluster>.json} (naming the backup, so prune keeps it)
 * while it works and writes {@code restores/etcd/<cluster>/<restore-id>.json} at the end, for a
 * failed restore too. On any failure the data dir is left as it was found.
 */
public final class EtcdRestorer {
  private static final Logger LOG = Logger.getLogger(EtcdRestorer.class);

  /** etcd's advice for Kubernetes: covers a week-old snapshot at under 1,500 writes a second. */
  public static final long DEFAULT_BUMP_REVISION = 1_000_000_000L;

  static final Duration LEASE_TTL = Duration.ofHours(2);

  private final Repository repository;
  private final SnapshotDownloader downloader;
  private final RestoreTool tool;
  private final String runner;

  public EtcdRestorer(
      Repository repository, SnapshotDownloader downloader, RestoreTool tool, String runner) {
    this.repository = repository;
    this.downloader = downloader;
    this.tool = tool;
    this.runner = runner;
  }

  /**
   * One restore. {@code backup} is an id or {@code latest}; {@code bumpRevision} 0 opts out of the
   * revision bump; {@code workDir} (null: the data dir's parent) holds the downloaded snapshot and
   * the staging dir, never inside the data dir.
   */
  public record Request(
      ClusterName cluster,
      String backup,
      RestoreSpec spec,
      long bumpRevision,
      Path workDir,
      DownloadProgress progress,
      ToRevision toRevision,
      ToTime toTime) {

    public Request(
        ClusterName cluster,
        String backup,
        RestoreSpec spec,
        long bumpRevision,
        Path workDir,
        DownloadProgress progress,
        ToRevision toRevision) {
      this(cluster, backup, spec, bumpRevision, workDir, progress, toRevision, null);
    }

    public Request(
        ClusterName cluster,
        String backup,
        RestoreSpec spec,
        long bumpRevision,
        Path workDir,
        DownloadProgress progress) {
      this(cluster, backup, spec, bumpRevision, workDir, progress, null, null);
    }

    public Request {
      if (bumpRevision < 0) {
        throw new InvalidConfigurationException(
            "--bump-revision must be >= 0 (0 opts out), was " + bumpRevision);
      }
      progress = progress == null ? DownloadProgress.NONE : progress;
      if (toRevision != null && toTime != null) {
        throw new InvalidConfigurationException(
            "--to-time and --to-revision name the same thing two ways: give one of them");
      }
    }
  }

  public EtcdRestoreReport restore(Request request) {
    Instant started = repository.clock().instant();
    Path dataDir = request.spec().dataDir().toAbsolutePath();
    StagedDataDir.requireEmpty(dataDir);
    Scope scope = Scope.cluster(request.cluster());
    Chosen chosen = choose(scope, request);
    DeltaChain chain = chosen.chain();
    Manifest manifest = chosen.manifest();
    BackupRef ref = manifest.ref();
    RestoreSpec spec = request.spec().withDefaultToken(ref.id().toString());
    RestorePlan plan = RestorePlan.of(tool, manifest, request.bumpRevision());
    plan.warnings().forEach(LOG::warn);
    String restoreId = BackupId.next(started).toString();
    try (Lease lease =
        new Leases(repository.store(), repository.clock())
            .acquire(
                RepositoryLayout.restoreLease(Kind.ETCD, scope),
                runner,
                "etcd restore " + restoreId + " of " + ref.id() + " into " + dataDir,
                LEASE_TTL,
                chain == null ? List.of(ref.catalogKey()) : chainKeys(chain))) {
      LOG.infof("etcd restore %s: %s into %s with %s", restoreId, ref, dataDir, tool);
      Report report = new Report(restoreId, ref, started, spec, plan);
      try {
        report.note = chosen.note();
        restoreInto(chosen, spec, plan, request, report);
      } catch (RuntimeException e) {
        report.writeQuietly(EtcdRestoreReport.FAILED, e.getMessage());
        throw e;
      }
      // The data dir is restored: a report that cannot be stored is logged, not a failed restore.
      return report.writeQuietly(
          EtcdRestoreReport.RESTORED,
          "restored into "
              + dataDir
              + (report.note == null ? "" : ", " + report.note)
              + (report.replayed == null ? "" : ", " + report.replayed));
    }
  }

  /** What to restore: a full snapshot as it is, or a chain replayed to a revision. */
  private record Chosen(Manifest manifest, DeltaChain chain, ToRevision replayTo, String note) {}

  private Chosen choose(Scope scope, Request request) {
    if (request.toTime() != null) {
      Instant time = request.toTime().time();
      ChainAtTime at = new ChainResolver(repository).resolveAt(scope, request.backup(), time);
      String note = at.describe(time);
      LOG.info("etcd restore " + note);
      return at.full()
          ? new Chosen(at.chain().root(), null, null, note)
          : new Chosen(at.chain().root(), at.chain(), request.toTime().at(at.revision()), note);
    }
    if (request.toRevision() != null) {
      DeltaChain chain =
          new ChainResolver(repository)
              .resolve(scope, request.backup(), request.toRevision().revision());
      return new Chosen(chain.root(), chain, request.toRevision(), null);
    }
    BackupRef ref = repository.resolve(Kind.ETCD, scope, request.backup());
    return new Chosen(repository.manifest(ref), null, null, null);
  }

  private static List<String> chainKeys(DeltaChain chain) {
    List<String> keys = new ArrayList<>();
    keys.add(chain.root().ref().catalogKey());
    chain.deltas().forEach(d -> keys.add(d.ref().catalogKey()));
    return keys;
  }

  private void restoreInto(
      Chosen chosen, RestoreSpec spec, RestorePlan plan, Request request, Report report) {
    Path dataDir = spec.dataDir().toAbsolutePath();
    Path workDir = request.workDir() != null ? request.workDir() : dataDir.getParent();
    Path work = null;
    try {
      Files.createDirectories(workDir);
      work = Files.createTempDirectory(workDir, ".lifeboat-restore-");
      Path file;
      if (chosen.chain() == null) {
        SnapshotDownloader.Downloaded snapshot =
            downloader.download(chosen.manifest(), work.resolve("snapshot.db"), request.progress());
        report.snapshot = snapshot;
        file = snapshot.file();
      } else {
        file = pointInTime(chosen, request, work, report);
      }
      Path staged = work.resolve("data");
      RestoreTool.Run run = tool.restore(file, spec, staged, plan.bumpRevision());
      report.arguments = run.arguments();
      if (run.exitCode() != 0) {
        throw new RestoreTool.ToolFailedException(
            tool.name() + " snapshot restore exited " + run.exitCode() + ": " + tail(run.output()),
            null);
      }
      StagedDataDir.promote(staged, dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("etcd restore into " + dataDir + ": " + e.getMessage(), e);
    } finally {
      StagedDataDir.deleteTree(work);
    }
  }

  private Path pointInTime(Chosen chosen, Request request, Path work, Report report)
      throws IOException {
    DeltaChain chain = chosen.chain();
    ToRevision target = chosen.replayTo();
    PointInTime.Built built =
        new PointInTime(
                repository,
                downloader,
                downloader.decoding(),
                tool,
                target.etcdPath(),
                target.etcdBinary(),
                target.startTimeout())
            .build(chain, target.revision(), work, request.progress());
    report.replayed =
        String.format(
            "at revision %d: base %s (its own revision %d) + %s, %s replayed%s",
            built.revision(),
            chain.root().id(),
            built.baseRevision(),
            Count.of(built.deltas(), "delta"),
            Count.of(built.events(), "event"),
            built.withoutLease() == 0
                ? ""
                : ", "
                    + Count.of(built.withoutLease(), "key")
                    + " without their lease (granted after the base)");
    LOG.info("etcd point-in-time snapshot " + report.replayed);
    return built.snapshot();
  }

  static String tail(String output) {
    String trimmed = output.strip();
    return trimmed.length() <= 2_000
        ? trimmed
        : "..." + trimmed.substring(trimmed.length() - 2_000);
  }

  /** The report being assembled; written once, at the end. */
  private final class Report {
    private final String restoreId;
    private final BackupRef ref;
    private final Instant started;
    private final RestoreSpec spec;
    private final RestorePlan plan;
    SnapshotDownloader.Downloaded snapshot;
    String replayed;
    String note;
    List<String> arguments = List.of();

    Report(String restoreId, BackupRef ref, Instant started, RestoreSpec spec, RestorePlan plan) {
      this.restoreId = restoreId;
      this.ref = ref;
      this.started = started;
      this.spec = spec;
      this.plan = plan;
    }

    EtcdRestoreReport build(String result, String message) {
      return EtcdRestoreReport.builder(restoreId, ref.scope() + "/" + ref.id())
          .run(runner, started, repository.clock().instant())
          .tool(tool.name(), tool.version())
          .snapshot(
              plan.snapshotServerVersion(),
              snapshot == null ? 0 : snapshot.size(),
              snapshot == null ? null : snapshot.sha256())
          .member(spec.dataDir().toAbsolutePath().toString(), spec.name(), arguments)
          .bumpRevision(plan.bumpRevision())
          .warnings(new ArrayList<>(plan.warnings()))
          .result(result, message)
          .build();
    }

    EtcdRestoreReport writeQuietly(String result, String message) {
      EtcdRestoreReport report = build(result, message);
      try {
        repository
            .store()
            .put(
                RepositoryLayout.restoreReport(Kind.ETCD, ref.scope(), restoreId),
                Json.write(report),
                Condition.ifAbsent());
      } catch (RuntimeException e) {
        LOG.warnf("could not store the report of etcd restore %s (%s): %s", restoreId, result, e);
      }
      return report;
    }
  }
}
