package io.lifeboat.jobs.restore;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.Launcher;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.NamespaceRestoreConfig;
import io.lifeboat.app.NamespaceRestores;
import io.lifeboat.app.Stores;
import io.lifeboat.repository.Repository;
import io.lifeboat.restore.namespace.NamespaceRestorer;
import io.lifeboat.restore.namespace.RestorePlan;
import io.lifeboat.store.ObjectStore;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.time.Clock;

/** One namespace restore: config -> plan -> execute (or print the plan) -> exit code. */
public class NamespaceRestoreApp implements QuarkusApplication {
  @Inject LifeboatConfig config;
  @Inject NamespaceRestoreConfig restore;
  @Inject KubernetesClient client;

  @Override
  public int run(String... args) {
    try (ObjectStore store = Stores.open(config)) {
      Repository repository = new Repository(store, Clock.systemUTC());
      var settings = NamespaceRestores.settings(restore, config);
      NamespaceRestorer restorer = NamespaceRestores.restorer(repository, client);
      RestorePlan plan = restorer.plan(NamespaceRestores.request(settings, config, repository));
      if (Stores.bool(restore.dryRun(), "lifeboat.restore.dry-run")) {
        System.out.print(plan.render());
        return 0;
      }
      var report = restorer.execute(plan);
      System.out.print(report.render());
      return report.exitCode().code();
    } catch (RuntimeException e) {
      return Launcher.report(e);
    }
  }
}
