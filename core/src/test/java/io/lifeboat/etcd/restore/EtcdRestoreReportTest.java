package io.lifeboat.etcd.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lifeboat.repository.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtcdRestoreReportTest {
  static final Instant STARTED = Instant.parse("2026-11-25T18:15:00Z");

  static EtcdRestoreReport.Builder restoreOfProd() {
    return EtcdRestoreReport.builder("20261125T1815Z-ab12", "prod/20261125T181500Z-3f9a")
        .run("node-1", STARTED, STARTED.plusSeconds(42))
        .tool("etcdutl", "3.5.17")
        .snapshot("3.5.0", 1024, "e3b0c442")
        .member("/var/lib/etcd", "etcd-0", List.of("snapshot", "restore", "/tmp/snapshot.db"));
  }

  @Test
  void aRestoreWithARevisionBumpMarksTheRestoredRevisionsCompacted() {
    EtcdRestoreReport report =
        restoreOfProd()
            .bumpRevision(1_000_000_000)
            .result(EtcdRestoreReport.RESTORED, null)
            .build();

    assertThat(report.bumpRevision()).isEqualTo(1_000_000_000);
    assertThat(report.markCompacted()).isTrue();
    assertThat(report.restored()).isTrue();
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void aRestoreWithoutABumpMarksNothingCompacted() {
    EtcdRestoreReport report =
        restoreOfProd()
            .warnings(List.of("etcdutl 3.5.9 has no --bump-revision"))
            .result(EtcdRestoreReport.FAILED, "etcdutl snapshot restore exited 1: corrupt")
            .build();

    assertThat(report.markCompacted()).isFalse();
    assertThat(report.restored()).isFalse();
    assertThat(report.message()).isEqualTo("etcdutl snapshot restore exited 1: corrupt");
  }

  @Test
  void theStoredReportNamesEveryPartTheBuilderWasGiven() {
    EtcdRestoreReport report =
        restoreOfProd().bumpRevision(7).result(EtcdRestoreReport.RESTORED, null).build();

    byte[] json = Json.write(report);
    JsonNode stored = Json.tree(report);

    assertThat(stored.get("restoreId").asText()).isEqualTo("20261125T1815Z-ab12");
    assertThat(stored.get("backup").asText()).isEqualTo("prod/20261125T181500Z-3f9a");
    assertThat(stored.get("runner").asText()).isEqualTo("node-1");
    assertThat(stored.get("completedAt").asText()).isEqualTo("2026-11-25T18:15:42Z");
    assertThat(stored.get("toolVersion").asText()).isEqualTo("3.5.17");
    assertThat(stored.get("snapshotServerVersion").asText()).isEqualTo("3.5.0");
    assertThat(stored.get("snapshotSize").asLong()).isEqualTo(1024);
    assertThat(stored.get("snapshotSha256").asText()).isEqualTo("e3b0c442");
    assertThat(stored.get("dataDir").asText()).isEqualTo("/var/lib/etcd");
    assertThat(stored.get("name").asText()).isEqualTo("etcd-0");
    assertThat(stored.get("markCompacted").asBoolean()).isTrue();
    assertThat(stored.has("message")).isFalse();
    assertThat(Json.read(json, EtcdRestoreReport.class, "report")).isEqualTo(report);
  }
}
