package io.lifeboat.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Encoding;
import io.lifeboat.export.ExportSource.Skipped;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Namespace globs, resource types, OR-ed label selectors, opt-out, related objects switch. */
class NamespaceSelectionIT {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  private final InMemoryObjectStore store = new InMemoryObjectStore(clock);
  private final Repository repository = new Repository(Repository.backupView(store), clock);
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

  private List<String> exportedPaths(Selection selection) throws Exception {
    var request =
        new ExportRequest(
            cluster.client,
            repository,
            Scope.namespace(new ClusterName("prod"), ShopFixtures.NS),
            null,
            selection,
            Encoding.of(AgeRecipients.none()));
    ExportReport report = new NamespaceExporter().export(request);
    return ArchiveCli.read(store.bytes(report.backup().dataPrefix() + "resources.tar.zst"), work)
        .paths();
  }

  @Test
  void orEdLabelSelectorsTakeObjectsMatchingAnyOfThem() throws Exception {
    List<String> paths =
        exportedPaths(Selection.all().withLabelSelectors(List.of("app=db", "app in (web)")));

    assertThat(paths)
        .contains(
            "resources/deployments.apps/namespaces/shop/web.json",
            "resources/statefulsets.apps/namespaces/shop/db.json",
            "resources/persistentvolumeclaims/namespaces/shop/data-db-0.json",
            "resources/persistentvolumes/cluster/pv-data-db-0.json",
            "resources/namespaces/cluster/shop.json")
        .doesNotContain(
            "resources/configmaps/namespaces/shop/app-config.json",
            "resources/networkpolicies.networking.k8s.io/namespaces/shop/default-deny.json");
  }

  @Test
  void oneLabelSelectorIsAlsoSentToTheServer() throws Exception {
    List<String> paths = exportedPaths(Selection.all().withLabelSelectors(List.of("app=db")));

    assertThat(cluster.dispatcher.listRequests())
        .filteredOn(p -> p.startsWith("/apis/apps/v1/namespaces/shop/statefulsets?"))
        .singleElement()
        .asString()
        .contains("labelSelector=app%3Ddb");
    assertThat(paths)
        .contains("resources/statefulsets.apps/namespaces/shop/db.json")
        .doesNotContain("resources/deployments.apps/namespaces/shop/web.json");
  }

  @Test
  void theOptOutLabelWinsOverEverySelector() throws Exception {
    var request =
        new ExportRequest(
            cluster.client,
            repository,
            Scope.namespace(new ClusterName("prod"), ShopFixtures.NS),
            null,
            Selection.all().withResources(List.of("configmaps"), List.of()),
            Encoding.of(AgeRecipients.none()));

    ExportReport report = new NamespaceExporter().export(request);

    assertThat(report.source().counts()).containsOnlyKeys("configmaps", "namespaces");
    assertThat(report.source().skipped())
        .extracting(Skipped::type, Skipped::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("configmaps", "labelled lifeboat.io/exclude=true"));
  }

  @Test
  void excludedTypesAndTheClusterResourcesSwitchKeepObjectsOut() throws Exception {
    List<String> paths =
        exportedPaths(
            Selection.all()
                .withResources(List.of(), List.of("secrets", "*.rbac.authorization.k8s.io"))
                .withClusterResources(false));

    assertThat(paths)
        .noneMatch(p -> p.startsWith("resources/secrets/"))
        .noneMatch(p -> p.contains(".rbac.authorization.k8s.io/"))
        .filteredOn(p -> p.contains("/cluster/"))
        .containsExactly("resources/namespaces/cluster/shop.json");
    assertThat(paths).contains("resources/deployments.apps/namespaces/shop/web.json");
  }

  @Test
  void namespaceGlobsChooseWhichNamespacesAreExportedEachAsItsOwnBackup() {
    var template =
        new ExportRequest(
            cluster.client,
            repository,
            Scope.namespace(new ClusterName("prod"), "template"),
            null,
            Selection.all().withNamespaces(List.of("*"), List.of("kube-*")),
            Encoding.of(AgeRecipients.none()));

    List<io.lifeboat.repository.Manifest> reports =
        new NamespaceExporter()
            .exportSelected(template, "test", java.time.Duration.ofMinutes(30)).stream()
                .map(r -> r.committed().orElseThrow())
                .toList();

    assertThat(reports).extracting(r -> r.scope()).containsExactly("prod/other", "prod/shop");
    assertThat(reports.get(0).source(ExportSource.class).counts())
        .containsEntry("configmaps", 1L)
        .containsEntry("widgets.example.com", 1L);
    assertThat(reports.get(0).source(ExportSource.class).counts())
        .doesNotContainKey("clusterrolebindings.rbac.authorization.k8s.io");
  }
}
