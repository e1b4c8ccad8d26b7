package io.lifeboat.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Decoding;
import io.lifeboat.codec.Encoding;
import io.lifeboat.error.ExitCode;
import io.lifeboat.export.ExportRequest;
import io.lifeboat.export.NamespaceExporter;
import io.lifeboat.export.Selection;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import io.lifeboat.restore.namespace.NamespaceRestorer;
import io.lifeboat.restore.namespace.RestoreOptions;
import io.lifeboat.restore.namespace.RestorePlan;
import io.lifeboat.restore.namespace.RestoreReport;
import io.lifeboat.restore.namespace.RestoreReport.ObjectResult;
import io.lifeboat.restore.namespace.RestoreReport.Outcome;
import io.lifeboat.restore.namespace.RestoreRequest;
import io.lifeboat.restore.namespace.VolumeBackupChoice;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.volumes.hooks.HookRunner;
import io.lifeboat.volumes.internal.SnapshotResources;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Export a namespace with a PVC, take volumes backups, lose the namespace, restore it: the PVC
 * comes back from the nearest volumes backup's snapshot, through the volume restorer, inside the
 * namespace restore. The test plays the snapshot controller.
 */
class NamespaceRestoreWithVolumesIT {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  private final InMemoryObjectStore store = new InMemoryObjectStore(clock);
  private final Repository repository = new Repository(store, clock);
  private static final String PV = "pv-shop-data-db-0";
  private VolumesCluster cluster;
  private BackupRef export;

  @BeforeEach
  void start() {
    new RepositoryInitializer(store, clock).init(Set.of());
    cluster = new VolumesCluster();
    cluster.namespace("shop");
    cluster.storageClass("gp3", VolumesCluster.DRIVER);
    cluster.snapshotClass("ebs-snapshots", VolumesCluster.DRIVER, false, false);
    cluster.pvc(
        "shop", "data-db-0", "gp3", "10Gi", Map.of("app", "db"), Map.of(), VolumesCluster.DRIVER);
    cluster
        .client
        .persistentVolumes()
        .withName(PV)
        .edit(
            pv -> {
              pv.getSpec()
                  .setClaimRef(
                      new ObjectReferenceBuilder()
                          .withNamespace("shop")
                          .withName("data-db-0")
                          .build());
              return pv;
            });
    cluster
        .client
        .configMaps()
        .inNamespace("shop")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("app-config")
                .endMetadata()
                .addToData("key", "value")
                .build())
        .create();
    export =
        new NamespaceExporter()
            .export(
                new ExportRequest(
                    cluster.client,
                    new Repository(Repository.backupView(store), clock),
                    Scope.namespace(new ClusterName("prod"), "shop"),
                    null,
                    Selection.all(),
                    Encoding.of(AgeRecipients.none())))
            .backup();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private Manifest volumesBackup() {
    VolumesOutcome outcome =
        new VolumeSnapshotter(
                cluster.client,
                new Repository(Repository.backupView(store), clock),
                hook -> HookRunner.Result.succeeded(),
                cluster.pause(clock))
            .run(VolumesCluster.manualRun("shop"));
    assertThat(outcome.exitCode()).isEqualTo(ExitCode.OK);
    return outcome.of("shop").manifest();
  }

  /** What deleting the namespace does: its objects and snapshots go; Retain contents stay. */
  private void deleteNamespace() {
    cluster.client.persistentVolumeClaims().inNamespace("shop").delete();
    cluster.client.configMaps().inNamespace("shop").delete();
    cluster
        .client
        .genericKubernetesResources(SnapshotResources.SNAPSHOTS)
        .inNamespace("shop")
        .delete();
    cluster.client.namespaces().withName("shop").delete();
    cluster.client.persistentVolumes().withName(PV).delete();
  }

  private static RestoreOptions options() {
    return RestoreOptions.defaults()
        .withWaits(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(10));
  }

  private RestoreRequest request(RestoreOptions options) {
    return new RestoreRequest(export, null, Decoding.withoutIdentities(), options, "test");
  }

  private static ObjectResult result(RestoreReport report, String description) {
    return report.results().stream()
        .filter(r -> r.describe().equals(description))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not in the report: " + description));
  }

