package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupTableTest {
  private static final Instant NOW = Instant.parse("2026-11-30T11:27:02Z");

  private static BackupRef ref(Kind kind, String scope, String id) {
    return new BackupRef(kind, Scope.parse(scope), BackupId.parse(id));
  }

  @Test
  void theTableHasTheSevenColumnsInLocalTimeWithAgesSizesAndDurations() {
    var rows =
        List.of(
            new BackupTable.Row(
                ref(Kind.ETCD, "prod", "20261130T111502Z-3f9a"),
                325_058_560L,
                Duration.ofMillis(5_400),
                "complete"),
            new BackupTable.Row(
                ref(Kind.NAMESPACE, "prod/shop", "20261129T091500Z-0b1c"),
                null,
                null,
                "invalid: manifest does not parse"));

    assertThat(BackupTable.render(rows, NOW, ZoneId.of("UTC")))
        .isEqualTo(
            """
            ID                      KIND        SCOPE       CREATED                         SIZE        DURATION   STATUS
            20261130T111502Z-3f9a   etcd        prod        2026-11-30 11:15:02 (12m ago)   310.0 MiB   5.4 s      complete
            20261129T091500Z-0b1c   namespace   prod/shop   2026-11-29 09:15:00 (1d ago)    -           -          invalid: manifest does not parse
            """);
  }

  @Test
  void jsonRowsKeepIsoTimesAndBytesForScripts() {
    var rows =
        List.of(
            new BackupTable.Row(
                ref(Kind.ETCD, "prod", "20261130T111502Z-3f9a"),
                1024L,
                Duration.ofMillis(5_400),
                "complete"));
    assertThat(BackupTable.documents(rows).get(0))
        .containsEntry("created", "2026-11-30T11:15:02Z")
        .containsEntry("bytes", 1024L)
        .containsEntry("durationSeconds", 5.4)
        .containsEntry("status", "complete");
  }

  @Test
  void aShardColumnAppearsWhenASharedExportMadeSomeOfTheBackups() {
    var rows =
        List.of(
            new BackupTable.Row(
                ref(Kind.NAMESPACE, "prod/team-a", "20261130T111502Z-3f9a"),
                2048L,
                Duration.ofMillis(1_200),
                "complete",
                "2/4"),
            new BackupTable.Row(
                ref(Kind.ETCD, "prod", "20261130T111602Z-0b1c"),
                1024L,
                Duration.ofMillis(5_400),
                "complete"));

    assertThat(BackupTable.render(rows, NOW, ZoneId.of("UTC")))
        .isEqualTo(
            """
            ID                      KIND        SCOPE         CREATED                         SIZE      DURATION   SHARD   STATUS
            20261130T111502Z-3f9a   namespace   prod/team-a   2026-11-30 11:15:02 (12m ago)   2.0 KiB   1.2 s      2/4     complete
            20261130T111602Z-0b1c   etcd        prod          2026-11-30 11:16:02 (11m ago)   1.0 KiB   5.4 s      -       complete
            """);
    assertThat(BackupTable.documents(rows).get(0)).containsEntry("shard", "2/4");
  }
}
