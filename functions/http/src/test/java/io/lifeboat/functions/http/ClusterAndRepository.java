package io.lifeboat.functions.http;

import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.volumes.VolumesCluster;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The fabric8 CRUD mock API server as core's volume tests set it up ({@link VolumesCluster}: the
 * snapshot CRDs and discovery, a CSI driver's classes), with a background task playing the snapshot
 * controller every 100 ms, and a fresh {@code file://} repository. Namespace {@code shop} holds a
 * bound PVC and a ConfigMap.
 */
public class ClusterAndRepository implements QuarkusTestResourceLifecycleManager {
  static volatile VolumesCluster cluster;
  static volatile Path repo;
  private ScheduledExecutorService controller;
  private Path dir;

  @Override
  public Map<String, String> start() {
    try {
      dir = Files.createTempDirectory("lifeboat-functions-cluster");
      repo = dir.resolve("repo");
      FileObjectStore.createRoot(repo).close();
      new RepositoryInitializer(new FileObjectStore(repo), Clock.systemUTC()).init(Set.of());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    cluster = new VolumesCluster();
    cluster.namespace("shop");
    cluster.storageClass("gp3", VolumesCluster.DRIVER);
    cluster.snapshotClass("ebs", VolumesCluster.DRIVER, false, false);
    cluster.pvc("shop", "data-db-0", "gp3", "10Gi");
    cluster
        .client
        .configMaps()
        .inNamespace("shop")
        .resource(
            new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .endMetadata()
                .addToData("currency", "EUR")
                .build())
        .create();
    controller = Executors.newSingleThreadScheduledExecutor();
    controller.scheduleWithFixedDelay(this::reconcileQuietly, 0, 100, TimeUnit.MILLISECONDS);
    return Map.of(
        "lifeboat.cluster", "prod",
        "lifeboat.location", "file://" + repo,
        "quarkus.kubernetes-client.api-server-url", cluster.client.getMasterUrl().toString(),
        "quarkus.kubernetes-client.trust-certs", "true",
        "lifeboat.volumes.include-namespaces", "shop",
        "lifeboat.volumes.poll-interval", "100ms",
        "lifeboat.volumes.ready-deadline", "30s",
        "lifeboat.export.namespaces", "shop");
  }

  private void reconcileQuietly() {
    try {
      cluster.reconcile();
    } catch (RuntimeException raced) {
      // the next pass tries again, as a controller would
    }
  }

  @Override
  public void stop() {
    if (controller != null) {
      controller.shutdownNow();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (dir != null) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temp dir; the OS cleans it eventually
      }
    }
  }
}
