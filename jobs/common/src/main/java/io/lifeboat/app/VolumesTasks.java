package io.lifeboat.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.kube.Pause;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.volumes.VolumeRestoreReport;
import io.lifeboat.volumes.VolumeRestoreRun;
import io.lifeboat.volumes.VolumeRestorer;
import io.lifeboat.volumes.VolumeSnapshotter;
import io.lifeboat.volumes.VolumesOutcome;
import io.lifeboat.volumes.VolumesRequest;
import io.lifeboat.volumes.VolumesSelection;
import io.lifeboat.volumes.hooks.ExecHookRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds the volumes use-cases from config, so the job, the CLI and a function run the same. */
public final class VolumesTasks {
  private VolumesTasks() {}

  public static VolumesSelection selection(VolumesConfig volumes) {
    return new VolumesSelection(
        volumes.includeNamespaces().orElse(List.of()),
        volumes.excludeNamespaces().orElse(List.of()),
        volumes.labelSelector().orElse(null));
  }

  /** One volumes backup run against {@code store} (least privilege for scheduled jobs). */
  public static VolumesOutcome snapshot(
      LifeboatConfig config,
      VolumesConfig volumes,
      KubernetesClient client,
      ObjectStore store,
      RunTrigger trigger,
      Clock clock) {
    VolumesRequest request =
        new VolumesRequest(
            Tasks.cluster(config),
            trigger,
            selection(volumes),
            volumes.readyDeadline(),
            volumes.pollInterval(),
            Tasks.runner(),
            volumes.readyDeadline().plus(Duration.ofMinutes(15)));
    return new VolumeSnapshotter(
            client, new Repository(store, clock), new ExecHookRunner(client), Pause.sleeping())
        .run(request);
  }

  /**
   * Restores the volumes backup {@code idOrLatest} of {@code namespace} into {@code target} (null:
   * the same namespace), under the restore lease, writing the report (full-access store).
   */
  public static VolumeRestoreReport restore(
      LifeboatConfig config,
      KubernetesClient client,
      ObjectStore store,
      String namespace,
      String idOrLatest,
      String target,
      Map<String, String> storageClassMapping,
      Clock clock) {
    Repository repository = new Repository(store, clock);
    BackupRef ref =
        repository.resolve(
            Kind.VOLUMES, Scope.namespace(Tasks.cluster(config), namespace), idOrLatest);
    return new VolumeRestoreRun(repository, new VolumeRestorer(client))
        .run(ref, target, storageClassMapping, Tasks.runner(), Duration.ofHours(1));
  }
}
