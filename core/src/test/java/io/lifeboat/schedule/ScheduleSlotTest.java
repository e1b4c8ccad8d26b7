package io.lifeboat.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.InvalidConfigurationException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleSlotTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest(name = "Job ''{0}'' belongs to slot {1}")
  @CsvSource({
    "etcd-snapshot-29399520, 20251124T0800Z",
    "my-cron-28999999, 20250219T2119Z",
    "a-15778080, 20000101T0000Z",
    "a-120968639, 21991231T2359Z",
    "ns-export-2-29399520, 20251124T0800Z",
  })
  void aJobNameStampedByTheCronJobControllerGivesItsSlot(String jobName, String slot) {
    assertThat(ScheduleSlot.fromJobName(jobName)).map(Slot::keySegment).contains(slot);
  }

  @ParameterizedTest(name = "Job ''{0}'' is a manual run")
  @ValueSource(
      strings = {
        "manual-1",
        "etcd-snapshot-manual",
        "etcd-snapshot-1234567",
        "etcd-snapshot-15778079",
        "etcd-snapshot-120968640",
        "etcd-snapshot-029399520",
        "etcd-snapshot-1763971200",
        "etcd-snapshot-99999999999999999999999",
        "29399520",
        "-29399520",
        "etcd-snapshot-29399520x",
        ""
      })
  void aJobNameWithoutAPlausibleStampIsManual(String jobName) {
    assertThat(ScheduleSlot.fromJobName(jobName)).isEmpty();
  }

  @Test
  void aPodStartingLateStillBelongsToTheSlotInItsJobName() {
    Instant now = Instant.parse("2025-11-24T08:04:37Z");

    RunTrigger trigger = RunTrigger.resolve("etcd-snapshot-29399520", "*/5 * * * *", "UTC", now);

    assertThat(trigger.slotToClaim()).map(Slot::keySegment).contains("20251124T0800Z");
  }

  @ParameterizedTest(name = "''{0}'' at {1} is slot {2}")
  @CsvSource({
    "*/5 * * * *, 2026-01-01T10:07:59Z, 20260101T1005Z",
    "*/5 * * * *, 2026-01-01T10:05:00Z, 20260101T1005Z",
    "*/5 * * * *, 2026-01-01T10:04:59.999Z, 20260101T1000Z",
    "0 2 * * *, 2026-01-01T00:30:00Z, 20251231T0200Z",
    "15 3 * * MON-FRI, 2026-01-05T12:00:00Z, 20260105T0315Z",
    "15 3 * * MON-FRI, 2026-01-04T12:00:00Z, 20260102T0315Z",
  })
  void aCronScheduleGivesItsLatestSlotAtOrBeforeNow(String cron, String now, String slot) {
    assertThat(ScheduleSlot.fromCron(cron, ZoneOffset.UTC, Instant.parse(now)).keySegment())
        .isEqualTo(slot);
  }

  @Test
  void aDailyScheduleIsReadInItsTimeZone() {
    // 02:00 in Berlin is 01:00Z in winter (CET) and 00:00Z in summer (CEST).
    assertThat(slot("0 2 * * *", "2026-01-15T12:00:00Z")).isEqualTo("20260115T0100Z");
    assertThat(slot("0 2 * * *", "2026-07-15T12:00:00Z")).isEqualTo("20260715T0000Z");
  }

  @Test
  void springForwardSkipsTheSlotThatDoesNotExist() {
    // On 2026-03-29 Berlin jumps from 02:00 to 03:00: there is no 02:00, so cron-utils has no slot
    // that day and the latest slot stays the previous night's (already claimed by its own run).
    assertThat(slot("0 2 * * *", "2026-03-29T12:00:00Z")).isEqualTo("20260328T0100Z");
    assertThat(slot("0 2 * * *", "2026-03-30T12:00:00Z")).isEqualTo("20260330T0000Z");
  }

  @Test
  void fallBackHasTwoDistinctSlotsForTheRepeatedHour() {
    // On 2026-10-25 Berlin's 02:00 happens twice (CEST then CET); cron-utils treats both as
    // schedule times. Each is its own slot, so each can be claimed exactly once.
    assertThat(slot("0 2 * * *", "2026-10-25T00:30:00Z")).isEqualTo("20261025T0000Z");
    assertThat(slot("0 2 * * *", "2026-10-25T12:00:00Z")).isEqualTo("20261025T0100Z");
  }

  @ParameterizedTest(name = "rejects schedule ''{0}''")
  @ValueSource(strings = {"61 * * * *", "* * *", "0 0 * * * *", "every day", "0 0 L * *", ""})
  void aMalformedScheduleNamesThePropertyAndTheValue(String cron) {
    assertThatThrownBy(() -> ScheduleSlot.fromCron(cron, ZoneOffset.UTC, Instant.now()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("lifeboat.schedule '" + cron + "' is not a five-field UNIX cron");
  }

  @ParameterizedTest(name = "rejects nickname ''{0}''")
  @ValueSource(strings = {"@hourly", "@daily", "@every 5m", "@reboot"})
  void cronNicknamesAreRejectedWithTheirFiveFieldForm(String cron) {
    assertThatThrownBy(() -> ScheduleSlot.parse(cron))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("lifeboat.schedule '" + cron + "' is a cron nickname")
        .hasMessageContaining("'0 0 * * *' for @daily");
  }

  @Test
  void anUnknownTimeZoneNamesItsProperty() {
    assertThatThrownBy(() -> ScheduleSlot.zone("Europe/Atlantis"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("lifeboat.schedule-time-zone 'Europe/Atlantis' is not a known");
    assertThat(ScheduleSlot.zone(null)).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void aSlotIsAWholeMinuteAndRoundTripsThroughItsKeySegment() {
    Slot slot = new Slot(Instant.parse("2026-11-25T18:15:00Z"));

    assertThat(slot.keySegment()).isEqualTo("20261125T1815Z");
    assertThat(Slot.parse("20261125T1815Z")).isEqualTo(slot);
    assertThatThrownBy(() -> new Slot(Instant.parse("2026-11-25T18:15:01Z")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Slot.parse("20261325T1815Z"))
        .isInstanceOf(InvalidConfigurationException.class);
  }

  private static String slot(String cron, String now) {
    return ScheduleSlot.fromCron(cron, BERLIN, Instant.parse(now)).keySegment();
  }
}
