package io.lifeboat.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Stores;
import io.lifeboat.app.VolumesConfig;
import io.lifeboat.app.VolumesTasks;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.volumes.VolumesOutcome;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "volumes",
    description = "CSI volume snapshots of PVCs (restore: lifeboat restore volumes).",
    subcommands = {VolumesCommand.Snapshot.class})
public class VolumesCommand {

  @Command(
      name = "snapshot",
      modelTransformer = Snapshot.TaskOptions.class,
      description =
          "Snapshot the selected namespaces' PVCs now (a manual run: no schedule slot). Every flag"
              + " is the environment variable of the same name. Exit 3 when some PVCs failed.")
  static class Snapshot implements Callable<Integer> {
    static final List<Class<?>> MAPPINGS = List.of(LifeboatConfig.class, VolumesConfig.class);

    /** Adds one flag per property of {@link #MAPPINGS}. */
    public static class TaskOptions implements IModelTransformer {
      @Override
      public CommandSpec transform(CommandSpec spec) {
        return TaskFlags.addTo(spec, MAPPINGS);
      }
    }

    @Spec CommandSpec spec;
    @Inject Instance<KubernetesClient> client;

    @Override
    public Integer call() {
      SmallRyeConfig flags = TaskFlags.config(spec, MAPPINGS);
      LifeboatConfig config = flags.getConfigMapping(LifeboatConfig.class);
      try (ObjectStore store = Stores.openForBackup(config)) {
        VolumesOutcome outcome =
            VolumesTasks.snapshot(
                config,
                flags.getConfigMapping(VolumesConfig.class),
                client.get(),
                store,
                new RunTrigger.Manual("run from the CLI"),
                Clock.systemUTC());
        System.out.println(outcome.summary());
        return outcome.exitCode().code();
      }
    }
  }
}
