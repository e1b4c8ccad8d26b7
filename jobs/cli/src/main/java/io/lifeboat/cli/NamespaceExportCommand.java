package io.lifeboat.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.ExportConfig;
import io.lifeboat.app.ExportTasks;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Stores;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.store.ObjectStore;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    modelTransformer = NamespaceExportCommand.TaskOptions.class,
    description =
        "Export the selected namespaces now (a manual run: it claims no schedule slot). Every flag"
            + " is the environment variable of the same name, as the CronJob reads it.")
public class NamespaceExportCommand implements Callable<Integer> {
  static final List<Class<?>> MAPPINGS = List.of(LifeboatConfig.class, ExportConfig.class);

  /** Adds one flag per property of {@link #MAPPINGS}. */
  public static class TaskOptions implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      return TaskFlags.addTo(spec, MAPPINGS);
    }
  }

  @Spec CommandSpec spec;

  /**
   * {@code lifeboat.export.shard}; declared here so it also answers to the short {@code --shard}.
   */
  @Option(
      names = {"--export-shard", "--shard"},
      paramLabel = "INDEX/COUNT",
      description =
          "LIFEBOAT_EXPORT_SHARD: export only this part of the selected namespaces, e.g. 2/8"
              + " (0-based index; also --shard)")
  String shard;

  @Inject Instance<KubernetesClient> client;

  @Override
  public Integer call() {
    SmallRyeConfig flags = TaskFlags.config(spec, MAPPINGS);
    LifeboatConfig config = flags.getConfigMapping(LifeboatConfig.class);
    TerminalProgress progress =
        TerminalProgress.forTerminal("exporting", TerminalProgress.Unit.of("object"));
    try (ObjectStore store = Stores.openForBackup(config)) {
      var run =
          ExportTasks.export(
              config,
              flags.getConfigMapping(ExportConfig.class),
              client.get(),
              store,
              new RunTrigger.Manual("run from the CLI"),
              Clock.systemUTC(),
              progress.reporting());
      progress.finish();
      run.results().forEach(r -> System.out.println(r.summary()));
      if (run.shard().sharded()) {
        System.out.println(run.summary());
      }
      return run.exitCode().code();
    } finally {
      progress.finish();
    }
  }
}
