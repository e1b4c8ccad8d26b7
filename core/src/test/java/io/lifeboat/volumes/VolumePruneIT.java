package io.lifeboat.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.lifeboat.prune.PruneSettings;
import io.lifeboat.prune.Pruner;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import io.lifeboat.retention.RetentionPolicy;
import io.lifeboat.store.Condition;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.volumes.hooks.HookRunner;
import io.lifeboat.volumes.internal.SnapshotResources;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pruning a volume backup deletes its VolumeSnapshot and content too, and only its own: the payload
 * manifest is bucket data the backup identity can forge, so prune deletes (and switches to {@code
 * Delete}) only objects marked as that very backup's.
 */
class VolumePruneIT {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  private final InMemoryObjectStore store = new InMemoryObjectStore(clock);
  private VolumesCluster cluster;

  @BeforeEach
  void start() {
    new RepositoryInitializer(store, clock).init(Set.of());
    cluster = new VolumesCluster();
    cluster.namespace("shop");
    cluster.storageClass("gp3", VolumesCluster.DRIVER);
    cluster.snapshotClass("ebs-snapshots", VolumesCluster.DRIVER, false, false);
    cluster.pvc("shop", "data-db-0", "gp3", "10Gi");
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private VolumesSource backup() {
    Repository repository = new Repository(Repository.backupView(store), clock);
    VolumesOutcome outcome =
        new VolumeSnapshotter(
                cluster.client,
                repository,
                hook -> HookRunner.Result.succeeded(),
                cluster.pause(clock))
            .run(VolumesCluster.manualRun("shop"));
    return outcome.of("shop").source();
  }

  @Test
  void pruningAnOldVolumeBackupDeletesItsSnapshotAndContentButNotTheNewestOnes() {
    VolumesSource old = backup();
    clock.advance(Duration.ofDays(2));
    VolumesSource newest = backup();
    String oldContent = old.volumes().get(0).volumeSnapshotContent();
    String newContent = newest.volumes().get(0).volumeSnapshotContent();
    assertThat(content(oldContent)).isNotNull();

    var outcome =
        new Pruner(store, clock, new VolumeSnapshotReclaimer(cluster.client))
            .prune(
                Kind.VOLUMES,
                Scope.parse("prod/shop"),
                new PruneSettings(
                    RetentionPolicy.newestOnly(),
                    Duration.ofHours(24),
                    Duration.ofHours(1),
                    Duration.ofMinutes(10)),
                "test");

    assertThat(content(oldContent)).as("old content deleted").isNull();
    assertThat(snapshot(old.volumes().get(0).volumeSnapshot())).isNull();
    assertThat(content(newContent)).as("newest content kept").isNotNull();
    assertThat(snapshot(newest.volumes().get(0).volumeSnapshot())).isNotNull();
    assertThat(new Repository(store, clock).list(Kind.VOLUMES, null)).hasSize(1);
    assertThat(outcome.summary()).isNotBlank();
  }

  @Test
  void aForgedPayloadManifestMakesPruneTouchNothingButTheRealBackupsOwnSnapshots() {
    cluster.namespace("billing");
    cluster.pvc("billing", "ledger", "gp3", "5Gi");
    VolumesSource old = backup();
    VolumesSource billing = backupOf("billing"); // a real Lifeboat backup of another scope
    foreignSnapshot("billing", "nightly", "snapcontent-billing-nightly", Map.of());
    foreignContent("snapcontent-unlabelled", "shop", "shop-db-manual", Map.of(), Map.of());
    String realContent = old.volumes().get(0).volumeSnapshotContent();
    String billingContent = billing.volumes().get(0).volumeSnapshotContent();
    String billingSnapshot = "billing/" + billing.volumes().get(0).volumeSnapshot();
    // The backup identity overwrites the old backup's manifest, and plants one under prod/shop
    // with billing's backup id (so the id label matches; only the scope annotations differ).
    forge(
        backupId(old, "prod/shop"),
        List.of(
            listed(realContent, "shop/" + old.volumes().get(0).volumeSnapshot()),
            listed("snapcontent-billing-nightly", "billing/nightly"),
            listed("snapcontent-unlabelled", "shop/shop-db-manual")));
    BackupId planted = backupId(billing, "prod/billing");
    forge(planted, List.of(listed(billingContent, billingSnapshot)));
    clock.advance(Duration.ofDays(2));
    VolumesSource newest = backup();
    List<String> foreign =
        List.of("snapcontent-billing-nightly", "snapcontent-unlabelled", billingContent);
    Map<String, String> policies = new java.util.HashMap<>();
    foreign.forEach(name -> policies.put(name, policy(name)));

    var outcome = prune();

    assertThat(content(realContent)).as("the real old backup's content is reclaimed").isNull();
    assertThat(snapshot(old.volumes().get(0).volumeSnapshot())).isNull();
    assertThat(content(newest.volumes().get(0).volumeSnapshotContent())).isNotNull();
    assertThat(policies).containsEntry(billingContent, "Retain");
    for (String name : foreign) {
      assertThat(content(name)).as(name + " still there").isNotNull();
      assertThat(policy(name)).as(name + " never switched").isEqualTo(policies.get(name));
    }
    assertThat(snapshotIn("billing", "nightly")).isNotNull();
    assertThat(snapshotIn("billing", billing.volumes().get(0).volumeSnapshot())).isNotNull();
    assertThat(outcome.report().reclaimed())
        .singleElement()
        .asString()
        .startsWith("VolumeSnapshotContent " + realContent);
    assertThat(outcome.report().leftAlone())
        .containsKeys(
            "VolumeSnapshotContent snapcontent-billing-nightly",
            "VolumeSnapshotContent snapcontent-unlabelled",
            "VolumeSnapshotContent " + billingContent);
    assertThat(outcome.report().leftAlone().get("VolumeSnapshotContent " + billingContent))
        .contains("do not name prod/shop/");
    assertThat(outcome.summary()).contains("left alone: VolumeSnapshotContent");
    assertThat(store.keys())
        .as("the planted manifest went as garbage; billing's own backup stays")
        .noneMatch(k -> k.startsWith("data/volumes/prod/shop/" + planted))
        .anyMatch(k -> k.startsWith("data/volumes/prod/billing/" + planted));
  }

  @Test
  void aManifestListingTheNewestBackupsContentUnderAnOldIdLeavesItAlone() {
    VolumesSource old = backup();
    clock.advance(Duration.ofDays(2));
    VolumesSource newest = backup();
    String kept = newest.volumes().get(0).volumeSnapshotContent();
    BackupId oldId = backupId(old);
    // Written within a run's deadline of the old id, as the store's clock sees it: a later rewrite
    // of the entry would be judged back-dated and leave the whole old backup alone.
    Instant now = clock.instant();
    clock.set(oldId.time().plus(Duration.ofMinutes(10)));
    forge(
        oldId,
        List.of(
            listed(old.volumes().get(0).volumeSnapshotContent(), null),
            listed(kept, "shop/" + newest.volumes().get(0).volumeSnapshot())));
    matchCatalogEntryToForgedPayload(oldId);
    clock.set(now);

    var outcome = prune();

    assertThat(content(old.volumes().get(0).volumeSnapshotContent())).isNull();
    assertThat(content(kept)).isNotNull();
    assertThat(policy(kept)).isEqualTo("Retain");
    assertThat(snapshot(newest.volumes().get(0).volumeSnapshot())).isNotNull();
    assertThat(outcome.report().leftAlone().get("VolumeSnapshotContent " + kept))
        .contains("lifeboat.io/backup-id label names another backup");
  }

  @Test
  void aManifestThatDoesNotParseOrNamesAnotherBackupTouchesNothingInTheCluster() {
    VolumesSource old = backup();
    String content = old.volumes().get(0).volumeSnapshotContent();
    String key =
        RepositoryLayout.dataObject(
            Kind.VOLUMES, Scope.parse("prod/shop"), backupId(old), PayloadManifest.NAME);
    Repository.backupView(store)
        .put(
            key,
            Json.write(
                new PayloadManifest(
                    1, "prod/billing/" + backupId(old), List.of(listed(content, null)))),
            Condition.none());
    clock.advance(Duration.ofDays(2));
    backup();

    var outcome = prune();

    assertThat(content(content)).as("named by a manifest of another backup").isNotNull();
    assertThat(policy(content)).isEqualTo("Retain");
    assertThat(outcome.report().leftAlone()).containsOnlyKeys(key);
    assertThat(outcome.report().leftAlone().get(key)).contains("-l lifeboat.io/backup-id=");
    assertThat(new Repository(store, clock).list(Kind.VOLUMES, null)).hasSize(1);
  }

  private Pruner.Outcome prune() {
    return new Pruner(store, clock, new VolumeSnapshotReclaimer(cluster.client))
        .prune(
            Kind.VOLUMES,
            Scope.parse("prod/shop"),
            new PruneSettings(
                RetentionPolicy.newestOnly(),
                Duration.ofHours(24),
                Duration.ofHours(1),
                Duration.ofMinutes(10)),
            "test");
  }

  private VolumesSource backupOf(String namespace) {
    return new VolumeSnapshotter(
            cluster.client,
            new Repository(Repository.backupView(store), clock),
            hook -> HookRunner.Result.succeeded(),
            cluster.pause(clock))
        .run(VolumesCluster.manualRun(namespace))
        .of(namespace)
        .source();
  }

  private BackupId backupId(VolumesSource source) {
    return backupId(source, "prod/shop");
  }

  private BackupId backupId(VolumesSource source, String scope) {
    String snapshot = source.volumes().get(0).volumeSnapshot();
    return new Repository(store, clock)
        .list(Kind.VOLUMES, Scope.parse(scope)).stream()
            .map(BackupRef::id)
            .filter(id -> snapshot.endsWith(id.toString().toLowerCase(java.util.Locale.ROOT)))
            .findFirst()
            .orElseThrow();
  }

  /** Writes a payload manifest for {@code id} of prod/shop as the backup identity can. */
  private void forge(BackupId id, List<PayloadManifest.Content> contents) {
    Scope scope = Scope.parse("prod/shop");
    Repository.backupView(store)
        .put(
            RepositoryLayout.dataObject(Kind.VOLUMES, scope, id, PayloadManifest.NAME),
            Json.write(new PayloadManifest(1, scope + "/" + id, contents)),
            Condition.none());
  }

  /**
   * Put-only credentials may overwrite a catalog entry too: the attacker records the forged
   * payload's size and hash, so the entry still validates and only the ownership marks stand
   * between the forgery and the newest backup's content.
   */
  private void matchCatalogEntryToForgedPayload(BackupId id) {
    Scope scope = Scope.parse("prod/shop");
    String payloadKey = RepositoryLayout.dataObject(Kind.VOLUMES, scope, id, PayloadManifest.NAME);
    byte[] payload = store.read(payloadKey).orElseThrow().content();
    String entryKey = RepositoryLayout.catalogEntry(Kind.VOLUMES, scope, id);
    try {
      ObjectNode entry =
          (ObjectNode) Json.MAPPER.readTree(store.read(entryKey).orElseThrow().content());
      for (JsonNode object : entry.withArray("objects")) {
        if (PayloadManifest.NAME.equals(object.path("name").asText())) {
          ((ObjectNode) object).put("size", payload.length);
          ((ObjectNode) object)
              .put(
                  "sha256",
                  HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload)));
        }
      }
      Repository.backupView(store)
          .put(entryKey, Json.MAPPER.writeValueAsBytes(entry), Condition.none());
    } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PayloadManifest.Content listed(String content, String snapshot) {
    return new PayloadManifest.Content(content, snapshot, VolumesCluster.DRIVER, "snap-x");
  }

