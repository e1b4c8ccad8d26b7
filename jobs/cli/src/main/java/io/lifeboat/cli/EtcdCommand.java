package io.lifeboat.cli;

import io.lifeboat.app.EtcdConfig;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Stores;
import io.lifeboat.app.Tasks;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.store.ObjectStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    name = "etcd",
    description = "etcd snapshots.",
    subcommands = {EtcdCommand.Snapshot.class, EtcdDownloadCommand.class, EtcdRestoreCommand.class})
public class EtcdCommand {

  @Command(
      name = "snapshot",
      description =
          "Take one etcd snapshot now (a manual run: it claims no schedule slot). Configured like the CronJob: lifeboat.etcd.*")
  static class Snapshot implements Callable<Integer> {
    @Inject LifeboatConfig config;
    @Inject EtcdConfig etcd;

    @Override
    public Integer call() {
      try (ObjectStore store = Stores.openForBackup(config)) {
        var result =
            Tasks.etcdSnapshot(
                    config,
                    etcd,
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
