package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanTest {
  @ParameterizedTest(name = "{0} ms reads {1}")
  @CsvSource({"56, 0.1 s", "5400, 5.4 s", "192000, 3m12s", "7500000, 2h05m", "273600000, 3d04h"})
  void durationsReadAsAPersonSaysThem(long millis, String expected) {
    assertThat(Human.duration(Duration.ofMillis(millis))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} bytes read {1}")
  @CsvSource({"512, 512 B", "2048, 2.0 KiB", "325058560, 310.0 MiB", "1288490189, 1.2 GiB"})
  void sizesAreBinaryUnits(long bytes, String expected) {
    assertThat(Human.size(bytes)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1} s before now reads {2}")
  @CsvSource({"0, 5, 5s ago", "0, 720, 12m ago", "0, 10800, 3h ago", "0, 172800, 2d ago"})
  void timesAreLocalWithTheirAge(long unused, long secondsBefore, String age) {
    Instant now = Instant.parse("2026-11-30T11:27:02Z");
    assertThat(Human.time(now.minusSeconds(secondsBefore), now, ZoneId.of("Europe/Berlin")))
        .endsWith("(" + age + ")");
    assertThat(Human.time(Instant.parse("2026-11-30T11:15:02Z"), now, ZoneId.of("Europe/Berlin")))
        .isEqualTo("2026-11-30 12:15:02 (12m ago)");
  }

  @ParameterizedTest(name = "progress at {1} of {2} bytes after {3} s")
  @CsvSource({
    "'downloading: 100.0 MiB / 1.0 GiB (9%), 50.0 MiB/s, 18.5 s left   ', 104857600, 1073741824, 2",
    "'downloading: 1.0 GiB / 1.0 GiB (100%), 512.0 MiB/s, done   ', 1073741824, 1073741824, 2"
  })
  void progressShowsBytesRateAndTimeLeft(String expected, long read, long total, long seconds) {
    assertThat(TerminalProgress.line("downloading", read, total, seconds * 1_000_000_000L))
        .isEqualTo(expected);
  }
}
