package io.lifeboat.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.ExportConfig;
import io.lifeboat.app.ExportTasks;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Stores;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.store.ObjectStore;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    name = "export",
    description =
        "Export the selected namespaces now (a manual run). Configured like the CronJob: lifeboat.export.*")
public class NamespaceExportCommand implements Callable<Integer> {
  @Inject LifeboatConfig config;
  @Inject ExportConfig export;
  @Inject Instance<KubernetesClient> client;

  @Override
  public Integer call() {
    try (ObjectStore store = Stores.openForBackup(config)) {
      var reports =
          ExportTasks.export(
              config,
              export,
              client.get(),
              store,
              new RunTrigger.Manual("run from the CLI"),
              Clock.systemUTC());
      reports.forEach(r -> System.out.println(r.summary()));
      return ExportTasks.exitCode(reports).code();
    }
  }
}
