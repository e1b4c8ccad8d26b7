package io.lifeboat.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.VolumesTasks;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.volumes.VolumeRestoreReport;
import jakarta.enterprise.inject.Instance;
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
    description =
        "Recreate a namespace's PVCs from a volumes backup: a VolumeSnapshotContent from each"
            + " recorded snapshot handle, a VolumeSnapshot, and a PVC restored from it."
            + " Works when the namespace and its snapshots are gone. Exit 3 when some failed.")
class VolumesRestoreCommand implements Callable<Integer> {
  @Inject LifeboatConfig config;
  @Inject Instance<KubernetesClient> client;
  @Mixin LocationOptions location;

  @Parameters(index = "0", paramLabel = "BACKUP", description = "backup id or 'latest'")
  String backup;

  @Option(
      names = "--namespace",
      required = true,
      paramLabel = "NAMESPACE",
      description = "the backed-up namespace")
  String namespace;

  @Option(
      names = "--namespace-mapping",
      paramLabel = "OLD:NEW",
      description = "restore into NEW instead (OLD is --namespace)")
  String mapping;

  @Option(
      names = "--storage-class-mapping",
      split = ",",
      paramLabel = "OLD=NEW",
      description = "StorageClass names, e.g. gp2=gp3")
  Map<String, String> storageClasses = Map.of();

  @Override
  public Integer call() {
    String target = mapping == null ? null : target();
    String wanted = Flags.backup(backup);
    try (ObjectStore store = location.open(config)) {
      VolumeRestoreReport report =
          VolumesTasks.restore(
              config,
              client.get(),
              store,
              namespace,
              wanted,
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

  private String target() {
    String[] pair = NamespaceMapping.split(mapping);
    if (!pair[0].equals(namespace)) {
      throw new InvalidConfigurationException(
          "--namespace-mapping '"
              + mapping
              + "': OLD must be the --namespace being restored ('"
              + namespace
              + "')");
    }
    return pair[1];
  }
}
