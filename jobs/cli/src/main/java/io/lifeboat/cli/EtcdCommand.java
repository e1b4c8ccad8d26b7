package io.lifeboat.cli;

import io.lifeboat.app.EtcdConfig;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Stores;
import io.lifeboat.app.Tasks;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.store.ObjectStore;
import io.smallrye.config.SmallRyeConfig;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "etcd",
    description =
        "etcd snapshots (read them back with lifeboat backups download|verify, lifeboat restore"
            + " etcd).",
    subcommands = {EtcdCommand.Snapshot.class, EtcdCommand.Delta.class})
public class EtcdCommand {

  @Command(
      name = "snapshot",
      modelTransformer = Snapshot.TaskOptions.class,
      description =
          "Take one etcd snapshot now (a manual run: it claims no schedule slot). Every flag is"
              + " the environment variable of the same name, as the CronJob reads it.")
  static class Snapshot implements Callable<Integer> {
    static final List<Class<?>> MAPPINGS = List.of(LifeboatConfig.class, EtcdConfig.class);

    /** Adds one flag per property of {@link #MAPPINGS}. */
    public static class TaskOptions implements IModelTransformer {
      @Override
      public CommandSpec transform(CommandSpec spec) {
        return TaskFlags.addTo(spec, MAPPINGS);
      }
    }

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      SmallRyeConfig flags = TaskFlags.config(spec, MAPPINGS);
      LifeboatConfig config = flags.getConfigMapping(LifeboatConfig.class);
      TerminalProgress progress =
          TerminalProgress.forTerminal("snapshot", TerminalProgress.Unit.BYTES);
      try (ObjectStore store = Stores.openForBackup(config)) {
        var result =
            Tasks.etcdSnapshot(
                    config,
                    flags.getConfigMapping(EtcdConfig.class),
                    store,
                    new RunTrigger.Manual("run from the CLI"),
                    Clock.systemUTC(),
                    progress.reporting())
                .orThrow();
        progress.finish();
        System.out.println(result.summary());
        return result.exitCode().code();
      } finally {
        progress.finish();
      }
    }
  }

  @Command(
      name = "delta",
      modelTransformer = Snapshot.TaskOptions.class,
      description =
          "Store the etcd events since the newest committed full snapshot or delta (a manual run:"
              + " it claims no schedule slot). A compacted start or a missing base takes a full"
              + " snapshot instead, or exits 4 with LIFEBOAT_ETCD_DELTA_ON_GAP=fail.")
  static class Delta implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      SmallRyeConfig flags = TaskFlags.config(spec, Snapshot.MAPPINGS);
      LifeboatConfig config = flags.getConfigMapping(LifeboatConfig.class);
      try (ObjectStore store = Stores.openForBackup(config)) {
        var result =
            Tasks.etcdDelta(
                    config,
                    flags.getConfigMapping(EtcdConfig.class),
                    store,
                    new RunTrigger.Manual("run from the CLI"),
                    Clock.systemUTC())
                .orThrow();
        System.out.println(result.summary());
        return result.exitCode().code();
      }
    }
  }
}
