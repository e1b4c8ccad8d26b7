package io.lifeboat.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.app.observe.Pushgateway;
import io.lifeboat.app.observe.RunObserver;
import io.lifeboat.app.observe.RunReport;
import io.lifeboat.app.observe.RunReports;
import io.lifeboat.error.ExitCode;
import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.error.SourceUnavailableException;
import io.lifeboat.repository.Kind;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.testing.ForwardingStore;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.testing.StandInPushgateway;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The run skeleton every job app and function shares. */
class RunPathTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  final List<RunReport> said = new ArrayList<>();
  final RunPath.Voice voice = said::add;
  StandInPushgateway pushgateway;
  RunPath path;

  @BeforeEach
  void start() {
    pushgateway = StandInPushgateway.start();
    Pushgateway metrics =
        new Pushgateway(URI.create(pushgateway.url() + "/"), Duration.ofSeconds(5));
    path = new RunPath(new RunObserver(Optional.of(metrics), Optional.empty(), clock), clock);
  }

  @AfterEach
  void stop() {
    pushgateway.close();
  }

  static RunReport report(String scope, RunReport.Outcome outcome, ExitCode code, Duration took) {
    return new RunReport(Kind.NAMESPACE, scope, outcome, code, took, 0, List.of(), scope + " ran");
  }

  /** The Pushgateway group a report of {@code kind} in {@code scope} is pushed to. */
  static String group(String kind, String scope) {
    return "/metrics/job/lifeboat/kind/"
        + kind
        + "/scope@base64/"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(scope.getBytes(UTF_8));
  }

  @Test
  void eachReportOfTheTaskIsSaidThenObservedAndTheTasksExitCodeIsTheRunsExitCode() {
    RunPath.Outcome outcome =
        path.run(
            InMemoryObjectStore::new,
            (store, took) -> {
              clock.advance(Duration.ofSeconds(9));
              return new RunPath.Outcome(
                  List.of(
                      report("prod/a", RunReport.Outcome.DONE, ExitCode.OK, took.get()),
                      report("prod/b", RunReport.Outcome.PARTIAL, ExitCode.PARTIAL, took.get())),
                  3);
            },
            (e, took) -> List.of(),
            voice);

    assertThat(outcome.exitCode()).isEqualTo(3);
    assertThat(said).extracting(RunReport::scope).containsExactly("prod/a", "prod/b");
    assertThat(said).extracting(RunReport::duration).containsOnly(Duration.ofSeconds(9));
    assertThat(pushgateway.pushes()).hasSize(2);
    assertThat(pushgateway.pushes().get(0)).startsWith(group("namespace", "prod/a"));
    assertThat(pushgateway.pushes().get(1)).startsWith(group("namespace", "prod/b"));
  }

  @Test
  void aFailureThatEscapesTheTaskIsReportedAsTheFailureSaysWithItsExitCodeAndTheStoreIsClosed() {
    List<String> closed = new ArrayList<>();
    RunPath.Outcome outcome =
        path.run(
            () ->
                new ForwardingStore(new InMemoryObjectStore()) {
                  @Override
                  public void close() {
                    closed.add(location());
                  }
                },
            (store, took) -> {
              clock.advance(Duration.ofSeconds(4));
              throw new SourceUnavailableException("etcd at https://127.0.0.1:2379 refused");
            },
            (e, took) -> List.of(RunReports.failed(Kind.ETCD, "prod", e, took)),
            voice);

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.SOURCE_UNAVAILABLE.code());
    assertThat(closed).hasSize(1);
    assertThat(said)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(RunReport.Outcome.FAILED);
              assertThat(r.scope()).isEqualTo("prod");
              assertThat(r.duration()).isEqualTo(Duration.ofSeconds(4));
              assertThat(r.message()).isEqualTo("etcd at https://127.0.0.1:2379 refused");
            });
    assertThat(pushgateway.pushes()).singleElement().asString().startsWith(group("etcd", "prod"));
  }

  @Test
  void aStoreThatCannotBeOpenedFailsTheRunWithoutRunningTheTask() {
    List<String> ran = new ArrayList<>();
    RunPath.Outcome outcome =
        path.run(
            () -> {
              throw new LocationUnavailableException("s3://dr/prod/: access denied");
            },
            (ObjectStore store, Supplier<Duration> took) -> {
              ran.add("task");
              return new RunPath.Outcome(List.of(), 0);
            },
            (e, took) -> List.of(RunReports.failed(Kind.VOLUMES, "prod", e, took)),
            voice);

    assertThat(ran).isEmpty();
    assertThat(outcome.exitCode()).isEqualTo(ExitCode.LOCATION_UNAVAILABLE.code());
    assertThat(said).extracting(RunReport::message).containsExactly("s3://dr/prod/: access denied");
  }

  @Test
  void anOutcomesExitCodeIsItsFirstReportThatIsNotOk() {
    RunPath.Outcome outcome =
        RunPath.Outcome.of(
            List.of(
                report("prod/a", RunReport.Outcome.DONE, ExitCode.OK, Duration.ZERO),
                report("prod/b", RunReport.Outcome.FAILED, ExitCode.LOCKED, Duration.ZERO),
                report("prod/c", RunReport.Outcome.PARTIAL, ExitCode.PARTIAL, Duration.ZERO)));

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.LOCKED.code());
    assertThat(RunPath.Outcome.of(List.of()).exitCode()).isZero();
  }
}
