package io.lifeboat.jobs.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.JobProcess;
import io.lifeboat.testing.JobProcess.Result;
import io.lifeboat.testing.StandInPushgateway;
import io.lifeboat.volumes.VolumesCluster;
import io.lifeboat.volumes.VolumesSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged job against the CRUD mock API server, while a background task plays the snapshot
 * controller: config from the environment, the Kubernetes client from Quarkus, exit 3 when a PVC
 * failed and the others committed. Run as in a Job's pod, it leaves an Event on its pod and pushes
 * the namespace's backup metrics to a stand-in Pushgateway.
 */
class VolumeSnapshotJobIT {

  static final String POD = "lifeboat-volume-snapshot-29399520-x7k2p";

  @TempDir Path dir;
  private StandInPushgateway gateway;
  private VolumesCluster cluster;
  private ScheduledExecutorService controller;
  private Path repo;

  @BeforeEach
  void start() throws IOException {
    repo = dir.resolve("repo");
    FileObjectStore.createRoot(repo).close();
    new RepositoryInitializer(new FileObjectStore(repo), Clock.systemUTC()).init(Set.of());
    cluster = new VolumesCluster();
    cluster.namespace("shop");
    cluster.storageClass("gp3", VolumesCluster.DRIVER);
    cluster.snapshotClass("ebs", VolumesCluster.DRIVER, false, false);
    gateway = StandInPushgateway.start();
    controller = Executors.newSingleThreadScheduledExecutor();
    controller.scheduleWithFixedDelay(this::reconcileQuietly, 0, 100, TimeUnit.MILLISECONDS);
  }

  private void reconcileQuietly() {
    try {
      cluster.reconcile();
    } catch (RuntimeException raced) {
      // the next pass tries again, as a controller would
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    controller.shutdownNow();
    controller.awaitTermination(10, TimeUnit.SECONDS);
    gateway.close();
    cluster.close();
  }

  @Test
  void aPvcWhoseSnapshotNeverBecomesReadyExits3CommitsTheOtherAndReportsAPartialBackup()
      throws Exception {
    var pod =
        cluster
            .client
            .pods()
            .inNamespace("lifeboat")
            .resource(new PodBuilder().withNewMetadata().withName(POD).endMetadata().build())
            .create();
    cluster.pvc("shop", "data-db-0", "gp3", "10Gi");
    cluster.pvc("shop", "stuck", "gp3", "1Gi");
    cluster.neverReady("shop", "stuck");

    Result result =
        run(
            Map.of(
                "LIFEBOAT_VOLUMES_INCLUDE_NAMESPACES", "shop",
                "LIFEBOAT_VOLUMES_READY_DEADLINE", "3s",
                "LIFEBOAT_VOLUMES_POLL_INTERVAL", "100ms"));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
    assertThat(result.output()).contains("1 PVC snapshotted and retained, 1 failure,");
    try (FileObjectStore store = new FileObjectStore(repo)) {
      Repository repository = new Repository(store, Clock.systemUTC());
      var refs = repository.list(Kind.VOLUMES, null);
      assertThat(refs).hasSize(1);
      Manifest manifest = repository.manifest(refs.get(0));
      assertThat(manifest.source(VolumesSource.class).volumes())
          .extracting(VolumesSource.Volume::pvc)
          .containsExactly("data-db-0");
      assertThat(Json.writeString(manifest.failures()))
          .contains("persistentvolumeclaim/shop/stuck");
    }
    List<Event> events = cluster.client.v1().events().inNamespace("lifeboat").list().getItems();
    assertThat(events).singleElement().extracting(Event::getReason).isEqualTo("BackupPartial");
    assertThat(events.get(0).getInvolvedObject().getUid()).isEqualTo(pod.getMetadata().getUid());
    String group =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("prod/shop".getBytes(StandardCharsets.UTF_8));
    assertThat(gateway.pushes())
        .singleElement()
        .asString()
        .startsWith("/metrics/job/lifeboat/kind/volumes/scope@base64/" + group + "\n")
        .contains("lifeboat_backup_last_success_timestamp_seconds ")
        .contains("lifeboat_backup_failures_total 0");
  }

  @Test
  void aBadReadyDeadlineExits2NamingTheProperty() throws Exception {
    Result result = run(Map.of("LIFEBOAT_VOLUMES_READY_DEADLINE", "soon"));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
    assertThat(result.output()).contains("lifeboat.volumes.ready-deadline");
  }

  private Result run(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("LIFEBOAT_CLUSTER", "prod");
    env.put("LIFEBOAT_LOCATION", "file://" + repo);
    env.put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", cluster.client.getMasterUrl().toString());
    env.put("KUBECONFIG", dir.resolve("no-kubeconfig").toString());
    // As in a Job's pod: the observer posts the Event only inside Kubernetes.
    env.put("KUBERNETES_SERVICE_HOST", "127.0.0.1");
    env.put("HOSTNAME", POD);
    env.put("LIFEBOAT_POD_NAMESPACE", "lifeboat");
    env.put("LIFEBOAT_METRICS_PUSHGATEWAY_URL", gateway.url());
    env.putAll(extra);
    return JobProcess.run(env);
  }
}
