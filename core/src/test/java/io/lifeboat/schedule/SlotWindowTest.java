package io.lifeboat.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.ExitCode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SlotWindowTest {
  private static final Instant NOW = Instant.parse("2026-11-25T18:17:30Z");
  private static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void thePeriodIsTheGapBetweenTheLastTwoFireTimes() {
    assertThat(SlotWindow.period("*/5 * * * *", UTC, NOW)).isEqualTo(Duration.ofMinutes(5));
    assertThat(SlotWindow.period("0 2 * * *", UTC, NOW)).isEqualTo(Duration.ofDays(1));
    assertThat(SlotWindow.period(null, UTC, NOW)).isEqualTo(SlotWindow.UNSCHEDULED_PERIOD);
  }

  @Test
  void theCurrentAndTheLastSlotAreAccepted() {
    Duration fiveMinutes = Duration.ofMinutes(5);

    assertThat(SlotWindow.check(Slot.parse("20261125T1815Z"), "slot", fiveMinutes, NOW))
        .isEqualTo(Slot.parse("20261125T1815Z"));
    assertThat(SlotWindow.check(Slot.parse("20261125T1810Z"), "slot", fiveMinutes, NOW))
        .isEqualTo(Slot.parse("20261125T1810Z"));
    assertThat(SlotWindow.check(Slot.parse("20261125T1820Z"), "slot", fiveMinutes, NOW))
        .as("a scheduler a few minutes ahead of us")
        .isEqualTo(Slot.parse("20261125T1820Z"));
  }

  @Test
  void aFutureSlotIsRefusedWithExitTwoNamingIt() {
    assertThatThrownBy(
            () -> SlotWindow.check(Slot.parse("20261126T1815Z"), "slot", Duration.ofDays(1), NOW))
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INVALID_CONFIGURATION))
        .hasMessageContaining("slot '20261126T1815Z' is in the future");
  }

  @Test
  void aSlotOlderThanTheLastPeriodIsRefusedWithExitTwoNamingIt() {
    assertThatThrownBy(
            () ->
                SlotWindow.check(Slot.parse("20261125T1800Z"), "slot", Duration.ofMinutes(5), NOW))
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INVALID_CONFIGURATION))
        .hasMessageContaining("slot '20261125T1800Z' is older than the last schedule period");
  }
}
