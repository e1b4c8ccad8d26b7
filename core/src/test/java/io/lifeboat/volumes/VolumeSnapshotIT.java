package io.lifeboat.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.lifeboat.error.ExitCode;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.schedule.ScheduleSlot;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.volumes.SnapshotClassChooser.Rule;
import io.lifeboat.volumes.VolumesOutcome.Status;
import io.lifeboat.volumes.hooks.HookRunner;
import io.lifeboat.volumes.internal.SnapshotResources;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Volumes backups against the CRUD mock with the snapshot CRDs; the test plays the snapshot
 * controller between polls, on a test clock. The backup runs against the put-only store view.
 */
class VolumeSnapshotIT {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  private final InMemoryObjectStore store = new InMemoryObjectStore(clock);
  private final Repository repository = new Repository(Repository.backupView(store), clock);
  private VolumesCluster cluster;

  @BeforeEach
  void start() {
    new RepositoryInitializer(store, clock).init(Set.of());
    cluster = new VolumesCluster();
    cluster.namespace("shop");
    cluster.namespace("other");
    cluster.storageClass("gp3", VolumesCluster.DRIVER);
    cluster.snapshotClass("ebs-snapshots", VolumesCluster.DRIVER, false, false);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private VolumesOutcome run(VolumesSelection selection) {
    return run(selection, new RunTrigger.Manual("test"));
  }

  private VolumesOutcome run(VolumesSelection selection, RunTrigger trigger) {
    return new VolumeSnapshotter(
            cluster.client, repository, hook -> HookRunner.Result.succeeded(), cluster.pause(clock))
        .run(
            new VolumesRequest(
                new ClusterName("prod"),
                trigger,
                selection,
                Duration.ofMinutes(10),
                Duration.ofSeconds(5),
                "test-runner",
                null));
  }

  private static VolumesSelection only(String namespace) {
    return new VolumesSelection(List.of(namespace), List.of(), null);
  }

  @Test
  void snapshotsEveryBoundPvcRetainsItsContentAndCommitsTheCatalogEntry() {
    cluster.pvc("shop", "data-db-0", "gp3", "10Gi", Map.of("app", "db"), Map.of(), null);
    cluster.pvc("shop", "data-db-1", "gp3", "10Gi", Map.of("app", "db"), Map.of(), null);
    cluster.restoreSize("shop", "data-db-1", "12Gi");
    cluster.pvc("other", "cache", "gp3", "1Gi");

    VolumesOutcome outcome = run(only("shop"));

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(outcome.namespaces()).hasSize(1);
    VolumesOutcome.NamespaceResult shop = outcome.of("shop");
    assertThat(shop.status()).isEqualTo(Status.COMPLETED);
    Manifest manifest = shop.manifest();
    assertThat(manifest.kind()).isEqualTo(Kind.VOLUMES);
    assertThat(manifest.scope()).isEqualTo("prod/shop");
    assertThat(manifest.failures()).isEmpty();
    String suffix = "-" + manifest.id().toLowerCase();
    assertThat(shop.source().volumes())
        .extracting(
            VolumesSource.Volume::pvc,
            VolumesSource.Volume::storageClass,
            VolumesSource.Volume::size,
            VolumesSource.Volume::volumeSnapshot,
            VolumesSource.Volume::volumeSnapshotContent,
            VolumesSource.Volume::driver,
            VolumesSource.Volume::snapshotHandle,
            VolumesSource.Volume::restoreSize,
            VolumesSource.Volume::volumeSnapshotClass,
            VolumesSource.Volume::classRule)
        .containsExactly(
            tuple(
                "data-db-0",
                "gp3",
                "10Gi",
                "data-db-0" + suffix,
                "snapcontent-data-db-0" + suffix,
                VolumesCluster.DRIVER,
                "snap-shop-data-db-0",
                "1Gi",
                "ebs-snapshots",
                Rule.ONLY_CLASS),
            tuple(
                "data-db-1",
                "gp3",
                "10Gi",
                "data-db-1" + suffix,
                "snapcontent-data-db-1" + suffix,
                VolumesCluster.DRIVER,
                "snap-shop-data-db-1",
                "12Gi",
                "ebs-snapshots",
                Rule.ONLY_CLASS));
    assertThat(shop.source().volumes().get(0).labels()).containsEntry("app", "db");
    assertThat(shop.source().volumes().get(0).spec().get("accessModes").get(0).asText())
        .isEqualTo("ReadWriteOnce");
    assertThat(shop.source().volumes()).allSatisfy(v -> assertThat(v.readyAt()).isNotNull());

    for (VolumesSource.Volume volume : shop.source().volumes()) {
      assertThat(
              SnapshotResources.text(
                  cluster.content(volume.volumeSnapshotContent()), "spec", "deletionPolicy"))
          .as("content of %s", volume.pvc())
          .isEqualTo("Retain");
      assertThat(cluster.snapshot("shop", volume.volumeSnapshot()).getMetadata().getLabels())
          .containsEntry("lifeboat.io/backup-id", manifest.id())
          .containsEntry("app.kubernetes.io/managed-by", "lifeboat");
      for (var marked :
          List.of(
              cluster.snapshot("shop", volume.volumeSnapshot()),
              cluster.content(volume.volumeSnapshotContent()))) {
        assertThat(marked.getMetadata().getLabels())
            .as("labels of %s", marked.getMetadata().getName())
            .containsEntry("app.kubernetes.io/managed-by", "lifeboat")
            .containsEntry("lifeboat.io/backup-id", manifest.id());
        assertThat(marked.getMetadata().getAnnotations())
            .as("annotations of %s", marked.getMetadata().getName())
            .containsEntry("lifeboat.io/backup-id", manifest.id())
            .containsEntry("lifeboat.io/cluster", "prod")
            .containsEntry("lifeboat.io/namespace", "shop");
      }
    }
    assertThat(
            cluster
                .client
                .genericKubernetesResources(SnapshotResources.SNAPSHOTS)
                .inNamespace("other")
                .list()
                .getItems())
        .isEmpty();

    String payloadKey =
        RepositoryLayout.dataObject(
            Kind.VOLUMES,
            manifest.ref().scope(),
            BackupId.parse(manifest.id()),
            PayloadManifest.NAME);
    PayloadManifest payload = Json.read(store.bytes(payloadKey), PayloadManifest.class, payloadKey);
    assertThat(payload.backup()).isEqualTo("prod/shop/" + manifest.id());
    assertThat(payload.contentNames())
        .containsExactly("snapcontent-data-db-0" + suffix, "snapcontent-data-db-1" + suffix);
    assertThat(manifest.objects())
        .singleElement()
        .satisfies(o -> assertThat(o.name()).isEqualTo(PayloadManifest.NAME))
        .satisfies(o -> assertThat(o.size()).isEqualTo(store.bytes(payloadKey).length));
  }

  @Test
  void aSnapshotThatNeverBecomesReadyFailsItsPvcAndTheOthersAreCommittedWithExit3() {
    cluster.pvc("shop", "data-db-0", "gp3", "10Gi");
    cluster.pvc("shop", "stuck", "gp3", "10Gi");
    cluster.pvc("shop", "uploads", "gp3", "5Gi");
    cluster.neverReady("shop", "stuck");
    Instant started = clock.instant();

    VolumesOutcome outcome = run(only("shop"));

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.PARTIAL);
    VolumesOutcome.NamespaceResult shop = outcome.of("shop");
    assertThat(shop.status()).isEqualTo(Status.PARTIAL);
    assertThat(shop.source().volumes())
        .extracting(VolumesSource.Volume::pvc)
        .containsExactly("data-db-0", "uploads");
    assertThat(shop.manifest().failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.item()).isEqualTo("persistentvolumeclaim/shop/stuck");
              assertThat(f.reason()).contains("not readyToUse within PT10M").contains("deleted");
            });
    assertThat(clock.instant()).isAfterOrEqualTo(started.plus(Duration.ofMinutes(10)));
    String stuck = "stuck-" + shop.manifest().id().toLowerCase();
    assertThat(cluster.snapshot("shop", stuck)).as("the unready snapshot is deleted").isNull();
    for (VolumesSource.Volume volume : shop.source().volumes()) {
      assertThat(
              SnapshotResources.text(
                  cluster.content(volume.volumeSnapshotContent()), "spec", "deletionPolicy"))
          .isEqualTo("Retain");
    }
  }

  @Test
  void aPvcWithoutAUsableClassFailsAloneWithAReasonNamingWhatToSet() {
    cluster.storageClass("nfs", "nfs.csi.k8s.io");
    cluster.pvc("shop", "data-db-0", "gp3", "10Gi");
    cluster.pvc("shop", "shared", "nfs", "100Gi");

    VolumesOutcome outcome = run(only("shop"));

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.PARTIAL);
    assertThat(outcome.of("shop").source().volumes())
        .extracting(VolumesSource.Volume::pvc)
        .containsExactly("data-db-0");
    assertThat(outcome.of("shop").manifest().failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.item()).isEqualTo("persistentvolumeclaim/shop/shared");
              assertThat(f.reason())
                  .contains("no VolumeSnapshotClass has driver nfs.csi.k8s.io")
                  .contains(SnapshotClassChooser.PVC_ANNOTATION);
            });
  }

  @Test
  void classesAreChosenByAnnotationThenLifeboatLabelThenClusterDefaultThenTheOnlyOne() {
    cluster.snapshotClass("ebs-fast", VolumesCluster.DRIVER, false, false);
    cluster.snapshotClass("ebs-lifeboat", VolumesCluster.DRIVER, true, false);
    cluster.snapshotClass("ebs-default", VolumesCluster.DRIVER, false, true);
    cluster.snapshotClass("gce-only", "pd.csi.storage.gke.io", false, false);
    cluster.snapshotClass("gce-default", "other.csi", false, true);
    cluster.snapshotClass("gce-other", "other.csi", false, false);
    cluster.pvc(
        "shop",
        "annotated",
        "gp3",
        "1Gi",
        Map.of(),
        Map.of(SnapshotClassChooser.PVC_ANNOTATION, "ebs-fast"),
        null);
    cluster.pvc("shop", "labelled", "gp3", "1Gi");
    // No StorageClass: the driver comes from the bound CSI volume.
    cluster.pvc("shop", "on-gce", null, "1Gi", Map.of(), Map.of(), "pd.csi.storage.gke.io");
    cluster.pvc("shop", "on-other", null, "1Gi", Map.of(), Map.of(), "other.csi");

    VolumesOutcome outcome = run(only("shop"));

    assertThat(outcome.of("shop").manifest().failures()).isEmpty();
    assertThat(outcome.of("shop").source().volumes())
        .extracting(
            VolumesSource.Volume::pvc,
            VolumesSource.Volume::volumeSnapshotClass,
            VolumesSource.Volume::classRule)
        .containsExactly(
            tuple("annotated", "ebs-fast", Rule.PVC_ANNOTATION),
            tuple("labelled", "ebs-lifeboat", Rule.LIFEBOAT_DEFAULT),
            tuple("on-gce", "gce-only", Rule.ONLY_CLASS),
            tuple("on-other", "gce-default", Rule.CLUSTER_DEFAULT));
  }

  @Test
  void labelSelectorAndExcludeLabelPickThePvcsAndEmptyNamespacesWriteNothing() {
    cluster.pvc("shop", "data-db-0", "gp3", "1Gi", Map.of("backup", "yes"), Map.of(), null);
    cluster.pvc("shop", "scratch", "gp3", "1Gi", Map.of("backup", "no"), Map.of(), null);
    cluster.pvc(
        "shop",
        "opted-out",
        "gp3",
        "1Gi",
        Map.of("backup", "yes", VolumesSelection.EXCLUDE_LABEL, "true"),
        Map.of(),
        null);
    cluster.pvc("other", "scratch", "gp3", "1Gi", Map.of("backup", "no"), Map.of(), null);

    VolumesOutcome outcome = run(new VolumesSelection(List.of(), List.of("kube-*"), "backup=yes"));

    assertThat(outcome.namespaces())
        .extracting(n -> n.scope().namespace(), VolumesOutcome.NamespaceResult::status)
        .containsExactly(tuple("other", Status.EMPTY), tuple("shop", Status.COMPLETED));
    assertThat(outcome.of("shop").source().volumes())
        .extracting(VolumesSource.Volume::pvc)
        .containsExactly("data-db-0");
    assertThat(store.keys()).noneMatch(k -> k.contains("/other/"));
  }

  @Test
  void aScheduledRunClaimsItsSlotPerNamespaceAndASecondRunOfTheSlotSkips() {
    cluster.pvc("shop", "data-db-0", "gp3", "1Gi");
    RunTrigger slot =
        new RunTrigger.Scheduled(
            ScheduleSlot.fromJobName("volumes-29400375").orElseThrow(), "test");

    VolumesOutcome first = run(only("shop"), slot);
    VolumesOutcome second = run(only("shop"), slot);

    assertThat(first.of("shop").status()).isEqualTo(Status.COMPLETED);
    assertThat(first.of("shop").manifest().slot()).isEqualTo(slot.slotToClaim().get().keySegment());
    assertThat(second.of("shop").status()).isEqualTo(Status.SKIPPED);
    assertThat(second.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(new Repository(store, clock).list(Kind.VOLUMES, null)).hasSize(1);
  }

  @Test
  void restoreFromTheCatalogEntryAloneAfterTheNamespaceWasDeletedRebuildsContentSnapshotAndPvc() {
    cluster.storageClass("gp3-new", VolumesCluster.DRIVER);
    cluster.pvc("shop", "data-db-0", "gp3", "10Gi", Map.of("app", "db"), Map.of(), null);
    cluster.restoreSize("shop", "data-db-0", "12Gi");
    Manifest manifest = run(only("shop")).of("shop").manifest();
    deleteNamespace("shop");
    cluster.namespace("shop");

    Repository reader = new Repository(store, clock);
    VolumeRestoreReport report =
        new VolumeRestoreRun(reader, new VolumeRestorer(cluster.client))
            .run(manifest.ref(), null, Map.of("gp3", "gp3-new"), "test", Duration.ofMinutes(30));

    assertThat(report.exitCode()).isEqualTo(ExitCode.OK);
    VolumeRestoreReport.Result result = report.volumes().get(0);
    assertThat(result.status()).isEqualTo(VolumeRestoreReport.Status.CREATED);
    var content = cluster.content(result.volumeSnapshotContent());
    assertThat(SnapshotResources.text(content, "spec", "source", "snapshotHandle"))
        .isEqualTo("snap-shop-data-db-0");
    assertThat(SnapshotResources.text(content, "spec", "deletionPolicy")).isEqualTo("Retain");
    assertThat(SnapshotResources.text(content, "spec", "driver")).isEqualTo(VolumesCluster.DRIVER);
    assertThat(SnapshotResources.text(content, "spec", "volumeSnapshotRef", "namespace"))
        .isEqualTo("shop");
    assertThat(SnapshotResources.text(content, "spec", "volumeSnapshotRef", "name"))
        .isEqualTo(result.volumeSnapshot());
    var snapshot = cluster.snapshot("shop", result.volumeSnapshot());
    assertThat(SnapshotResources.text(snapshot, "spec", "source", "volumeSnapshotContentName"))
        .isEqualTo(result.volumeSnapshotContent());
    PersistentVolumeClaim pvc =
        cluster.client.persistentVolumeClaims().inNamespace("shop").withName("data-db-0").get();
    assertThat(pvc.getSpec().getDataSource().getKind()).isEqualTo("VolumeSnapshot");
    assertThat(pvc.getSpec().getDataSource().getApiGroup()).isEqualTo("snapshot.storage.k8s.io");
    assertThat(pvc.getSpec().getDataSource().getName()).isEqualTo(result.volumeSnapshot());
    assertThat(pvc.getSpec().getVolumeName()).isNull();
    assertThat(pvc.getSpec().getStorageClassName()).isEqualTo("gp3-new");
    assertThat(pvc.getSpec().getResources().getRequests().get("storage").toString())
        .isEqualTo("12Gi");
    assertThat(pvc.getMetadata().getLabels()).containsEntry("app", "db");
    assertThat(store.keys()).anyMatch(k -> k.startsWith("restores/volumes/prod/shop/"));
    assertThat(store.keys()).noneMatch(k -> k.startsWith("leases/"));

    VolumeRestoreReport again =
        new VolumeRestoreRun(reader, new VolumeRestorer(cluster.client))
            .run(manifest.ref(), null, Map.of(), "test", Duration.ofMinutes(30));
    assertThat(again.volumes())
        .extracting(VolumeRestoreReport.Result::status)
        .containsExactly(VolumeRestoreReport.Status.EXISTS);
  }

  @Test
  void restoreMapsTheNamespaceAndTakesOnlyTheRequestedPvcs() {
    cluster.pvc("shop", "data-db-0", "gp3", "10Gi");
    cluster.pvc("shop", "uploads", "gp3", "5Gi");
    Manifest manifest = run(only("shop")).of("shop").manifest();
    cluster.namespace("shop-copy");

    VolumeRestoreReport report =
        new VolumeRestorer(cluster.client)
            .restore(
                new VolumeRestoreRequest(
                    "prod/shop/" + manifest.id(),
                    manifest.source(VolumesSource.class),
                    "shop-copy",
                    Map.of(),
                    "r1",
                    Set.of("uploads")));

    assertThat(report.volumes())
        .extracting(VolumeRestoreReport.Result::pvc, VolumeRestoreReport.Result::status)
        .containsExactly(tuple("uploads", VolumeRestoreReport.Status.CREATED));
    var content = cluster.content(report.volumes().get(0).volumeSnapshotContent());
    assertThat(SnapshotResources.text(content, "spec", "volumeSnapshotRef", "namespace"))
        .isEqualTo("shop-copy");
    assertThat(SnapshotResources.text(content, "spec", "source", "snapshotHandle"))
        .isEqualTo("snap-shop-uploads");
    PersistentVolumeClaim pvc =
        cluster.client.persistentVolumeClaims().inNamespace("shop-copy").withName("uploads").get();
    assertThat(pvc.getSpec().getStorageClassName()).isEqualTo("gp3");
    assertThat(pvc.getMetadata().getAnnotations())
        .containsEntry(VolumeRestorer.RESTORED_FROM, "prod/shop/" + manifest.id());
    assertThat(cluster.client.persistentVolumeClaims().inNamespace("shop-copy").list().getItems())
        .hasSize(1);
  }

  /** What deleting the namespace does to it: PVCs and VolumeSnapshots go; Retain contents stay. */
  private void deleteNamespace(String namespace) {
    cluster.client.persistentVolumeClaims().inNamespace(namespace).delete();
    cluster
        .client
        .genericKubernetesResources(SnapshotResources.SNAPSHOTS)
        .inNamespace(namespace)
        .delete();
    cluster.client.namespaces().withName(namespace).delete();
    assertThat(cluster.client.persistentVolumeClaims().inNamespace(namespace).list().getItems())
        .isEmpty();
  }
}
