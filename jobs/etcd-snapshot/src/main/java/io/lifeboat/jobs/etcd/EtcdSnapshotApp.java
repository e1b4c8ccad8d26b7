package io.lifeboat.jobs.etcd;

import io.lifeboat.app.EtcdConfig;
import io.lifeboat.app.Launcher;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Stores;
import io.lifeboat.app.Tasks;
import io.lifeboat.app.observe.ObserveConfig;
import io.lifeboat.app.observe.RunObserver;
import io.lifeboat.app.observe.RunReports;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.Kind;
import io.lifeboat.store.ObjectStore;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * One etcd snapshot or delta ({@code lifeboat.etcd.backup}): config -> {@link Tasks#etcdBackup} ->
 * exit code, then a report.
 */
public class EtcdSnapshotApp implements QuarkusApplication {
  private static final Logger LOG = Logger.getLogger(EtcdSnapshotApp.class);

  @Inject LifeboatConfig config;
  @Inject EtcdConfig etcd;
  @Inject ObserveConfig observe;

  @Override
  public int run(String... args) {
    Clock clock = Clock.systemUTC();
    Instant start = clock.instant();
    String cluster = config.cluster().orElse("unknown");
    RunObserver observer = RunObserver.metricsOnly(observe);
    try (ObjectStore store = Stores.openForBackup(config)) {
      var trigger = Tasks.trigger(config, clock);
      LOG.infof(
          "etcd %s starting: %s, location %s",
          etcd.backup().strip(), trigger.describe(), store.location());
      ClaimedRun.Result result = Tasks.etcdBackup(config, etcd, store, trigger, clock);
      observer.observe(RunReports.claimed(result, Duration.between(start, clock.instant())));
      if (result instanceof ClaimedRun.Result.Failed failed) {
        return Launcher.report(failed.failure());
      }
      LOG.info(result.summary());
      return result.exitCode().code();
    } catch (RuntimeException e) {
      observer.observe(
          RunReports.failed(Kind.ETCD, cluster, e, Duration.between(start, clock.instant())));
      return Launcher.report(e);
    }
  }
}
