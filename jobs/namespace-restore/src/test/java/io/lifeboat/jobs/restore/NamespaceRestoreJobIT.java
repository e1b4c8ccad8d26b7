package io.lifeboat.jobs.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Encoding;
import io.lifeboat.export.ExportRequest;
import io.lifeboat.export.MockCluster;
import io.lifeboat.export.NamespaceExporter;
import io.lifeboat.export.Selection;
import io.lifeboat.export.ShopFixtures;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.repository.Scope;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.JobProcess;
import io.lifeboat.testing.JobProcess.Result;
import io.lifeboat.testing.StandInPushgateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged restore job as a Job pod runs it (in-cluster: KUBERNETES_SERVICE_HOST, its pod name
 * and namespace), against the CRUD mock API server and a stand-in Pushgateway: after the restore it
 * leaves an Event on its pod and pushes restore metrics, never backup ones.
 */
class NamespaceRestoreJobIT {
  static final String POD = "lifeboat-restore-shop-x7k2p";

  @TempDir Path dir;
  private Path repo;
  private MockCluster cluster;
  private StandInPushgateway gateway;

  @BeforeEach
  void start() throws IOException {
    repo = dir.resolve("repo");
    FileObjectStore.createRoot(repo).close();
    Clock clock = Clock.systemUTC();
    FileObjectStore store = new FileObjectStore(repo);
    new RepositoryInitializer(store, clock).init(Set.of());
    cluster = new MockCluster();
    cluster.dispatcher.establishCustomResourceDefinitions();
    new ShopFixtures(cluster.client).create();
    new NamespaceExporter()
        .export(
            new ExportRequest(
                cluster.client,
                new Repository(Repository.backupView(store), clock),
                Scope.namespace(new ClusterName("prod"), ShopFixtures.NS),
                null,
                Selection.all(),
                Encoding.of(AgeRecipients.none())));
    gateway = StandInPushgateway.start();
  }

  @AfterEach
  void stop() {
    gateway.close();
    cluster.close();
  }

  @Test
  void aRestoreLeavesARestoreDoneEventOnItsPodAndPushesRestoreMetricsOnly() throws Exception {
    Pod pod = pod();

    Result result =
        run(Map.of("LIFEBOAT_RESTORE_NAMESPACE_MAPPING", ShopFixtures.NS + ":shop-copy"));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(0);
    Event event = onlyEvent();
    assertThat(event.getReason()).isEqualTo("RestoreDone");
    assertThat(event.getType()).isEqualTo("Normal");
    assertThat(event.getMessage()).startsWith("namespace restore ").contains("into prod/shop-copy");
    assertThat(event.getInvolvedObject().getUid()).isEqualTo(pod.getMetadata().getUid());
    String group = base64("prod/shop-copy");
    assertThat(gateway.pushes()).hasSize(1);
    assertThat(gateway.pushes().get(0))
        .startsWith("/metrics/job/lifeboat/kind/namespace/scope@base64/" + group + "\n")
        .contains("lifeboat_restore_last_success_timestamp_seconds ")
        .contains("lifeboat_restore_failures_total 0")
        .doesNotContain("lifeboat_backup");
  }

  @Test
  void aRestoreOfAMissingBackupExitsSevenAndReportsARestoreFailedWarning() throws Exception {
    pod();

    Result result = run(Map.of("LIFEBOAT_RESTORE_BACKUP", "20261125T181500Z-0000"));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(7);
    Event event = onlyEvent();
    assertThat(event.getReason()).isEqualTo("RestoreFailed");
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getMessage()).contains("20261125T181500Z-0000");
    assertThat(gateway.pushes())
        .singleElement()
        .asString()
        .contains("lifeboat_restore_failures_total 1");
  }

  private Pod pod() {
    return cluster
        .client
        .pods()
        .inNamespace("lifeboat")
        .resource(new PodBuilder().withNewMetadata().withName(POD).endMetadata().build())
        .create();
  }

  private Event onlyEvent() {
    List<Event> events = cluster.client.v1().events().inNamespace("lifeboat").list().getItems();
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static String base64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private Result run(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("LIFEBOAT_CLUSTER", "prod");
    env.put("LIFEBOAT_LOCATION", "file://" + repo);
    env.put("LIFEBOAT_RESTORE_NAMESPACE", ShopFixtures.NS);
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
