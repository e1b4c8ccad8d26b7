package io.lifeboat.jobs.volumes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.Launcher;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Stores;
import io.lifeboat.app.Tasks;
import io.lifeboat.app.VolumesConfig;
import io.lifeboat.app.VolumesTasks;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.volumes.VolumesOutcome;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/** One volumes backup: config -> {@link VolumesTasks#snapshot} -> exit code (3 when partial). */
public class VolumeSnapshotApp implements QuarkusApplication {
  private static final Logger LOG = Logger.getLogger(VolumeSnapshotApp.class);

  @Inject LifeboatConfig config;
  @Inject VolumesConfig volumes;
  @Inject KubernetesClient client;

  @Override
  public int run(String... args) {
    Clock clock = Clock.systemUTC();
    try (ObjectStore store = Stores.openForBackup(config)) {
      var trigger = Tasks.trigger(config, clock);
      LOG.infof("volume snapshots starting: %s, location %s", trigger.describe(), store.location());
      VolumesOutcome outcome =
          VolumesTasks.snapshot(config, volumes, client, store, trigger, clock);
      LOG.info(outcome.summary());
      return outcome.exitCode().code();
    } catch (RuntimeException e) {
      return Launcher.report(e);
    }
  }
}
