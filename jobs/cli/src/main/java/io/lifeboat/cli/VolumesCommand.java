package io.lifeboat.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Stores;
import io.lifeboat.app.VolumesConfig;
import io.lifeboat.app.VolumesTasks;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.volumes.VolumeRestoreReport;
import io.lifeboat.volumes.VolumesOutcome;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "volumes",
    mixinStandardHelpOptions = true,
    description = "CSI volume snapshots of PVCs, and restores from them.",
    subcommands = {VolumesCommand.Snapshot.class, VolumesCommand.Restore.class})
public class VolumesCommand {

  @Command(
      name = "snapshot",
      mixinStandardHelpOptions = true,
      description =
          "Snapshot the selected namespaces' PVCs now (a manual run: no schedule slot)."
              + " Configured like the CronJob: lifeboat.volumes.*. Exit 3 when some PVCs failed.")
  static class Snapshot implements Callable<Integer> {
    @Inject LifeboatConfig config;
    @Inject VolumesConfig volumes;
    @Inject KubernetesClient client;

    @Override
    public Integer call() {
      try (ObjectStore store = Stores.openForBackup(config)) {
        VolumesOutcome outcome =
            VolumesTasks.snapshot(
                config,
                volumes,
                client,
                store,
                new RunTrigger.Manual("run from the CLI"),
                Clock.systemUTC());
        System.out.println(outcome.summary());
        return outcome.exitCode().code();
      }
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description =
          "Recreate a namespace's PVCs from a volumes backup: a VolumeSnapshotContent from each"
              + " recorded snapshot handle, a VolumeSnapshot, and a PVC restored from it."
              + " Works when the namespace and its snapshots are gone. Exit 3 when some failed.")
  static class Restore implements Callable<Integer> {
    @Inject LifeboatConfig config;
    @Inject KubernetesClient client;
    @Mixin LocationOptions location;

    @Parameters(index = "0", description = "the backed-up namespace")
    String namespace;

    @Parameters(
        index = "1",
        arity = "0..1",
        defaultValue = "latest",
        description = "backup id or 'latest'")
    String backup;

    @Option(names = "--namespace-mapping", description = "restore into this namespace instead")
    String target;

    @Option(
        names = "--storage-class-mapping",
        split = ",",
        description = "old=new StorageClass names, e.g. gp2=gp3")
    Map<String, String> storageClasses = Map.of();

    @Override
    public Integer call() {
      try (ObjectStore store = location.open(config)) {
        VolumeRestoreReport report =
            VolumesTasks.restore(
                config,
                client,
                store,
                namespace,
                backup,
                target,
                storageClasses,
                Clock.systemUTC());
        report
            .volumes()
            .forEach(v -> System.out.println(v.pvc() + "\t" + v.status() + "\t" + v.detail()));
        System.out.println(report.summary());
        return report.exitCode().code();
      }
    }
  }
}
