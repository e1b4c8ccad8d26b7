package io.lifeboat.jobs.etcd;

import io.lifeboat.app.EtcdConfig;
import io.lifeboat.app.Launcher;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Stores;
import io.lifeboat.app.Tasks;
import io.lifeboat.etcd.EtcdBackup;
import io.lifeboat.store.ObjectStore;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/** One etcd snapshot: config -> {@link Tasks#etcdSnapshot} -> exit code. */
public class EtcdSnapshotApp implements QuarkusApplication {
  private static final Logger LOG = Logger.getLogger(EtcdSnapshotApp.class);

  @Inject LifeboatConfig config;
  @Inject EtcdConfig etcd;

  @Override
  public int run(String... args) {
    Clock clock = Clock.systemUTC();
    try (ObjectStore store = Stores.openForBackup(config)) {
      var trigger = Tasks.trigger(config, clock);
      LOG.infof("etcd snapshot starting: %s, location %s", trigger.describe(), store.location());
      EtcdBackup.Outcome outcome = Tasks.etcdSnapshot(config, etcd, store, trigger, clock);
      LOG.info(outcome.summary());
      return 0;
    } catch (RuntimeException e) {
      return Launcher.report(e);
    }
  }
}
