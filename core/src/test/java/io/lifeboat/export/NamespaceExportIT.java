package io.lifeboat.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Encoding;
import io.lifeboat.export.ExportReport.Outcome;
import io.lifeboat.export.ExportSource.Skipped;
import io.lifeboat.export.archive.ArchiveLayout;
import io.lifeboat.progress.Progress;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.testing.RecordingProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A realistic namespace exported against the CRUD mock (with discovery and paging), read back with
 * the real {@code zstd} and {@code tar} CLIs.
 */
class NamespaceExportIT {
  static final List<String> SHOP_PATHS =
      List.of(
          "metadata/version",
          "resources/configmaps/namespaces/shop/app-config.json",
          "resources/configmaps/namespaces/shop/kube-root-ca.crt.json",
          "resources/secrets/namespaces/shop/app-credentials.json",
          "resources/secrets/namespaces/shop/app-token.json",
          "resources/serviceaccounts/namespaces/shop/app.json",
          "resources/serviceaccounts/namespaces/shop/default.json",
          "resources/services/namespaces/shop/web.json",
          "resources/services/namespaces/shop/db.json",
          "resources/services/namespaces/shop/web-nodeport.json",
          "resources/services/namespaces/shop/web-lb.json",
          "resources/pods/namespaces/shop/web-5d9f-a.json",
          "resources/pods/namespaces/shop/web-5d9f-b.json",
          "resources/pods/namespaces/shop/db-0.json",
          "resources/persistentvolumeclaims/namespaces/shop/data-db-0.json",
          "resources/persistentvolumeclaims/namespaces/shop/data-db-1.json",
          "resources/deployments.apps/namespaces/shop/web.json",
          "resources/replicasets.apps/namespaces/shop/web-5d9f.json",
          "resources/statefulsets.apps/namespaces/shop/db.json",
          "resources/ingresses.networking.k8s.io/namespaces/shop/web.json",
          "resources/networkpolicies.networking.k8s.io/namespaces/shop/default-deny.json",
          "resources/horizontalpodautoscalers.autoscaling/namespaces/shop/web.json",
          "resources/roles.rbac.authorization.k8s.io/namespaces/shop/reader.json",
          "resources/rolebindings.rbac.authorization.k8s.io/namespaces/shop/reader.json",
          "resources/widgets.example.com/namespaces/shop/w1.json",
          "resources/widgets.example.com/namespaces/shop/w2.json",
          "resources/namespaces/cluster/shop.json",
          "resources/customresourcedefinitions.apiextensions.k8s.io/cluster/widgets.example.com.json",
          "resources/persistentvolumes/cluster/pv-data-db-0.json",
          "resources/persistentvolumes/cluster/pv-data-db-1.json",
          "resources/storageclasses.storage.k8s.io/cluster/fast.json",
          "resources/clusterrolebindings.rbac.authorization.k8s.io/cluster/shop-reader.json",
          "resources/clusterroles.rbac.authorization.k8s.io/cluster/shop-reader.json");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  private final InMemoryObjectStore store = new InMemoryObjectStore(clock);
  private final Repository repository = new Repository(Repository.backupView(store), clock);
  private final Scope scope = Scope.namespace(new ClusterName("prod"), ShopFixtures.NS);
  private MockCluster cluster;
  @TempDir Path work;

