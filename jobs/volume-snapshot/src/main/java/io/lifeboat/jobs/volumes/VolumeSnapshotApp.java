package io.lifeboat.jobs.volumes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.Launcher;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Stores;
import io.lifeboat.app.Tasks;
import io.lifeboat.app.VolumesConfig;
import io.lifeboat.app.VolumesTasks;
import io.lifeboat.app.observe.ObserveConfig;
import io.lifeboat.app.observe.RunObserver;
import io.lifeboat.app.observe.RunReports;
import io.lifeboat.repository.Kind;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.volumes.VolumesOutcome;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * One volumes backup: config -> {@link VolumesTasks#snapshot} -> exit code (3 when partial), then
 * one report per namespace.
 */
public class VolumeSnapshotApp implements QuarkusApplication {
  private static final Logger LOG = Logger.getLogger(VolumeSnapshotApp.class);

  @Inject LifeboatConfig config;
  @Inject VolumesConfig volumes;
  @Inject ObserveConfig observe;
  @Inject KubernetesClient client;

  @Override
  public int run(String... args) {
    Clock clock = Clock.systemUTC();
    Instant start = clock.instant();
    RunObserver observer = RunObserver.from(observe, System.getenv(), () -> client);
    try (ObjectStore store = Stores.openForBackup(config)) {
      var trigger = Tasks.trigger(config, clock);
      LOG.infof("volume snapshots starting: %s, location %s", trigger.describe(), store.location());
      VolumesOutcome outcome =
          VolumesTasks.snapshot(config, volumes, client, store, trigger, clock);
      LOG.info(outcome.summary());
      RunReports.volumes(outcome, Duration.between(start, clock.instant()))
          .forEach(observer::observe);
      return outcome.exitCode().code();
    } catch (RuntimeException e) {
      Duration took = Duration.between(start, clock.instant());
      observer.observe(
          RunReports.failed(Kind.VOLUMES, config.cluster().orElse("unknown"), e, took));
      return Launcher.report(e);
    }
  }
}
