package io.lifeboat.jobs.restore;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.Launcher;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.NamespaceRestoreConfig;
import io.lifeboat.app.NamespaceRestores;
import io.lifeboat.app.Stores;
import io.lifeboat.app.observe.ObserveConfig;
import io.lifeboat.app.observe.RestoreRunReports;
import io.lifeboat.app.observe.RunObserver;
import io.lifeboat.repository.Repository;
import io.lifeboat.restore.namespace.NamespaceRestorer;
import io.lifeboat.restore.namespace.RestorePlan;
import io.lifeboat.store.ObjectStore;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One namespace restore: config -> plan -> execute (or print the plan) -> exit code, then a report
 * (Event on the pod, Pushgateway) unless it was a dry run that succeeded.
 */
public class NamespaceRestoreApp implements QuarkusApplication {
  @Inject LifeboatConfig config;
  @Inject NamespaceRestoreConfig restore;
  @Inject ObserveConfig observe;
  @Inject KubernetesClient client;

  @Override
  public int run(String... args) {
    Clock clock = Clock.systemUTC();
    Instant start = clock.instant();
    RunObserver observer = RunObserver.from(observe, System.getenv(), () -> client);
    try (ObjectStore store = Stores.open(config)) {
      Repository repository = new Repository(store, clock);
      var settings = NamespaceRestores.settings(restore, config);
      NamespaceRestorer restorer = NamespaceRestores.restorer(repository, client);
      var request =
          NamespaceRestores.request(
              settings, config, repository, NamespaceRestores.limits(restore));
      try (RestorePlan plan = restorer.plan(request)) {
        if (restore.dryRun()) {
          plan.render(System.out);
          return 0;
        }
        var report = restorer.execute(plan);
        System.out.print(report.render());
        observer.observe(RestoreRunReports.of(report, Duration.between(start, clock.instant())));
        return report.exitCode().code();
      }
    } catch (RuntimeException e) {
      String scope =
          config.cluster().orElse("unknown") + restore.namespace().map(n -> "/" + n).orElse("");
      observer.observe(
          RestoreRunReports.failed(scope, e, Duration.between(start, clock.instant())));
      return Launcher.report(e);
    }
  }
}
