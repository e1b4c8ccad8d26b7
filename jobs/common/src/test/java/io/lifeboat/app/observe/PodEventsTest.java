package io.lifeboat.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.lifeboat.error.ExitCode;
import io.lifeboat.export.MockCluster;
import io.lifeboat.repository.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events on the run's pod, read back from the fabric8 CRUD mock. */
class PodEventsTest {
  static final Instant NOW = Instant.parse("2026-11-25T18:15:09Z");
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  static RunReport report(RunReport.Outcome outcome, ExitCode code, String message) {
    return new RunReport(
        Kind.ETCD, "prod", outcome, code, Duration.ofSeconds(3), 42, List.of(), message);
  }

  List<Event> events() {
    return cluster.client.v1().events().inNamespace("lifeboat").list().getItems();
  }

  @Test
  void aDoneRunLeavesANormalEventOnItsPodLinkedByUid() {
    var pod =
        cluster
            .client
            .pods()
            .inNamespace("lifeboat")
            .resource(
                new PodBuilder()
                    .withNewMetadata()
                    .withName("etcd-snapshot-29399520-x7k2p")
                    .endMetadata()
                    .build())
            .create();

    new PodEvents(cluster.client, "lifeboat", "etcd-snapshot-29399520-x7k2p")
        .record(report(RunReport.Outcome.DONE, ExitCode.OK, "etcd snapshot prod/x: done"), NOW);

    Event event = events().get(0);
    assertThat(event.getType()).isEqualTo("Normal");
    assertThat(event.getReason()).isEqualTo("BackupDone");
    assertThat(event.getMessage()).isEqualTo("etcd snapshot prod/x: done");
    assertThat(event.getInvolvedObject().getKind()).isEqualTo("Pod");
    assertThat(event.getInvolvedObject().getName()).isEqualTo("etcd-snapshot-29399520-x7k2p");
    assertThat(event.getInvolvedObject().getUid())
        .isEqualTo(pod.getMetadata().getUid())
        .isNotNull();
    assertThat(event.getSource().getComponent()).isEqualTo("lifeboat");
    assertThat(event.getLastTimestamp()).isEqualTo("2026-11-25T18:15:09Z");
  }

  @Test
  void aFailedRunLeavesAWarningEvenWhenThePodCannotBeRead() {
    new PodEvents(cluster.client, "lifeboat", "gone")
        .record(
            report(RunReport.Outcome.FAILED, ExitCode.SOURCE_UNAVAILABLE, "etcd unreachable"), NOW);

    Event event = events().get(0);
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getReason()).isEqualTo("BackupFailed");
    assertThat(event.getInvolvedObject().getUid()).isNull();
  }

  @Test
  void theObserverRecordsEventsOnlyInsideKubernetesWithAPodNameAndNamespace() {
    ObserveConfig config = config(Optional.of("lifeboat"));
    RunObserver outside = RunObserver.from(config, Map.of("HOSTNAME", "p"), () -> cluster.client);
    RunObserver inside =
        RunObserver.from(
            config,
            Map.of("HOSTNAME", "p", "KUBERNETES_SERVICE_HOST", "10.96.0.1"),
            () -> cluster.client);

    outside.observe(report(RunReport.Outcome.DONE, ExitCode.OK, "outside"));
    inside.observe(report(RunReport.Outcome.PARTIAL, ExitCode.PARTIAL, "inside"));

    assertThat(events()).extracting(Event::getMessage).containsExactly("inside");
    assertThat(events().get(0).getType()).isEqualTo("Warning");
  }

  @Test
  void theEtcdJobsMetricsOnlyObserverRecordsNoEventEvenInsideKubernetes() {
    RunObserver inside =
        RunObserver.from(
            config(Optional.of("lifeboat")),
            Map.of("HOSTNAME", "p", "KUBERNETES_SERVICE_HOST", "10.96.0.1"),
            () -> cluster.client);
    inside.observe(report(RunReport.Outcome.DONE, ExitCode.OK, "from a pod with a client"));

    RunObserver.metricsOnly(config(Optional.of("lifeboat")))
        .observe(report(RunReport.Outcome.FAILED, ExitCode.SOURCE_UNAVAILABLE, "etcd job"));

    assertThat(events()).extracting(Event::getMessage).containsExactly("from a pod with a client");
  }

  static ObserveConfig config(Optional<String> namespace) {
    return new ObserveConfig() {
      @Override
      public Metrics metrics() {
        return new Metrics() {
          @Override
          public Optional<java.net.URI> pushgatewayUrl() {
            return Optional.empty();
          }

          @Override
          public Duration pushTimeout() {
            return Duration.ofSeconds(1);
          }
        };
      }

      @Override
      public Optional<String> podName() {
        return Optional.empty();
      }

      @Override
      public Optional<String> podNamespace() {
        return namespace;
      }
    };
  }

  @Test
  void aSkippedRunIsNormalAndNamedSo() {
    RunReport skipped = report(RunReport.Outcome.SKIPPED, ExitCode.OK, "s");

    assertThat(PodEvents.reason(skipped)).isEqualTo("BackupSkipped");
    assertThat(PodEvents.type(skipped)).isEqualTo("Normal");
  }

  @Test
  void aPruneIsNamedAsAPruneNotABackup() {
    RunReport failed =
        new RunReport(
            RunReport.Task.PRUNE,
            Kind.ETCD,
            "prod",
            RunReport.Outcome.FAILED,
            ExitCode.LOCKED,
            Duration.ZERO,
            0,
            List.of(),
            "lease held");

    assertThat(PodEvents.reason(failed)).isEqualTo("PruneFailed");
    assertThat(PodEvents.type(failed)).isEqualTo("Warning");
  }
}
