package io.lifeboat.app;

import io.lifeboat.codec.Encoding;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.etcd.EtcdBackup;
import io.lifeboat.etcd.EtcdSettings;
import io.lifeboat.etcd.EtcdSnapshotter;
import io.lifeboat.etcd.delta.DeltaSettings;
import io.lifeboat.etcd.delta.EtcdDeltaBackup;
import io.lifeboat.progress.Progress;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Repository;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.store.ObjectStore;
import java.time.Clock;

/**
 * Builds each use-case from config, so a CronJob, the CLI and a function run the very same call.
 * Only translation lives here: config values to core settings.
 */
public final class Tasks {
  private Tasks() {}

  public static ClusterName cluster(LifeboatConfig config) {
    return new ClusterName(config.cluster().orElse(null));
  }

  public static RunTrigger trigger(LifeboatConfig config, Clock clock) {
    return RunTrigger.resolve(
        config.jobName().orElse(null),
        config.schedule().orElse(null),
        config.scheduleTimeZone(),
        clock.instant());
  }

  public static EtcdSettings etcdSettings(EtcdConfig etcd) {
    EtcdSettings.Builder settings =
        EtcdSettings.builder(
                etcd.endpoints()
                    .orElseThrow(
                        () ->
                            new InvalidConfigurationException(
                                "lifeboat.etcd.endpoints is required (e.g. https://127.0.0.1:2379)")))
            .connectTimeout(etcd.connectTimeout())
            .deadline(etcd.deadline());
    etcd.member().ifPresent(settings::member);
    etcd.caFile().ifPresent(settings::caFile);
    etcd.certFile().ifPresent(settings::certFile);
    etcd.keyFile().ifPresent(settings::keyFile);
    etcd.user().ifPresent(settings::user);
    etcd.password().ifPresent(settings::password);
    return settings.build();
  }

  /**
   * One etcd snapshot run against the given store (least privilege for scheduled jobs), bounded as
   * a whole by {@code lifeboat.etcd.deadline}.
   */
  public static ClaimedRun.Result etcdSnapshot(
      LifeboatConfig config, EtcdConfig etcd, ObjectStore store, RunTrigger trigger, Clock clock) {
    return etcdSnapshot(config, etcd, store, trigger, clock, Progress.NONE);
  }

  /** As above, telling {@code progress} the snapshot bytes read from etcd (the CLI draws them). */
  public static ClaimedRun.Result etcdSnapshot(
      LifeboatConfig config,
      EtcdConfig etcd,
      ObjectStore store,
      RunTrigger trigger,
      Clock clock,
      Progress progress) {
    ClusterName cluster = cluster(config);
    EtcdSettings settings = etcdSettings(etcd);
    Encoding encoding = encoding(config, Encoding.SNAPSHOT_LEVEL);
    EtcdSnapshotter snapshotter = new EtcdSnapshotter(settings, clock, etcd.bufferChunks());
    return new EtcdBackup(new Repository(store, clock), snapshotter)
        .run(
            new EtcdBackup.Request(
                cluster,
                trigger,
                encoding,
                etcd.spoolDir().orElse(null),
                runner(),
                settings.deadline()),
            progress);
  }

  /**
   * One etcd run as {@code lifeboat.etcd.backup} says: a full snapshot, or a delta (which may take
   * a full snapshot instead, or exit 4, by {@code lifeboat.etcd.delta.on-gap}).
   */
  public static ClaimedRun.Result etcdBackup(
      LifeboatConfig config, EtcdConfig etcd, ObjectStore store, RunTrigger trigger, Clock clock) {
    String backup = etcd.backup().strip();
    if ("delta".equals(backup)) {
      return etcdDelta(config, etcd, store, trigger, clock);
    }
    if (!"full".equals(backup)) {
      throw new InvalidConfigurationException(
          "lifeboat.etcd.backup must be full or delta, was '" + backup + "'");
    }
    return etcdSnapshot(config, etcd, store, trigger, clock);
  }

  /** One etcd delta run (issue 17), bounded as a whole by {@code lifeboat.etcd.deadline}. */
  public static ClaimedRun.Result etcdDelta(
      LifeboatConfig config, EtcdConfig etcd, ObjectStore store, RunTrigger trigger, Clock clock) {
    EtcdSettings settings = etcdSettings(etcd);
    DeltaSettings delta =
        new DeltaSettings(
            DeltaSettings.OnGap.parse(etcd.delta().onGap()),
            etcd.delta().maxChain(),
            etcd.delta().maxChainBytes());
    EtcdSnapshotter snapshotter = new EtcdSnapshotter(settings, clock, etcd.bufferChunks());
    return new EtcdDeltaBackup(new Repository(store, clock), snapshotter, settings)
        .run(
            new EtcdDeltaBackup.Request(
                cluster(config),
                trigger,
                encoding(config, Encoding.SNAPSHOT_LEVEL),
                etcd.spoolDir().orElse(null),
                runner(),
                settings.deadline(),
                delta));
  }

  /**
   * zstd at {@code lifeboat.compression.level} (unset: {@code defaultLevel}), age to the configured
   * recipients.
   */
  public static Encoding encoding(LifeboatConfig config, int defaultLevel) {
    return new Encoding(
        config.compression().level().orElse(defaultLevel),
        config.compression().workers(),
        Recipients.of(config));
  }

  /** Who runs: the pod name in Kubernetes, else the host name. */
  public static String runner() {
    String host = System.getenv("HOSTNAME");
    return host == null || host.isBlank() ? "lifeboat@" + ProcessHandle.current().pid() : host;
  }
}
