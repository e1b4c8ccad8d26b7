package io.lifeboat.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.NamespaceRestoreConfig;
import io.lifeboat.app.NamespaceRestores;
import io.lifeboat.repository.Repository;
import io.lifeboat.restore.namespace.NamespaceRestorer;
import io.lifeboat.restore.namespace.RestorePlan;
import io.lifeboat.store.ObjectStore;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "namespace",
    description =
        "Namespace backups: export now, restore into a cluster, or render for kubectl apply.",
    subcommands = {
      NamespaceExportCommand.class,
      NamespaceCommand.Restore.class,
      NamespaceCommand.Render.class
    })
public class NamespaceCommand {

  /** Flags shared by restore and render; each overrides its lifeboat.restore.* property. */
  static class BackupOptions {
    @Option(names = "--namespace", description = "the backup's namespace")
    String namespace;

    @Option(names = "--backup", description = "backup id or 'latest' (default)")
    String backup;

    @Option(names = "--namespace-mapping", split = ",", description = "old:new")
    List<String> mapping;

    @Option(
        names = "--include-resources",
        split = ",",
        description = "types, e.g. deployments.apps")
    List<String> include;

    @Option(names = "--exclude-resources", split = ",", description = "types to leave out")
    List<String> exclude;

    @Option(names = "--selector", description = "label selector (repeatable: OR)")
    List<String> selectors;

    @Option(names = "--resource-modifiers", description = "resource modifiers YAML file")
    Path modifiers;

    @Option(names = "--identity", description = "age identity file (lifeboat.age.identity-file)")
    Path identity;

    NamespaceRestores.Settings over(NamespaceRestores.Settings base) {
      return new NamespaceRestores.Settings(
          namespace != null ? namespace : base.namespace(),
          backup != null ? backup : base.backup(),
          mapping != null ? mapping : base.mapping(),
          base.existing(),
          include != null ? include : base.includeResources(),
          exclude != null ? exclude : base.excludeResources(),
          selectors != null ? selectors : base.selectors(),
          modifiers != null ? modifiers : base.modifiers(),
          base.preserveNodePorts(),
          base.crdTimeout(),
          base.deleteTimeout(),
          base.parallelism(),
          identity != null ? identity : base.identity(),
          base.volumesBackup(),
          base.volumesWindow());
    }
  }

  @Command(
      name = "restore",
      description = "Restore a namespace backup (exit 3 if any object failed).")
  static class Restore implements Callable<Integer> {
    @Inject LifeboatConfig config;
    @Inject NamespaceRestoreConfig restore;
    @Inject Instance<KubernetesClient> client;
    @Mixin LocationOptions location;
    @Mixin BackupOptions backup;

    @Option(names = "--existing", description = "skip (default), update or recreate")
    String existing;

    @Option(names = "--dry-run", description = "print the plan in order; write nothing")
    boolean dryRun;

    @Option(
        names = "--volumes-backup",
        description =
            "PVCs from a volumes backup's snapshots: nearest (default), none (from the archive)"
                + " or a backup id")
    String volumesBackup;

    @Option(
        names = "--volumes-window",
        description = "how far from the namespace backup 'nearest' looks (ISO-8601, default PT1H)")
    Duration volumesWindow;

    @Override
    public Integer call() {
      var base = NamespaceRestores.settings(restore, config);
      var settings = backup.over(base);
      if (existing != null) {
        settings = withExisting(settings, existing);
      }
      settings = settings.withVolumes(volumesBackup, volumesWindow);
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
          var report = restorer.execute(plan);
          System.out.print(report.render());
          return report.exitCode().code();
        }
      }
    }

    private static NamespaceRestores.Settings withExisting(NamespaceRestores.Settings s, String e) {
      return new NamespaceRestores.Settings(
          s.namespace(),
          s.backup(),
          s.mapping(),
          e,
          s.includeResources(),
          s.excludeResources(),
          s.selectors(),
          s.modifiers(),
          s.preserveNodePorts(),
          s.crdTimeout(),
          s.deleteTimeout(),
          s.parallelism(),
          s.identity(),
          s.volumesBackup(),
          s.volumesWindow());
    }
  }

  @Command(name = "render", description = "Write a backup's objects for kubectl apply -f.")
  static class Render implements Callable<Integer> {
    @Inject LifeboatConfig config;
    @Inject NamespaceRestoreConfig restore;
    @Mixin LocationOptions location;
    @Mixin BackupOptions backup;

    @Option(names = "--clean", description = "clean as a restore would (otherwise: as archived)")
    boolean clean;

    @Option(
        names = {"-o", "--output"},
        description = "json (a List, default) or yaml")
    String output = "json";

    @Override
    public Integer call() {
      var settings = backup.over(NamespaceRestores.settings(restore, config));
      try (ObjectStore store = location.open(config)) {
        Repository repository = new Repository(store, Clock.systemUTC());
        var request =
            NamespaceRestores.request(
                settings, config, repository, NamespaceRestores.limits(restore));
        try (RestorePlan plan = NamespaceRestores.restorer(repository, null).plan(request)) {
          plan.writeObjects(System.out, output, clean);
          System.out.flush();
          return 0;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