  /** A VolumeSnapshot and its Delete content someone else made (no Lifeboat marks). */
  private void foreignSnapshot(
      String namespace, String name, String content, Map<String, String> labels) {
    GenericKubernetesResource vs =
        SnapshotResources.resource(SnapshotResources.SNAPSHOTS, namespace, name);
    vs.getMetadata().setLabels(labels);
    vs.setAdditionalProperty(
        "spec", Map.of("source", Map.of("volumeSnapshotContentName", content)));
    cluster
        .client
        .genericKubernetesResources(SnapshotResources.SNAPSHOTS)
        .inNamespace(namespace)
        .resource(vs)
        .create();
    foreignContent(content, namespace, name, labels, Map.of());
  }

  private void foreignContent(
      String name,
      String namespace,
      String snapshot,
      Map<String, String> labels,
      Map<String, String> annotations) {
    GenericKubernetesResource content =
        SnapshotResources.resource(SnapshotResources.CONTENTS, null, name);
    content.getMetadata().setLabels(labels);
    content.getMetadata().setAnnotations(annotations);
    content.setAdditionalProperty(
        "spec",
        Map.of(
            "deletionPolicy",
            "Delete",
            "driver",
            VolumesCluster.DRIVER,
            "source",
            Map.of("snapshotHandle", "snap-" + name),
            "volumeSnapshotRef",
            Map.of("namespace", namespace, "name", snapshot)));
    cluster
        .client
        .genericKubernetesResources(SnapshotResources.CONTENTS)
        .resource(content)
        .create();
  }

  private String policy(String name) {
    return SnapshotResources.text(cluster.content(name), "spec", "deletionPolicy");
  }

  private Object snapshotIn(String namespace, String name) {
    return cluster.snapshot(namespace, name);
  }

  private Object content(String name) {
    return cluster
        .client
        .genericKubernetesResources(SnapshotResources.CONTENTS)
        .withName(name)
        .get();
  }

  private Object snapshot(String name) {
    return cluster
        .client
        .genericKubernetesResources(SnapshotResources.SNAPSHOTS)
        .inNamespace("shop")
        .withName(name)
        .get();
  }
}
