package io.lifeboat.etcd.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.ExitCode;
import io.lifeboat.repository.ClusterName;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ToTimeTest {

  @ParameterizedTest(name = "{0} is the instant {1}")
  @CsvSource({
    "2026-11-30T16:05:00Z, 2026-11-30T16:05:00Z",
    "2026-11-30t16:05:00.250z, 2026-11-30T16:05:00.250Z",
    "2026-11-30T17:05:00+01:00, 2026-11-30T16:05:00Z",
    "' 2026-11-30T16:05:00-00:30 ', 2026-11-30T16:35:00Z"
  })
  void anRfc3339InstantParsesToItsUtcInstant(String text, String expected) {
    assertThat(ToTime.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "''{0}'' is refused naming --to-time")
  @ValueSource(
      strings = {
        "",
        "yesterday",
        "2026-11-30T16:05:00",
        "2026-11-30",
        "1764518700",
        "2026-13-01T00:00:00Z"
      })
  void anythingElseIsAConfigurationErrorNamingTheFlagAndTheValue(String text) {
    assertThatThrownBy(() -> ToTime.parse(text))
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INVALID_CONFIGURATION))
        .hasMessageStartingWith("--to-time must be an RFC 3339 instant")
        .hasMessageContaining("'" + text + "'")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aTimeAndARevisionTogetherAreRefusedAsAConfigurationError() {
    Path data = Path.of("/tmp/unused");
    assertThatThrownBy(
            () ->
                new EtcdRestorer.Request(
                    new ClusterName("prod"),
                    "latest",
                    new RestoreSpec(
                        data, "m1", "m1=http://127.0.0.1:2380", "http://127.0.0.1:2380", null),
                    0,
                    null,
                    null,
                    new ToRevision(5, "/usr/bin", Duration.ofSeconds(5)),
                    new ToTime(Instant.EPOCH, "/usr/bin", null, Duration.ofSeconds(5))))
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INVALID_CONFIGURATION))
        .hasMessageContaining("--to-time")
        .hasMessageContaining("--to-revision");
  }
}
