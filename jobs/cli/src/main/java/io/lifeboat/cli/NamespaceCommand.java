package io.lifeboat.cli;

import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.NamespaceRestoreConfig;
import io.lifeboat.app.NamespaceRestores;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.Repository;
import io.lifeboat.restore.namespace.RestorePlan;
import io.lifeboat.store.ObjectStore;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "namespace",
    description =
        "Namespace backups: export now, or render one for kubectl apply (restore: lifeboat"
            + " restore namespace).",
    subcommands = {NamespaceExportCommand.class, NamespaceCommand.Render.class})
public class NamespaceCommand {

  @Command(name = "render", description = "Write a backup's objects for kubectl apply -f.")
  static class Render implements Callable<Integer> {
    @Inject LifeboatConfig config;
    @Inject NamespaceRestoreConfig restore;
    @Mixin LocationOptions location;
    @Mixin NamespaceBackupOptions backup;

    @Option(names = "--clean", description = "clean as a restore would (otherwise: as archived)")
    boolean clean;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "json (a List, default) or yaml")
    String output = "json";

    @Override
    public Integer call() {
      if (!List.of("json", "yaml").contains(output)) {
        throw new InvalidConfigurationException(
            "-o '" + output + "': namespace render writes json or yaml");
      }
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
