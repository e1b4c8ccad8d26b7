package io.lifeboat.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.NamespaceRestoreConfig;
import io.lifeboat.app.NamespaceRestores;
import io.lifeboat.app.RestoreSettings;
import io.lifeboat.app.StartupFailure;
import io.lifeboat.app.Tasks;
import io.lifeboat.repository.Repository;
import io.lifeboat.restore.namespace.NamespaceRestorer;
import io.lifeboat.restore.namespace.RestoreFanOut;
import io.lifeboat.restore.namespace.RestorePlan;
import io.lifeboat.restore.namespace.RestoreReport;
import io.lifeboat.store.ObjectStore;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.List;

/**
 * {@code restore namespace latest --namespaces 'team-*'}: the namespaces with backups matching the
 * glob, restored {@code --parallel} at a time through {@link RestoreFanOut}, each report printed
 * whole as its restore finishes, then one summary line. Exit 3 when some failed.
 */
final class ManyNamespaces {
  private final LifeboatConfig config;
  private final NamespaceRestoreConfig restore;
  private final RestoreSettings settings;
  private final Instance<KubernetesClient> client;

  ManyNamespaces(
      LifeboatConfig config,
      NamespaceRestoreConfig restore,
      RestoreSettings settings,
      Instance<KubernetesClient> client) {
    this.config = config;
    this.restore = restore;
    this.settings = settings;
    this.client = client;
  }

  int restore(LocationOptions location, String glob, int parallel, boolean dryRun) {
    try (ObjectStore store = location.open(config)) {
      Repository repository = new Repository(store, Clock.systemUTC());
      List<String> names = RestoreFanOut.namespaces(repository, Tasks.cluster(config), glob);
      NamespaceRestorer restorer =
          NamespaceRestores.restorer(repository, dryRun ? null : client.get());
      if (dryRun) {
        for (String namespace : names) {
          try (RestorePlan plan = restorer.plan(request(repository, namespace))) {
            plan.render(System.out);
          }
        }
        return 0;
      }
      var outcomes =
          RestoreFanOut.run(
              names,
              parallel,
              namespace -> {
                try (RestorePlan plan = restorer.plan(request(repository, namespace))) {
                  return restorer.execute(plan);
                }
              },
              ManyNamespaces::print);
      long failed = outcomes.stream().filter(o -> o.exitCode().code() != 0).count();
      System.out.println(
          "restored "
              + (outcomes.size() - failed)
              + " of "
              + outcomes.size()
              + " namespaces matching '"
              + glob
              + "' completely"
              + (failed == 0 ? "" : "; " + failed + " with failures (above)"));
      return RestoreFanOut.exitCode(outcomes).code();
    }
  }

  private io.lifeboat.restore.namespace.RestoreRequest request(
      Repository repository, String namespace) {
    return NamespaceRestores.request(
        settings.withNamespace(namespace), config, repository, NamespaceRestores.limits(restore));
  }

  private static void print(RestoreFanOut.Outcome outcome) {
    RestoreReport report = outcome.report();
    if (report != null) {
      System.out.print(report.render());
    } else {
      System.out.println(
          "namespace "
              + outcome.namespace()
              + ": "
              + StartupFailure.of(outcome.failure()).message()
              + " (exit "
              + outcome.exitCode().code()
              + ")");
    }
    System.out.flush();
  }
}
