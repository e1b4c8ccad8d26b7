package io.lifeboat.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.prune.PruneSettings;
import io.lifeboat.prune.Pruner;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.repository.Scope;
import io.lifeboat.retention.RetentionPolicy;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.volumes.hooks.HookRunner;
import io.lifeboat.volumes.internal.SnapshotResources;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pruning a volume backup deletes its VolumeSnapshot and content too, and only its own. */
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
