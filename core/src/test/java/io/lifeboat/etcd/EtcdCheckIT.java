package io.lifeboat.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.check.CheckLine;
import io.lifeboat.check.CheckLine.Status;
import io.lifeboat.error.ExitCode;
import io.lifeboat.testing.EtcdServer;
import io.lifeboat.testing.Ports;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code repo check}'s etcd lines against a real etcd, up and down. */
class EtcdCheckIT {
  @TempDir Path dir;

  private static EtcdSettings settings(List<URI> endpoints) {
    return new EtcdSettings(
        endpoints,
        null,
        null,
        null,
        null,
        null,
        null,
        Duration.ofSeconds(20),
        Duration.ofMinutes(1));
  }

  @Test
  void aLiveMemberReportsItsVersionDatabaseSizeAndRevision() {
    try (EtcdServer etcd = EtcdServer.start(dir.resolve("etcd"))) {
      etcd.fill("/registry/configmaps/default/c-", 20, 64);

      List<CheckLine> lines = EtcdCheck.check(settings(List.of(etcd.endpoint())));

      assertThat(lines).hasSize(1);
      assertThat(lines.get(0).name()).isEqualTo("etcd " + etcd.endpoint());
      assertThat(lines.get(0).status()).isEqualTo(Status.OK);
      assertThat(lines.get(0).detail())
          .matches("etcd 3\\.\\d+\\.\\d+, member [0-9a-f]+ \\(leader\\), db .*iB, revision \\d+");
    }
  }

  @Test
  void aRefusedEndpointFailsAtOnceSayingConnectionRefusedBesideALiveOne() {
    URI closed = URI.create("http://127.0.0.1:" + Ports.free());
    try (EtcdServer etcd = EtcdServer.start(dir.resolve("etcd"))) {
      long started = System.nanoTime();

      List<CheckLine> lines = EtcdCheck.check(settings(List.of(closed, etcd.endpoint())));

      // Said at once, not after the 20 s connect timeout.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      assertThat(lines).extracting(CheckLine::status).containsExactly(Status.FAIL, Status.OK);
      assertThat(lines.get(0).detail()).contains("connection refused");
      assertThat(CheckLine.exitCode(lines)).isEqualTo(ExitCode.SOURCE_UNAVAILABLE);
    }
  }
}
