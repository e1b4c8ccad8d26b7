package io.lifeboat.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lifeboat.error.ExitCode;
import io.lifeboat.error.SourceUnavailableException;
import io.lifeboat.testing.ClientThreads;
import io.lifeboat.testing.CountingTcpProxy;
import io.lifeboat.testing.EtcdServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcdSnapshotterIT {
  @TempDir static Path dir;
  static EtcdServer etcd;

  @BeforeAll
  static void startEtcd() {
    etcd = EtcdServer.start(dir.resolve("etcd"));
    etcd.fill("/registry/configmaps/default/cm-", 2_000, 1_024);
  }

  @AfterAll
  static void stopEtcd() {
    etcd.close();
  }

  static EtcdSettings settings(URI... endpoints) {
    return new EtcdSettings(
        List.of(endpoints),
        null,
        null,
        null,
        null,
        null,
        null,
        Duration.ofSeconds(5),
        Duration.ofMinutes(2));
  }

  @Test
  void theStreamedSnapshotIsByteIdenticalToEtcdctlSnapshotSave() throws IOException {
    Path reference = dir.resolve("etcdctl.db");
    etcd.etcdctl("snapshot", "save", reference.toString());

    EtcdSnapshotter snapshotter =
        new EtcdSnapshotter(settings(etcd.endpoint()), Clock.systemUTC(), 16);
    ConnectedMember member = snapshotter.selectMember();
    ByteArrayOutputStream streamed = new ByteArrayOutputStream();
    EtcdSnapshotter.Result result = snapshotter.snapshot(member, streamed);

    assertThat(streamed.toByteArray()).isEqualTo(Files.readAllBytes(reference));
    assertThat(result.size()).isEqualTo(Files.size(reference)).matches(n -> n % 512 == 32);
    assertThat(member.status().revision()).isGreaterThanOrEqualTo(2_000);
    assertThat(member.status().serverVersion()).startsWith("3.");
  }

  @Test
  void theSnapshotReadsThroughTheChosenMembersClientAndLeavesNothingOpen() {
    Set<Thread> before = ClientThreads.live();
    try (CountingTcpProxy proxy = CountingTcpProxy.to(etcd.endpoint())) {
      EtcdSnapshotter snapshotter =
          new EtcdSnapshotter(settings(proxy.endpoint()), Clock.systemUTC(), 16);
      ConnectedMember member = snapshotter.selectMember();
      EtcdSnapshotter.Result result = snapshotter.snapshot(member, OutputStream.nullOutputStream());

      assertThat(result.member()).isEqualTo(member.status());
      // The TCP probe, jetcd's channel for the status call and the client's own: all closed.
      await().atMost(Duration.ofSeconds(10)).until(() -> proxy.open() == 0);
      assertThat(proxy.opened()).isGreaterThanOrEqualTo(2);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ClientThreads.startedSince(before).isEmpty());
  }

  @Test
  void anUnreachableEndpointIsSkippedWhenAnotherIsHealthy() {
    URI dead = URI.create("http://127.0.0.1:" + io.lifeboat.testing.Ports.free());
    try (ConnectedMember member =
        new EtcdSnapshotter(settings(dead, etcd.endpoint()), Clock.systemUTC(), 16)
            .selectMember()) {
      assertThat(member.status().endpoint()).isEqualTo(etcd.endpoint());
    }
  }

  @Test
  void noReachableMemberIsSourceUnavailableNamingTheEndpoint() {
    URI dead = URI.create("http://127.0.0.1:" + io.lifeboat.testing.Ports.free());
    assertThatThrownBy(
            () -> new EtcdSnapshotter(settings(dead), Clock.systemUTC(), 16).selectMember())
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining(dead.toString())
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.SOURCE_UNAVAILABLE));
  }

  @Test
  void aTargetThatNeverDrainsHitsTheDeadlineAndExitsFour() {
    EtcdSettings tight =
        new EtcdSettings(
            List.of(etcd.endpoint()),
            null,
            null,
            null,
            null,
            null,
            null,
            Duration.ofSeconds(5),
            Duration.ofMillis(300));
    EtcdSnapshotter snapshotter = new EtcdSnapshotter(tight, Clock.systemUTC(), 2);
    ConnectedMember member = snapshotter.selectMember();
    OutputStream stalled =
        new OutputStream() {
          @Override
          public void write(int b) {}

          @Override
          public void write(byte[] b, int off, int len) {
            waitPast(Duration.ofMillis(400));
          }
        };
    assertThatThrownBy(() -> snapshotter.snapshot(member, stalled))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("lifeboat.etcd.deadline");
  }

  /** Blocks the calling thread, as a stalled upload would, without sleeping in the test body. */
  static void waitPast(Duration duration) {
    long until = System.nanoTime() + duration.toNanos();
    java.util.concurrent.locks.LockSupport.parkNanos(duration.toNanos());
    while (System.nanoTime() < until) {
      java.util.concurrent.locks.LockSupport.parkNanos(until - System.nanoTime());
    }
  }
}
