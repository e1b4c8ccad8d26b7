package io.lifeboat.restore.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.error.ExitCode;
import io.lifeboat.error.SourceUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RestoreFanOutTest {
  static RestoreReport report(String namespace) {
    Instant at = Instant.parse("2026-11-25T18:15:00Z");
    return new RestoreReport(
        "r1", "prod/" + namespace + "/x", "prod/" + namespace, "skip", at, at, List.of(), null);
  }

  @Test
  void exactlyParallelNamespacesRestoreAtOnceAndEveryOneGetsItsOutcomeInOrder() {
    List<String> namespaces = List.of("team-a", "team-b", "team-c", "team-d", "team-e", "team-f");
    CyclicBarrier together = new CyclicBarrier(2);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<String> heard = Collections.synchronizedList(new ArrayList<>());

    List<RestoreFanOut.Outcome> outcomes =
        RestoreFanOut.run(
            namespaces,
            2,
            namespace -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                // Trips only when two restores run at once; a third never runs meanwhile.
                together.await(10, TimeUnit.SECONDS);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              } finally {
                running.decrementAndGet();
              }
              return report(namespace);
            },
            o -> heard.add(o.namespace()));

    assertThat(most.get()).isEqualTo(2);
    assertThat(outcomes).extracting(RestoreFanOut.Outcome::namespace).isEqualTo(namespaces);
    assertThat(heard).containsExactlyInAnyOrderElementsOf(namespaces);
    assertThat(RestoreFanOut.exitCode(outcomes)).isEqualTo(ExitCode.OK);
  }

  @Test
  void oneNamespaceFailingLeavesTheOthersRestoredAndExitsThree() {
    List<RestoreFanOut.Outcome> outcomes =
        RestoreFanOut.run(
            List.of("team-a", "team-b", "team-c"),
            2,
            namespace -> {
              if (namespace.equals("team-b")) {
                throw new io.lifeboat.error.NotFoundException("no backup of team-b");
              }
              return report(namespace);
            },
            o -> {});

    assertThat(outcomes).filteredOn(o -> o.report() != null).hasSize(2);
    assertThat(outcomes.get(1).failure()).hasMessage("no backup of team-b");
    assertThat(RestoreFanOut.exitCode(outcomes)).isEqualTo(ExitCode.PARTIAL);
  }

  @Test
  void everyNamespaceFailingTheSameWayExitsWithThatCode() {
    List<RestoreFanOut.Outcome> outcomes =
        RestoreFanOut.run(
            List.of("team-a", "team-b"),
            4,
            namespace -> {
              throw new SourceUnavailableException("API server https://127.0.0.1:1 unreachable");
            },
            o -> {});

    assertThat(RestoreFanOut.exitCode(outcomes)).isEqualTo(ExitCode.SOURCE_UNAVAILABLE);
  }
}