  @Test
  void byDefaultTheNearestVolumesBackupBringsThePvcBackFromItsSnapshot() {
    clock.advance(Duration.ofMinutes(2));
    Manifest nearest = volumesBackup();
    clock.advance(Duration.ofMinutes(40));
    volumesBackup();
    deleteNamespace();
    NamespaceRestorer restorer = new NamespaceRestorer(repository, cluster.client);

    RestorePlan plan = restorer.plan(request(options()));
    RestoreReport report = restorer.execute(plan);

    String chosen = "prod/shop/" + nearest.id();
    assertThat(plan.render())
        .contains("volumes: volumes backup " + nearest.id() + " (nearest within 1h; 2m")
        .contains("persistentvolumeclaims shop/data-db-0 (from its snapshot in volumes " + chosen);
    assertThat(report.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(report.failures()).isEmpty();
    assertThat(report.volumes().backup()).isEqualTo(chosen);
    assertThat(report.volumes().decision()).contains(nearest.id());
    VolumeRestoreReport.Result volume = report.volumes().results().get(0);
    assertThat(volume.status()).isEqualTo(VolumeRestoreReport.Status.CREATED);
    assertThat(result(report, "persistentvolumeclaims shop/data-db-0"))
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.CREATED))
        .satisfies(r -> assertThat(r.reason()).contains("from VolumeSnapshot"));
    assertThat(result(report, "configmaps shop/app-config").outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result(report, "persistentvolumes " + PV))
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED))
        .satisfies(r -> assertThat(r.reason()).contains("its claim data-db-0 comes from"));
    assertThat(cluster.client.persistentVolumes().withName(PV).get()).isNull();

    PersistentVolumeClaim pvc =
        cluster.client.persistentVolumeClaims().inNamespace("shop").withName("data-db-0").get();
    assertThat(pvc.getSpec().getDataSource().getKind()).isEqualTo("VolumeSnapshot");
    assertThat(pvc.getSpec().getDataSource().getName()).isEqualTo(volume.volumeSnapshot());
    assertThat(pvc.getSpec().getVolumeName()).isNull();
    assertThat(pvc.getMetadata().getLabels()).containsEntry("app", "db");
    var snapshot = cluster.snapshot("shop", volume.volumeSnapshot());
    assertThat(SnapshotResources.text(snapshot, "spec", "source", "volumeSnapshotContentName"))
        .isEqualTo(volume.volumeSnapshotContent());
    var content = cluster.content(volume.volumeSnapshotContent());
    assertThat(SnapshotResources.text(content, "spec", "source", "snapshotHandle"))
        .isEqualTo(nearest.source(VolumesSource.class).volumes().get(0).snapshotHandle());
    assertThat(SnapshotResources.text(content, "spec", "deletionPolicy")).isEqualTo("Retain");

    String key = RepositoryLayout.restoreReport(Kind.NAMESPACE, plan.target(), plan.restoreId());
    RestoreReport stored = Json.read(store.bytes(key), RestoreReport.class, key);
    assertThat(stored.volumes().backup()).isEqualTo(chosen);
    assertThat(report.render()).contains("volumes: volumes backup " + nearest.id());
    assertThat(store.keys()).noneMatch(k -> k.startsWith("leases/"));
  }

  @Test
  void withNoVolumesBackupInTheWindowThePvcComesFromTheArchiveAndTheReportSaysWhy() {
    clock.advance(Duration.ofHours(2));
    volumesBackup();
    deleteNamespace();
    NamespaceRestorer restorer = new NamespaceRestorer(repository, cluster.client);

    RestoreReport report = restorer.execute(restorer.plan(request(options())));

    assertThat(report.volumes().backup()).isNull();
    assertThat(report.volumes().decision())
        .startsWith("no volumes backup within 1h of " + export.id());
    PersistentVolumeClaim pvc =
        cluster.client.persistentVolumeClaims().inNamespace("shop").withName("data-db-0").get();
    assertThat(pvc.getSpec().getDataSource()).isNull();
    assertThat(pvc.getSpec().getVolumeName()).isEqualTo(PV);
    assertThat(result(report, "persistentvolumes " + PV).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(report.exitCode()).isEqualTo(ExitCode.OK);
  }

  @Test
  void noneNeverTakesAVolumesBackupAndAnUnknownIdIsNotFound() {
    clock.advance(Duration.ofMinutes(1));
    volumesBackup();
    NamespaceRestorer restorer = new NamespaceRestorer(repository, cluster.client);

    RestorePlan none =
        restorer.plan(request(options().withVolumes(new VolumeBackupChoice("none", null))));

    assertThat(none.volumes().fromSnapshots()).isFalse();
    assertThat(none.render()).contains("volumes: volumes backup 'none'");
    assertThatThrownBy(
            () ->
                restorer.plan(
                    request(
                        options()
                            .withVolumes(new VolumeBackupChoice("20261120T000000Z-0001", null)))))
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.NOT_FOUND));
  }
}
