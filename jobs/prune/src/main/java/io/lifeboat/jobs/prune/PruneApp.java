package io.lifeboat.jobs.prune;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.Launcher;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.PruneConfig;
import io.lifeboat.app.PruneRun;
import io.lifeboat.app.PruneTasks;
import io.lifeboat.app.Stores;
import io.lifeboat.app.observe.ObserveConfig;
import io.lifeboat.app.observe.RunObserver;
import io.lifeboat.store.ObjectStore;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * One prune of every configured kind and scope: config -> {@link PruneTasks} -> exit code, then one
 * report per pruned scope (a failure: under the scope it was working on).
 */
public class PruneApp implements QuarkusApplication {
  private static final Logger LOG = Logger.getLogger(PruneApp.class);

  @Inject LifeboatConfig config;
  @Inject PruneConfig prune;
  @Inject ObserveConfig observe;
  @Inject Instance<KubernetesClient> client;

  @Override
  public int run(String... args) {
    Clock clock = Clock.systemUTC();
    RunObserver observer = RunObserver.from(observe, System.getenv(), client::get);
    PruneRun run = new PruneRun(clock, config.cluster().orElse("unknown"), LOG::info);
    // Prune deletes: it needs the full credentials, not a backup run's put-only view.
    try (ObjectStore store = Stores.open(config)) {
      LOG.infof("prune starting: kinds %s, location %s", prune.kinds(), store.location());
      var request = new PruneTasks.Request(null, null, null);
      PruneTasks.prune(config, prune, store, clock, request, client::get, run);
      run.reports().forEach(observer::observe);
      return 0;
    } catch (RuntimeException e) {
      run.failed(e).forEach(observer::observe);
      return Launcher.report(e);
    }
  }
}
