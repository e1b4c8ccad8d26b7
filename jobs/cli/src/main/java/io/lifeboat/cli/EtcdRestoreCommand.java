package io.lifeboat.cli;

import io.lifeboat.app.EtcdRestoreTasks;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.etcd.restore.EtcdRestoreReport;
import io.lifeboat.etcd.restore.EtcdRestorer;
import io.lifeboat.etcd.restore.RestoreSpec;
import io.lifeboat.etcd.restore.ToRevision;
import io.lifeboat.etcd.restore.ToTime;
import io.lifeboat.store.ObjectStore;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "etcd",
    description =
        "Download and verify an etcd backup, then restore it into an empty data dir with etcdutl"
            + " (or etcdctl) from PATH. Every member restores the same backup with its own --name"
            + " and peer URL and the same --initial-cluster and token. See docs/runbooks/.")
class EtcdRestoreCommand implements Callable<Integer> {
  @Mixin LocationOptions location;
  @Mixin ReadOptions read;

  @Parameters(index = "0", paramLabel = "BACKUP", description = "backup id or 'latest'")
  String backup;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      required = true,
      description = "new, empty data dir")
  Path dataDir;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      required = true,
      description = "this member's name")
  String name;

  @Option(
      names = "--initial-cluster",
      required = true,
      paramLabel = "NAME=PEER_URL,...",
      description = "every member: name=peer-url,...")
  String initialCluster;

  @Option(
      names = "--initial-advertise-peer-urls",
      required = true,
      paramLabel = "URL",
      description = "this member's peer URL(s)")
  String initialAdvertisePeerUrls;

  @Option(
      names = "--initial-cluster-token",
      paramLabel = "TOKEN",
      description = "new cluster token (default: lifeboat-<backup id>, the same on every member)")
  String initialClusterToken;

  @Option(
      names = "--bump-revision",
      paramLabel = "N",
      defaultValue = "1000000000",
      description =
          "add N to the revision and mark it compacted (default ${DEFAULT-VALUE}; 0 opts out)")
  long bumpRevision;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description = "where the snapshot is downloaded (default: the data dir's parent)")
  Path workDir;

  @Option(
      names = "--to-revision",
      paramLabel = "N",
      description =
          "point-in-time: replay the etcd deltas after the base snapshot up to revision N (BACKUP:"
              + " a delta id, its chain; a full snapshot id, its deltas; or latest)")
  Long toRevision;

  @Option(
      names = "--to-time",
      paramLabel = "RFC3339",
      description =
          "point-in-time: the newest delta (or full snapshot) whose run the store proves read its"
              + " revision at or before this instant, e.g. 2026-11-30T16:05:00Z (by the store's"
              + " LastModified; precision: one delta run). Not with --to-revision")
  String toTime;

  @Option(
      names = "--etcd-binary",
      paramLabel = "FILE",
      description = "the etcd server that replays the deltas, on 127.0.0.1 (default: etcd on PATH)")
  Path etcdBinary;

  @Inject LifeboatConfig config;

  @Override
  public Integer call() {
    Clock clock = Clock.systemUTC();
    Path binary = etcdBinary == null ? null : etcdBinary.toAbsolutePath();
    ToTime time =
        toTime == null
            ? null
            : new ToTime(ToTime.parse(toTime), EtcdRestoreTasks.path(), binary, null);
    RestoreSpec spec =
        new RestoreSpec(
            dataDir, name, initialCluster, initialAdvertisePeerUrls, initialClusterToken);
    try (ObjectStore store = location.open(config)) {
      EtcdRestoreReport report =
          EtcdRestoreTasks.restorer(store, read.decoding(config), clock)
              .restore(
                  new EtcdRestorer.Request(
                      read.cluster(config),
                      Flags.backup(backup),
                      spec,
                      bumpRevision,
                      workDir,
                      TerminalProgress.forConsole("downloading"),
                      toRevision == null
                          ? null
                          : new ToRevision(toRevision, EtcdRestoreTasks.path(), binary, null),
                      time));
      System.out.printf(
          "restored %s into %s as member %s with %s %s (%s); report %s%n%s",
          report.backup(),
          report.dataDir(),
          report.name(),
          report.tool(),
          report.toolVersion(),
          report.bumpRevision() > 0
              ? "revision bumped by " + report.bumpRevision() + ", marked compacted"
              : "revision not bumped",
          report.restoreId(),
          toRevision == null && time == null ? "" : report.message() + System.lineSeparator());
      return 0;
    }
  }
}
