package io.lifeboat.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Encoding;
import io.lifeboat.error.ExitCode;
import io.lifeboat.error.SourceUnavailableException;
import io.lifeboat.export.ExportReport.Outcome;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a broken group, a forbidden type, a vanished API server and a taken slot do. */
class NamespaceExportFailuresIT {
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

  private ExportRequest request(String slot) {
    return new ExportRequest(
        cluster.client,
        repository,
        scope,
        slot,
        Selection.all(),
        Encoding.of(AgeRecipients.none()));
  }

  @Test
  void aGroupFailingDiscoveryIsAWarningAndTheBackupCommits() throws Exception {
    cluster.serve("metrics.k8s.io/v1beta1", MockCluster.namespaced("pods", "PodMetrics"));
    cluster.dispatcher.fail("/apis/metrics.k8s.io/v1beta1", 503);

    ExportReport report = new NamespaceExporter().export(request(null));

    assertThat(report.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(report.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(report.manifest().warnings())
        .singleElement()
        .asString()
        .contains("metrics.k8s.io/v1beta1", "503");
    assertThat(store.keys()).contains(report.backup().catalogKey());
    var archive =
        ArchiveCli.read(store.bytes(report.backup().dataPrefix() + "resources.tar.zst"), work);
    assertThat(archive.paths()).containsExactlyInAnyOrderElementsOf(NamespaceExportIT.SHOP_PATHS);
  }

  @Test
  void aTypeThatCannotBeListedIsAnItemFailureAndTheBackupIsPartial() {
    cluster.dispatcher.fail("/api/v1/namespaces/shop/secrets", 403);

    ExportReport report = new NamespaceExporter().export(request(null));

    assertThat(report.outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(report.exitCode()).isEqualTo(ExitCode.PARTIAL);
    assertThat(report.manifest().failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.item()).isEqualTo("secrets in shop");
              assertThat(f.reason()).contains("403");
            });
    assertThat(report.source().counts()).doesNotContainKey("secrets").containsKey("configmaps");
    assertThat(store.keys()).contains(report.backup().catalogKey());
  }

  @Test
  void anUnreachableApiServerFailsWithExit4AndLeavesNoCatalogEntry() {
    cluster.stop();

    assertThatThrownBy(() -> new NamespaceExporter().export(request(null)))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("Kubernetes API at")
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.SOURCE_UNAVAILABLE));
    assertThat(store.keys()).noneMatch(k -> k.startsWith(RepositoryLayout.CATALOG));
    assertThat(store.keys()).noneMatch(k -> k.startsWith(RepositoryLayout.DATA));
  }

  @Test
  void aSecondRunForAClaimedSlotIsSkippedAndWritesNothing() {
    var exporter = new NamespaceExporter();

    ClaimedRun.Result first =
        exporter.run(request("20261125T1815Z"), "export-29123456-abcde", Duration.ofMinutes(30));
    ClaimedRun.Result second =
        exporter.run(request("20261125T1815Z"), "export-29123456-abcde", Duration.ofMinutes(30));

    Manifest committed = first.committed().orElseThrow();
    assertThat(committed.slot()).isEqualTo("20261125T1815Z");
    assertThat(second).isInstanceOf(ClaimedRun.Result.Skipped.class);
    assertThat(second.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(store.keys())
        .filteredOn(k -> k.startsWith(RepositoryLayout.CATALOG))
        .containsExactly(committed.ref().catalogKey());
    assertThat(new String(store.bytes("claims/namespace/prod/shop/20261125T1815Z")))
        .contains(committed.id());
  }
}
