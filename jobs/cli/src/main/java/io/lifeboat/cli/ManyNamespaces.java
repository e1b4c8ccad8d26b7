package io.lifeboat.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.ManyNamespaceRestores;
import io.lifeboat.app.NamespaceRestoreConfig;
import io.lifeboat.app.NamespaceRestores;
import io.lifeboat.app.RestoreSettings;
import io.lifeboat.repository.Repository;
import io.lifeboat.restore.namespace.NamespaceRestorer;
import io.lifeboat.restore.namespace.RestoreFanOut;
import io.lifeboat.store.ObjectStore;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;

/**
 * {@code restore namespace latest --namespaces 'team-*'}: the namespaces with backups matching the
 * glob, restored {@code --parallel} at a time through {@link ManyNamespaceRestores} (the restore
 * Job's {@code lifeboat.restore.namespaces} makes the same calls). Exit 3 when some failed.
 */
final class ManyNamespaces {
  static final ManyNamespaceRestores.Names FLAGS =
      new ManyNamespaceRestores.Names("--namespace", "--namespaces", "--parallel", "BACKUP");

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
    // LIFEBOAT_RESTORE_NAMESPACE in the environment does not count against the flag.
    ManyNamespaceRestores.validate(settings.withNamespace(null), glob, parallel, FLAGS);
    var many = new ManyNamespaceRestores(config, restore, settings, System.out);
    try (ObjectStore store = location.open(config)) {
      Repository repository = new Repository(store, Clock.systemUTC());
      var names = many.namespaces(repository, glob);
      NamespaceRestorer restorer =
          NamespaceRestores.restorer(repository, dryRun ? null : client.get());
      if (dryRun) {
        many.renderPlans(restorer, repository, names);
        return 0;
      }
      var outcomes = many.restore(restorer, repository, names, glob, parallel, outcome -> {});
      return RestoreFanOut.exitCode(outcomes).code();
    }
  }
}
