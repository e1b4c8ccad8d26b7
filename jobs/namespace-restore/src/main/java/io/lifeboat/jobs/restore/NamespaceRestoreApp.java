package io.lifeboat.jobs.restore;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.Launcher;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.ManyNamespaceRestores;
import io.lifeboat.app.NamespaceRestoreConfig;
import io.lifeboat.app.NamespaceRestores;
import io.lifeboat.app.RestoreSettings;
import io.lifeboat.app.Stores;
import io.lifeboat.app.observe.ObserveConfig;
import io.lifeboat.app.observe.RestoreRunReports;
import io.lifeboat.app.observe.RunObserver;
import io.lifeboat.repository.Repository;
import io.lifeboat.restore.namespace.NamespaceRestorer;
import io.lifeboat.restore.namespace.RestoreFanOut;
import io.lifeboat.restore.namespace.RestorePlan;
import io.lifeboat.store.ObjectStore;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One namespace restore: config -> plan -> execute (or print the plan) -> exit code, then a report
 * (Event on the pod, Pushgateway) unless it was a dry run that succeeded. With {@code
 * lifeboat.restore.namespaces} the same for every namespace matching the glob, a bounded number at
 * a time, one report each.
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
    try (ObjectStore store = openAfterChecks()) {
      Repository repository = new Repository(store, clock);
      var settings = NamespaceRestores.settings(restore, config);
      NamespaceRestorer restorer = NamespaceRestores.restorer(repository, client);
      if (restore.namespaces().isPresent()) {
        return many(settings, restore.namespaces().get(), restorer, repository, observer, start);
      }
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

  /** A bad setting beside {@code lifeboat.restore.namespaces} exits 2 before the store is read. */
  private ObjectStore openAfterChecks() {
    restore
        .namespaces()
        .ifPresent(
            glob ->
                ManyNamespaceRestores.validate(
                    NamespaceRestores.settings(restore, config),
                    glob,
                    restore.parallelNamespaces(),
                    ManyNamespaceRestores.Names.JOB));
    return Stores.open(config);
  }

  /**
   * {@code lifeboat.restore.namespaces}: every namespace with a backup matching the glob, {@code
   * lifeboat.restore.parallel-namespaces} at a time; each reported (Event, Pushgateway) as it ends.
   */
  private int many(
      RestoreSettings settings,
      String glob,
      NamespaceRestorer restorer,
      Repository repository,
      RunObserver observer,
      Instant start) {
    int parallel = restore.parallelNamespaces();
    var many = new ManyNamespaceRestores(config, restore, settings, System.out);
    List<String> names = many.namespaces(repository, glob);
    if (restore.dryRun()) {
      many.renderPlans(restorer, repository, names);
      return 0;
    }
    Clock clock = Clock.systemUTC();
    String cluster = config.cluster().orElse("unknown");
    var outcomes =
        many.restore(
            restorer,
            repository,
            names,
            glob,
            parallel,
            outcome -> {
              Duration took = Duration.between(start, clock.instant());
              observer.observe(
                  outcome.report() != null
                      ? RestoreRunReports.of(outcome.report(), took)
                      : RestoreRunReports.failed(
                          cluster + "/" + outcome.namespace(), outcome.failure(), took));
            });
    return RestoreFanOut.exitCode(outcomes).code();
  }
}
