package io.lifeboat.jobs.export;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.ExportConfig;
import io.lifeboat.app.ExportTasks;
import io.lifeboat.app.Launcher;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Stores;
import io.lifeboat.app.Tasks;
import io.lifeboat.app.observe.ObserveConfig;
import io.lifeboat.app.observe.RunObserver;
import io.lifeboat.app.observe.RunReports;
import io.lifeboat.export.ShardRun;
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
 * Exports the selected namespaces (this pod's shard of them in an Indexed Job): config -> {@link
 * ExportTasks#export} -> exit code (3 if partial), then one report per namespace.
 */
public class NamespaceExportApp implements QuarkusApplication {
  private static final Logger LOG = Logger.getLogger(NamespaceExportApp.class);

  @Inject LifeboatConfig config;
  @Inject ExportConfig export;
  @Inject ObserveConfig observe;
  @Inject KubernetesClient client;

  @Override
  public int run(String... args) {
    Clock clock = Clock.systemUTC();
    Instant start = clock.instant();
    RunObserver observer = RunObserver.from(observe, System.getenv(), () -> client);
    try (ObjectStore store = Stores.openForBackup(config)) {
      var trigger = Tasks.trigger(config, clock);
      LOG.infof("namespace export starting: %s, location %s", trigger.describe(), store.location());
      ShardRun run = ExportTasks.export(config, export, client, store, trigger, clock);
      Duration took = Duration.between(start, clock.instant());
      String shard = run.shard().sharded() ? run.shard().toString() : null;
      for (ClaimedRun.Result result : run.results()) {
        if (result instanceof ClaimedRun.Result.Failed failed) {
          Launcher.report(failed.failure());
        } else {
          LOG.info(result.summary());
        }
        observer.observe(RunReports.claimed(result, took).withShard(shard));
      }
      return run.exitCode().code();
    } catch (RuntimeException e) {
      Duration took = Duration.between(start, clock.instant());
      observer.observe(
          RunReports.failed(Kind.NAMESPACE, config.cluster().orElse("unknown"), e, took));
      return Launcher.report(e);
    }
  }
}
