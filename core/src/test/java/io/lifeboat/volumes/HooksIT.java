package io.lifeboat.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.error.ExitCode;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.volumes.ExecDispatcher.Script;
import io.lifeboat.volumes.VolumesOutcome.Status;
import io.lifeboat.volumes.hooks.ExecHookRunner;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Application-consistency hooks at the protocol level: the real {@link ExecHookRunner} execs over
 * the mock's websocket ({@code v4.channel.k8s.io} frames, exit code in the status frame), and the
 * mock records the order of execs and VolumeSnapshot creations.
 */
class HooksIT {
  private static final String FREEZE = "[\"fsfreeze\",\"--freeze\",\"/data\"]";
  private static final String THAW = "[\"fsfreeze\",\"--unfreeze\",\"/data\"]";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  private final InMemoryObjectStore store = new InMemoryObjectStore(clock);
  private VolumesCluster cluster;

  @BeforeEach
  void start() {
    new RepositoryInitializer(store, clock).init(Set.of());
    cluster = new VolumesCluster();
    cluster.namespace("shop");
    cluster.storageClass("gp3", VolumesCluster.DRIVER);
    cluster.snapshotClass("ebs", VolumesCluster.DRIVER, false, false);
    cluster.pvc("shop", "data-db-0", "gp3", "10Gi");
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private VolumesOutcome run() {
    return new VolumeSnapshotter(
            cluster.client,
            new Repository(Repository.backupView(store), clock),
            new ExecHookRunner(cluster.client),
            cluster.pause(clock))
        .run(VolumesCluster.manualRun("shop"));
  }

  private static Map<String, String> hooks(String phase, String command, String... more) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(phase + ".hook.lifeboat.io/command", command);
    for (int i = 0; i < more.length; i += 2) {
      annotations.put(phase + ".hook.lifeboat.io/" + more[i], more[i + 1]);
    }
    return annotations;
  }

  private static Map<String, String> both(Map<String, String> pre, Map<String, String> post) {
    Map<String, String> all = new LinkedHashMap<>(pre);
    all.putAll(post);
    return all;
  }

  @Test
  void preHooksRunPodByPodBeforeTheSnapshotsAndPostHooksAfterThem() {
    cluster.pod("shop", "web", hooks("pre", "sync"));
    cluster.pod(
        "shop", "db-0", both(hooks("pre", FREEZE, "container", "app"), hooks("post", THAW)));

    VolumesOutcome outcome = run();

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(cluster.exec.events())
        .containsExactly(
            "exec db-0/app fsfreeze --freeze /data",
            "exec web/app sync",
            "create volumesnapshot",
            "exec db-0/app fsfreeze --unfreeze /data");
  }

  @Test
  void aFailingFailPreHookStopsTheSnapshotsAndLaterPreHooksButThePodsPostHookStillRuns() {
    cluster.pod("shop", "a-db", both(hooks("pre", FREEZE), hooks("post", THAW)));
    cluster.pod("shop", "b-web", both(hooks("pre", "sync"), hooks("post", "true")));
    cluster.exec.script("a-db", "fsfreeze --freeze /data", Script.prints(2, "device busy"));

    VolumesOutcome outcome = run();

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.PARTIAL);
    assertThat(cluster.exec.events())
        .containsExactly(
            "exec a-db/app fsfreeze --freeze /data", "exec a-db/app fsfreeze --unfreeze /data");
    Manifest manifest = outcome.of("shop").manifest();
    assertThat(outcome.of("shop").source().volumes()).isEmpty();
    assertThat(manifest.failures())
        .extracting(f -> f.item() + ": " + f.reason())
        .containsExactly(
            "pod/shop/a-db: pre hook of pod shop/a-db (container app) failed: exit code 2;"
                + " output: device busy",
            "persistentvolumeclaim/shop/data-db-0: not snapshotted: a pre hook failed");
    assertThat(manifest.warnings())
        .contains("post hook of pod shop/b-web (container app) not run: its pre hook did not run");
  }

  @Test
  void aFailingContinuePreHookIsAWarningAndTheSnapshotsProceed() {
    cluster.pod("shop", "db-0", hooks("pre", FREEZE, "on-error", "Continue"));
    cluster.exec.script("db-0", "fsfreeze --freeze /data", Script.exits(1));

    VolumesOutcome outcome = run();

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(outcome.of("shop").source().volumes()).hasSize(1);
    assertThat(outcome.of("shop").manifest().warnings())
        .contains(
            "pre hook of pod shop/db-0 (container app) failed: exit code 1 (on-error Continue)");
    assertThat(cluster.exec.events())
        .containsExactly("exec db-0/app fsfreeze --freeze /data", "create volumesnapshot");
  }

  @Test
  void aPreHookThatOutlivesItsTimeoutFailsAndThePostHookStillRuns() {
    cluster.pod(
        "shop", "db-0", both(hooks("pre", FREEZE, "timeout", "300ms"), hooks("post", THAW)));
    cluster.exec.script("db-0", "fsfreeze --freeze /data", Script.hangs());

    VolumesOutcome outcome = run();

    assertThat(outcome.of("shop").status()).isEqualTo(Status.PARTIAL);
    assertThat(outcome.of("shop").manifest().failures().get(0).reason())
        .isEqualTo("pre hook of pod shop/db-0 (container app) failed: timed out after 300 ms");
    assertThat(cluster.exec.events())
        .containsExactly(
            "exec db-0/app fsfreeze --freeze /data", "exec db-0/app fsfreeze --unfreeze /data");
  }

  @Test
  void aFailingFailPostHookMakesTheBackupPartialButKeepsItsSnapshots() {
    cluster.pod("shop", "db-0", both(hooks("pre", FREEZE), hooks("post", THAW)));
    cluster.exec.script("db-0", "fsfreeze --unfreeze /data", Script.exits(5));

    VolumesOutcome outcome = run();

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.PARTIAL);
    assertThat(outcome.of("shop").source().volumes()).hasSize(1);
    assertThat(outcome.of("shop").manifest().failures())
        .extracting(f -> f.reason())
        .containsExactly("post hook of pod shop/db-0 (container app) failed: exit code 5");
  }

  @Test
  void postHooksRunOnceEvenWhenASnapshotMissesItsDeadline() {
    cluster.pvc("shop", "stuck", "gp3", "1Gi");
    cluster.neverReady("shop", "stuck");
    cluster.pod("shop", "db-0", both(hooks("pre", FREEZE), hooks("post", THAW)));

    VolumesOutcome outcome = run();

    assertThat(outcome.of("shop").status()).isEqualTo(Status.PARTIAL);
    assertThat(cluster.exec.events())
        .containsExactly(
            "exec db-0/app fsfreeze --freeze /data",
            "create volumesnapshot",
            "create volumesnapshot",
            "exec db-0/app fsfreeze --unfreeze /data");
  }

  @Test
  void invalidHookAnnotationsFailThePodAndNameTheAnnotation() {
    cluster.pod("shop", "db-0", hooks("pre", FREEZE, "on-error", "Sometimes"));

    VolumesOutcome outcome = run();

    assertThat(outcome.of("shop").manifest().failures().get(0).reason())
        .isEqualTo(
            "pod shop/db-0: annotation pre.hook.lifeboat.io/on-error must be Fail or Continue,"
                + " was 'Sometimes'");
    assertThat(cluster.exec.events()).isEmpty();
  }
}
