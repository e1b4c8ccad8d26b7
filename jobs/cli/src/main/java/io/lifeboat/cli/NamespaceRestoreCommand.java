package io.lifeboat.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.NamespaceRestoreConfig;
import io.lifeboat.app.NamespaceRestores;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.Repository;
import io.lifeboat.restore.namespace.NamespaceRestorer;
import io.lifeboat.restore.namespace.RestorePlan;
import io.lifeboat.restore.namespace.RestoreReport;
import io.lifeboat.store.ObjectStore;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "namespace",
    description = "Restore a namespace backup into the cluster (exit 3 if any object failed).")
class NamespaceRestoreCommand implements Callable<Integer> {
  @Inject LifeboatConfig config;
  @Inject NamespaceRestoreConfig restore;
  @Inject Instance<KubernetesClient> client;
  @Mixin LocationOptions location;
  @Mixin NamespaceBackupOptions backup;

  @Option(
      names = "--existing",
      paramLabel = "POLICY",
      description = "skip (default), update or recreate")
  String existing;

  @Option(names = "--dry-run", description = "print the plan in order; write nothing")
  boolean dryRun;

  @Option(
      names = "--volumes-backup",
      paramLabel = "BACKUP",
      description =
          "PVCs from a volumes backup's snapshots: nearest (default), none (from the archive)"
              + " or a backup id")
  String volumesBackup;

  @Option(
      names = "--volumes-window",
      paramLabel = "DURATION",
      description = "how far from the namespace backup 'nearest' looks (default 1h)")
  Duration volumesWindow;

  @Option(
      names = "--namespaces",
      paramLabel = "GLOB",
      description =
          "restore every namespace of the cluster with a backup matching GLOB (e.g. 'team-*'),"
              + " each from its own BACKUP (use latest), --parallel at a time, one report each")
  String namespaces;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      defaultValue = "2",
      description = "namespaces restored at once with --namespaces (default 2)")
  int parallel;

  @Override
  public Integer call() {
    var settings = backup.over(NamespaceRestores.settings(restore, config));
    if (existing != null) {
      if (!List.of("skip", "update", "recreate").contains(existing)) {
        throw new InvalidConfigurationException(
            "--existing '" + existing + "': write skip, update or recreate");
      }
      settings = settings.withExisting(existing);
    }
    settings = settings.withVolumes(volumesBackup, volumesWindow);
    if (namespaces != null) {
      if (backup.namespace != null) {
        throw new InvalidConfigurationException(
            "--namespace and --namespaces '" + namespaces + "': give one of them");
      }
      return new ManyNamespaces(config, restore, settings, client)
          .restore(location, namespaces, parallel, dryRun);
    }
    try (ObjectStore store = location.open(config)) {
      Repository repository = new Repository(store, Clock.systemUTC());
      NamespaceRestorer restorer =
          NamespaceRestores.restorer(repository, dryRun ? null : client.get());
      var request =
          NamespaceRestores.request(
              settings, config, repository, NamespaceRestores.limits(restore));
      try (RestorePlan plan = restorer.plan(request)) {
        if (dryRun) {
          plan.render(System.out);
          return 0;
        }
        TerminalProgress progress =
            TerminalProgress.forTerminal("restoring", TerminalProgress.Unit.of("object"));
        RestoreReport report;
        try {
          report = restorer.execute(plan, progress.reporting());
        } finally {
          progress.finish();
        }
        System.out.print(report.render());
        return report.exitCode().code();
      }
    }
  }
}
