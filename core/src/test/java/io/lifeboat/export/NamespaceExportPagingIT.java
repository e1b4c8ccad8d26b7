package io.lifeboat.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Encoding;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lists are really paged (limit and continue) and memory holds one page, not the namespace. */
class NamespaceExportPagingIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String BULK = "/api/v1/namespaces/bulk/configmaps";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  private final InMemoryObjectStore store = new InMemoryObjectStore(clock);
  private final Repository repository = new Repository(Repository.backupView(store), clock);
  private MockCluster cluster;
  @TempDir Path work;

  @BeforeEach
  void startCluster() {
    cluster = new MockCluster();
    cluster
        .client
        .resource(new NamespaceBuilder().withNewMetadata().withName("bulk").endMetadata().build())
        .create();
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  private ExportRequest bulkRequest(ExportListener listener) {
    return new ExportRequest(
        cluster.client,
        repository,
        Scope.namespace(new ClusterName("prod"), "bulk"),
        null,
        Selection.all(),
        Encoding.of(AgeRecipients.none()),
        ExportRequest.DEFAULT_PAGE_SIZE,
        listener);
  }

  @Test
  void aThreePageListIsFullyExportedFollowingContinueTokens() throws Exception {
    cluster.dispatcher.generate(BULK, 1_250, i -> configMap(i, 16));

    ExportReport report = new NamespaceExporter().export(bulkRequest(null));

    assertThat(cluster.dispatcher.listRequests())
        .filteredOn(p -> p.startsWith(BULK + "?"))
        .satisfiesExactly(
            first -> assertThat(first).contains("limit=500").doesNotContain("continue="),
            second -> assertThat(second).contains("limit=500", "continue=500"),
            third -> assertThat(third).contains("limit=500", "continue=1000"));
    var archive =
        ArchiveCli.read(store.bytes(report.backup().dataPrefix() + "resources.tar.zst"), work);
    assertThat(archive.paths())
        .filteredOn(p -> p.startsWith("resources/configmaps/"))
        .hasSize(1_250)
        .contains(
            "resources/configmaps/namespaces/bulk/cm-00000.json",
            "resources/configmaps/namespaces/bulk/cm-01249.json")
        .doesNotHaveDuplicates();
    assertThat(report.source().counts()).containsEntry("configmaps", 1_250L);
  }

  @Test
  void pagesOfTheCrudStoreAreSlicedAndEveryObjectExported() {
    new ShopFixtures(cluster.client).create();
    var request =
        new ExportRequest(
            cluster.client,
            repository,
            Scope.namespace(new ClusterName("prod"), ShopFixtures.NS),
            null,
            Selection.all(),
            Encoding.of(AgeRecipients.none()),
            1,
            null);

    ExportReport report = new NamespaceExporter().export(request);

    assertThat(cluster.dispatcher.listRequests())
        .filteredOn(p -> p.startsWith("/api/v1/namespaces/shop/configmaps?"))
        .hasSize(3);
    assertThat(report.source().counts()).containsEntry("configmaps", 2L).containsEntry("pods", 3L);
  }

  @Test
  void tenThousandConfigMapsAreExportedHoldingAtMostOnePageAtATime() {
    cluster.dispatcher.generate(BULK, 10_000, i -> configMap(i, 2_048));
    List<WeakReference<GenericKubernetesResource>> seen = new ArrayList<>();
    List<Integer> liveFromEarlierPages = new ArrayList<>();
    List<Long> heapAfterGc = new ArrayList<>();
    ExportListener listener =
        (type, page) -> {
          if (!type.equals("configmaps")) {
            return;
          }
          if (seen.size() % 2_000 == 0) {
            System.gc();
            liveFromEarlierPages.add((int) seen.stream().filter(r -> r.get() != null).count());
            heapAfterGc.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
          }
          page.forEach(o -> seen.add(new WeakReference<>(o)));
        };

    ExportReport report = new NamespaceExporter().export(bulkRequest(listener));

    assertThat(report.source().counts()).containsEntry("configmaps", 10_000L);
    assertThat(seen).hasSize(10_000);
    // Before each sampled page arrives, at most the previous page may still be reachable.
    assertThat(liveFromEarlierPages)
        .hasSize(5)
        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(500));
    // 10,000 objects of 2 KiB would be over 20 MiB if they were kept; the heap stays flat.
    long growth = heapAfterGc.get(heapAfterGc.size() - 1) - heapAfterGc.get(1);
    assertThat(growth).isLessThan(8L * 1024 * 1024);
  }

  private static ObjectNode configMap(int i, int valueSize) {
    String name = String.format("cm-%05d", i);
    ObjectNode node = MAPPER.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    node.putObject("metadata")
        .put("name", name)
        .put("namespace", "bulk")
        .put("uid", "uid-" + name)
        .put("resourceVersion", String.valueOf(i + 1));
    node.putObject("data").put("value", (name + " ").repeat(valueSize / 9 + 1));
    return node;
  }
}
