package io.lifeboat.jobs.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.volumes.VolumesCluster;
import io.lifeboat.volumes.VolumesSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
 * failed and the others committed.
 */
class VolumeSnapshotJobIT {
  static final Path JAR =
      Path.of(System.getProperty("lifeboat.job.jar", "target/quarkus-app/quarkus-run.jar"));

  @TempDir Path dir;
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
    cluster.close();
  }

  @Test
  void aPvcWhoseSnapshotNeverBecomesReadyExits3AndTheOtherIsCommitted() throws Exception {
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
    assertThat(result.output()).contains("1 PVCs snapshotted and retained, 1 failures");
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
  }

  @Test
  void aBadReadyDeadlineExits2NamingTheProperty() throws Exception {
    Result result = run(Map.of("LIFEBOAT_VOLUMES_READY_DEADLINE", "soon"));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
    assertThat(result.output()).contains("lifeboat.volumes.ready-deadline");
  }

  record Result(int exitCode, String output) {}

  private Result run(Map<String, String> extra) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("LIFEBOAT_") || k.startsWith("AWS_"));
    Map<String, String> env = new HashMap<>();
    env.put("LIFEBOAT_CLUSTER", "prod");
    env.put("LIFEBOAT_LOCATION", "file://" + repo);
    env.put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", cluster.client.getMasterUrl().toString());
    env.put("KUBECONFIG", dir.resolve("no-kubeconfig").toString());
    env.putAll(extra);
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("job did not finish: " + output);
    }
    return new Result(process.exitValue(), output);
  }
}
