package io.lifeboat.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.error.ExitCode;
import io.lifeboat.error.NotFoundException;
import io.lifeboat.restore.namespace.RestoreReport;
import io.lifeboat.restore.namespace.RestoreReport.ObjectResult;
import io.lifeboat.restore.namespace.RestoreReport.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A restore reports as a restore: its own Event reasons and metric names, never a backup's. */
class RestoreRunReportsTest {
  static final Instant NOW = Instant.parse("2026-11-25T18:15:09Z");

  static RestoreReport restore(Outcome... outcomes) {
    List<ObjectResult> results =
        java.util.Arrays.stream(outcomes)
            .map(o -> new ObjectResult("configmaps", "shop-copy", "c-" + o, o, "r"))
            .toList();
    return new RestoreReport(
        "20261125T181509Z-ab12",
        "prod/shop/20261125T181500Z-3f9a",
        "prod/shop-copy",
        "skip",
        NOW.minusSeconds(4),
        NOW,
        results,
        null);
  }

  @Test
  void aCleanRestoreIsADoneRestoreOfItsTargetScopeNamingTheBackup() {
    RunReport report =
        RestoreRunReports.of(restore(Outcome.CREATED, Outcome.SKIPPED), Duration.ofSeconds(4));

    assertThat(report.task()).isEqualTo(RunReport.Task.RESTORE);
    assertThat(report.outcome()).isEqualTo(RunReport.Outcome.DONE);
    assertThat(report.scope()).isEqualTo("prod/shop-copy");
    assertThat(report.backups()).containsExactly("prod/shop/20261125T181500Z-3f9a");
    assertThat(report.message()).startsWith("namespace restore 20261125T181509Z-ab12 of ");
    assertThat(PodEvents.reason(report)).isEqualTo("RestoreDone");
    assertThat(PodEvents.type(report)).isEqualTo("Normal");
  }

  @Test
  void aRestoreWithAFailedObjectIsPartialExitThreeAndAWarning() {
    RunReport report =
        RestoreRunReports.of(restore(Outcome.CREATED, Outcome.FAILED), Duration.ofSeconds(4));

    assertThat(report.outcome()).isEqualTo(RunReport.Outcome.PARTIAL);
    assertThat(report.exitCode()).isEqualTo(ExitCode.PARTIAL);
    assertThat(PodEvents.reason(report)).isEqualTo("RestorePartial");
    assertThat(PodEvents.type(report)).isEqualTo("Warning");
  }

  @Test
  void aFailedRestoreKeepsTheFailuresExitCodeAndIsNamedRestoreFailed() {
    RunReport report =
        RestoreRunReports.failed(
            "prod/shop", new NotFoundException("backup 'x' not found"), Duration.ofSeconds(1));

    assertThat(report.task()).isEqualTo(RunReport.Task.RESTORE);
    assertThat(report.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(PodEvents.reason(report)).isEqualTo("RestoreFailed");
  }

  @Test
  void aRestorePushesRestoreMetricsAndNoBackupMetric() {
    RunReport report = RestoreRunReports.of(restore(Outcome.CREATED), Duration.ofMillis(4200));

    String text = Pushgateway.exposition(report, 0, NOW);

    assertThat(text)
        .isEqualTo(
            "# TYPE lifeboat_restore_duration_seconds gauge\n"
                + "lifeboat_restore_duration_seconds 4.200\n"
                + "# TYPE lifeboat_restore_last_success_timestamp_seconds gauge\n"
                + "lifeboat_restore_last_success_timestamp_seconds 1795630509.000\n"
                + "# TYPE lifeboat_restore_failures_total counter\n"
                + "lifeboat_restore_failures_total 0\n");
    assertThat(
            Pushgateway.failuresIn(
                "lifeboat_backup_failures_total{job=\"lifeboat\",kind=\"namespace\","
                    + "scope=\"prod/shop-copy\"} 5\n"
                    + "lifeboat_restore_failures_total{job=\"lifeboat\",kind=\"namespace\","
                    + "scope=\"prod/shop-copy\"} 2\n",
                report))
        .as("a restore counts its own failures, not the backups'")
        .isEqualTo(2);
  }
}
