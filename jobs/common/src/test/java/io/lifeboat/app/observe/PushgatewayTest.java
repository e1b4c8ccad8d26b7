package io.lifeboat.app.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.ExitCode;
import io.lifeboat.repository.Kind;
import io.lifeboat.testing.StandInPushgateway;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pushes against a local HTTP receiver standing in for a Pushgateway. */
class PushgatewayTest {
  static final Instant NOW = Instant.parse("2026-11-25T18:15:09.500Z");
  StandInPushgateway server;
  List<String> requests;

  @BeforeEach
  void start() {
    server = StandInPushgateway.start();
    requests = server.requests();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Pushgateway gateway() {
    return new Pushgateway(URI.create(server.url() + "/"), Duration.ofSeconds(5));
  }

  static RunReport report(RunReport.Outcome outcome, String scope) {
    return new RunReport(
        Kind.NAMESPACE,
        scope,
        outcome,
        outcome == RunReport.Outcome.FAILED ? ExitCode.SOURCE_UNAVAILABLE : ExitCode.OK,
        Duration.ofMillis(9800),
        325058560,
        List.of(),
        "m");
  }

  @Test
  void aSuccessPostsDurationBytesLastSuccessAndTheUnchangedFailureCountToTheScopesGroup()
      throws Exception {
    server.answerGets(
        "lifeboat_backup_failures_total{instance=\"\",job=\"lifeboat\",kind=\"namespace\",scope=\"prod/payments\"} 2\n"
            + "lifeboat_backup_failures_total{instance=\"\",job=\"lifeboat\",kind=\"namespace\",scope=\"prod/shop\"} 7\n");

    gateway().push(report(RunReport.Outcome.DONE, "prod/payments"), NOW);

    assertThat(requests).hasSize(2);
    assertThat(requests.get(0)).startsWith("GET /metrics\n");
    assertThat(requests.get(1))
        .isEqualTo(
            "POST /metrics/job/lifeboat/kind/namespace/scope@base64/cHJvZC9wYXltZW50cw\n"
                + "# TYPE lifeboat_backup_duration_seconds gauge\n"
                + "lifeboat_backup_duration_seconds 9.800\n"
                + "# TYPE lifeboat_backup_bytes gauge\n"
                + "lifeboat_backup_bytes 325058560\n"
                + "# TYPE lifeboat_backup_last_success_timestamp_seconds gauge\n"
                + "lifeboat_backup_last_success_timestamp_seconds 1795630509.500\n"
                + "# TYPE lifeboat_backup_failures_total counter\n"
                + "lifeboat_backup_failures_total 2\n");
  }

  @Test
  void aShardedExportsMetricsCarryTheShardLabelAndItsFailureCountIsReadBack() throws Exception {
    server.answerGets(
        "lifeboat_backup_failures_total{instance=\"\",job=\"lifeboat\",kind=\"namespace\",scope=\"prod/payments\",shard=\"2/4\"} 3\n");

    gateway().push(report(RunReport.Outcome.FAILED, "prod/payments").withShard("2/4"), NOW);

    assertThat(requests.get(1))
        .isEqualTo(
            "POST /metrics/job/lifeboat/kind/namespace/scope@base64/cHJvZC9wYXltZW50cw\n"
                + "# TYPE lifeboat_backup_duration_seconds gauge\n"
                + "lifeboat_backup_duration_seconds{shard=\"2/4\"} 9.800\n"
                + "# TYPE lifeboat_backup_failures_total counter\n"
                + "lifeboat_backup_failures_total{shard=\"2/4\"} 4\n");
  }

  @Test
  void aFailureAddsOneToTheGatewaysCountAndLeavesTheLastSuccessAlone() throws Exception {
    server.answerGets(
        "# TYPE lifeboat_backup_failures_total counter\n"
            + "lifeboat_backup_failures_total{instance=\"\",job=\"lifeboat\",kind=\"namespace\",scope=\"prod/payments\"} 2\n");

    gateway().push(report(RunReport.Outcome.FAILED, "prod/payments"), NOW);

    assertThat(requests.get(1))
        .endsWith(
            "\n# TYPE lifeboat_backup_duration_seconds gauge\n"
                + "lifeboat_backup_duration_seconds 9.800\n"
                + "# TYPE lifeboat_backup_failures_total counter\n"
                + "lifeboat_backup_failures_total 3\n");
  }

  @Test
  void aFirstFailureCountsOne() throws Exception {
    gateway().push(report(RunReport.Outcome.FAILED, "prod"), NOW);

    assertThat(requests.get(1))
        .startsWith("POST /metrics/job/lifeboat/kind/namespace/scope@base64/cHJvZA\n")
        .endsWith("lifeboat_backup_failures_total 1\n");
  }

  @Test
  void aPruneReportsUnderPruneNamesWithoutBytesAndCountsOnlyPruneFailures() throws Exception {
    server.answerGets(
        "lifeboat_backup_failures_total{instance=\"\",job=\"lifeboat\",kind=\"etcd\",scope=\"prod\"} 4\n"
            + "lifeboat_prune_failures_total{instance=\"\",job=\"lifeboat\",kind=\"etcd\",scope=\"prod\"} 1\n");
    RunReport prune =
        new RunReport(
            RunReport.Task.PRUNE,
            Kind.ETCD,
            "prod",
            RunReport.Outcome.DONE,
            ExitCode.OK,
            Duration.ofMillis(1500),
            0,
            List.of("20261125T181500Z-3f9a"),
            "prune etcd prod: ...");

    gateway().push(prune, NOW);

    assertThat(requests.get(1))
        .isEqualTo(
            "POST /metrics/job/lifeboat/kind/etcd/scope@base64/cHJvZA\n"
                + "# TYPE lifeboat_prune_duration_seconds gauge\n"
                + "lifeboat_prune_duration_seconds 1.500\n"
                + "# TYPE lifeboat_prune_last_success_timestamp_seconds gauge\n"
                + "lifeboat_prune_last_success_timestamp_seconds 1795630509.500\n"
                + "# TYPE lifeboat_prune_failures_total counter\n"
                + "lifeboat_prune_failures_total 1\n");
  }

  @Test
  void aSkippedRunPushesNothing() throws Exception {
    gateway().push(report(RunReport.Outcome.SKIPPED, "prod"), NOW);

    assertThat(requests).isEmpty();
  }

  @Test
  void aRefusedPushIsAnErrorNamingTheUrlAndStatus() {
    server.answerPushesWith(400);

    assertThatThrownBy(() -> gateway().push(report(RunReport.Outcome.DONE, "prod"), NOW))
        .hasMessageContaining("/metrics/job/lifeboat/kind/namespace/scope@base64/cHJvZA")
        .hasMessageContaining("400");
  }

  @Test
  void theObserverNeverThrowsWhenTheGatewayIsDown() {
    Pushgateway down = gateway();
    server.close();
    RunObserver observer =
        new RunObserver(
            java.util.Optional.of(down), java.util.Optional.empty(), java.time.Clock.systemUTC());

    observer.observe(report(RunReport.Outcome.DONE, "prod"));
    observer.observe(report(RunReport.Outcome.FAILED, "prod"));
  }
}
