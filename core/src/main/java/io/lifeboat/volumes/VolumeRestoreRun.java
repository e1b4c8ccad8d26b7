package io.lifeboat.volumes;

import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Lease;
import io.lifeboat.repository.Leases;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import io.lifeboat.store.Condition;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code lifeboat volumes restore} on its own: reads the backup's catalog entry, holds the restore
 * lease of the target scope (so two restores never interleave and prune spares the backup), runs
 * {@link VolumeRestorer}, and stores the report under {@code restores/volumes/<target-scope>/}. A
 * namespace restore that already holds its own lease calls {@link VolumeRestorer#restore} instead.
 */
public final class VolumeRestoreRun {
  private final Repository repository;
  private final VolumeRestorer restorer;

  public VolumeRestoreRun(Repository repository, VolumeRestorer restorer) {
    this.repository = repository;
    this.restorer = restorer;
  }

  public VolumeRestoreReport run(
      BackupRef ref,
      String targetNamespace,
      Map<String, String> storageClassMapping,
      String holder,
      Duration leaseTtl) {
    Manifest manifest = repository.manifest(ref);
    VolumesSource source = manifest.source(VolumesSource.class);
    String target = targetNamespace == null ? source.namespace() : targetNamespace;
    Scope targetScope = Scope.namespace(ref.scope().cluster(), target);
    String restoreId =
        ("r" + io.lifeboat.repository.BackupId.next(repository.clock().instant()))
            .toLowerCase(java.util.Locale.ROOT);
    try (Lease lease =
        new Leases(repository.store(), repository.clock())
            .acquire(
                RepositoryLayout.restoreLease(Kind.VOLUMES, targetScope),
                holder,
                "volumes restore of " + ref + " into " + target,
                leaseTtl,
                List.of(ref.catalogKey()))) {
      VolumeRestoreReport report =
          restorer.restore(
              new VolumeRestoreRequest(
                  ref.toString(), source, target, storageClassMapping, restoreId, null));
      repository
          .store()
          .put(
              RepositoryLayout.restoreReport(Kind.VOLUMES, targetScope, restoreId),
              Json.write(report),
              Condition.none());
      return report;
    }
  }
}