  @BeforeEach
  void startCluster() {
    cluster = new MockCluster();
    new ShopFixtures(cluster.client).create();
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  private ExportRequest request(Selection selection) {
    return new ExportRequest(
        cluster.client, repository, scope, null, selection, Encoding.of(AgeRecipients.none()));
  }

  private ArchiveCli.Archive archive(ExportReport report) throws Exception {
    String key = report.backup().dataPrefix() + "resources.tar.zst";
    return ArchiveCli.read(store.bytes(key), work);
  }

  @Test
  void theArchiveHoldsExactlyTheDocumentedPathsReadableWithZstdAndTar() throws Exception {
    ExportReport report = new NamespaceExporter().export(request(Selection.all()));

    assertThat(report.outcome()).isEqualTo(Outcome.COMPLETED);
    ArchiveCli.Archive archive = archive(report);
    assertThat(archive.paths().get(0)).isEqualTo(ArchiveLayout.VERSION_PATH);
    assertThat(archive.paths()).containsExactlyInAnyOrderElementsOf(SHOP_PATHS);
    assertThat(archive.text("metadata/version")).isEqualTo("1\n");
  }

  @Test
  void progressCountsExactlyTheObjectsTheArchiveHolds() throws Exception {
    RecordingProgress progress = new RecordingProgress();

    var committed =
        (ClaimedRun.Result.Committed)
            new NamespaceExporter()
                .run(request(Selection.all()), "test", Duration.ofMinutes(5), progress)
                .orThrow();

    ExportReport report = ExportReport.committed(committed.manifest());
    String subject = report.backup().toString();
    long archivedObjects =
        archive(report).paths().stream().filter(p -> ArchiveLayout.parse(p).isPresent()).count();
    assertThat(progress.subjects()).containsExactly(subject);
    assertThat(progress.lastDone(subject))
        .isEqualTo(archivedObjects)
        .isEqualTo(report.source().objects())
        .isPositive();
    assertThat(progress.steps()).allMatch(s -> s.total() == Progress.UNKNOWN);
    assertThat(progress.neverWentBack()).isTrue();
  }

  @Test
  void objectsAreStoredAsTheApiReturnedThemWithoutManagedFields() throws Exception {
    ArchiveCli.Archive archive = archive(new NamespaceExporter().export(request(Selection.all())));

    var deployment = archive.object("resources/deployments.apps/namespaces/shop/web.json");
    assertThat(deployment.at("/apiVersion").asText()).isEqualTo("apps/v1");
    assertThat(deployment.at("/kind").asText()).isEqualTo("Deployment");
    assertThat(deployment.at("/metadata/uid").asText()).isNotEmpty();
    assertThat(deployment.at("/metadata/managedFields").isMissingNode()).isTrue();
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    var secret = archive.object("resources/secrets/namespaces/shop/app-credentials.json");
    assertThat(secret.at("/data/password").asText()).isEqualTo("czNjcjN0");
    var headless = archive.object("resources/services/namespaces/shop/db.json");
    assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
    var hpa =
        archive.object("resources/horizontalpodautoscalers.autoscaling/namespaces/shop/web.json");
    assertThat(hpa.at("/apiVersion").asText()).isEqualTo("autoscaling/v2");
    var widget = archive.object("resources/widgets.example.com/namespaces/shop/w1.json");
    assertThat(widget.at("/spec/size").asInt()).isEqualTo(3);
    var volume = archive.object("resources/persistentvolumes/cluster/pv-data-db-0.json");
    assertThat(volume.at("/spec/claimRef/name").asText()).isEqualTo("data-db-0");
  }

  @Test
  void theManifestCountsTypesListsResourcesAndRecordsTheClusterIdentity() {
    ExportReport report = new NamespaceExporter().export(request(Selection.all()));

    Manifest manifest = report.manifest();
    ExportSource source = report.source();
    assertThat(manifest.kind()).isEqualTo(Kind.NAMESPACE);
    assertThat(manifest.scope()).isEqualTo("prod/shop");
    assertThat(manifest.kubeSystemUid())
        .isNotBlank()
        .isEqualTo(
            cluster.client.namespaces().withName("kube-system").get().getMetadata().getUid());
    assertThat(manifest.objects())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.name()).isEqualTo("resources.tar.zst");
              assertThat(o.rawSize()).isPositive();
            });
    assertThat(manifest.compression()).isEqualTo("zstd");
    assertThat(source.namespace()).isEqualTo("shop");
    assertThat(source.objects()).isEqualTo(SHOP_PATHS.size() - 1);
    assertThat(source.counts())
        .containsEntry("pods", 3L)
        .containsEntry("services", 4L)
        .containsEntry("widgets.example.com", 2L)
        .containsEntry("persistentvolumes", 2L)
        .doesNotContainKey("events");
    assertThat(source.resources())
        .extracting(
            r -> r.group(), r -> r.version(), r -> r.resource(), r -> r.kind(), r -> r.count())
        .contains(
            tuple("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", 1L),
            tuple("example.com", "v1", "widgets", "Widget", 2L),
            tuple("batch", "v1", "jobs", "Job", 0L),
            tuple("", "v1", "events", "Event", 0L));
    assertThat(source.resources()).noneMatch(r -> r.resource().contains("/"));
    assertThat(manifest.warnings()).isEmpty();
    assertThat(manifest.failures()).isEmpty();
  }

  @Test
  void whatMustNeverComeBackIsSkippedAndCountedWithItsReason() {
    ExportReport report = new NamespaceExporter().export(request(Selection.all()));

    assertThat(report.source().skipped())
        .extracting(Skipped::type, Skipped::reason, Skipped::count)
        .containsExactlyInAnyOrder(
            tuple("configmaps", "labelled lifeboat.io/exclude=true", 1L),
            tuple("events", "events are never restored", 2L),
            tuple("jobs.batch", "job completed: restoring it would run it again", 1L),
            tuple("pods", "mirror pod: the kubelet recreates it from its static manifest", 1L),
            tuple("pods", "pod phase Failed", 1L),
            tuple("pods", "pod phase Succeeded", 1L));
  }
}
