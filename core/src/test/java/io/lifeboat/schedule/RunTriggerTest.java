package io.lifeboat.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.InvalidConfigurationException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunTriggerTest {
  private static final Instant NOW = Instant.parse("2025-11-24T08:07:30Z");

  @ParameterizedTest(name = "job ''{0}'', schedule ''{1}'' in ''{2}'' -> {3}")
  @CsvSource(
      nullValues = "null",
      value = {
        // A stamped Job name wins over the schedule, even a schedule that disagrees.
        "etcd-snapshot-29399520, 0 3 * * *, Europe/Berlin, 20251124T0800Z",
        "etcd-snapshot-29399520, null, null, 20251124T0800Z",
        // A Job created by hand claims nothing, even with a schedule configured.
        "manual-1, */5 * * * *, UTC, manual",
        "etcd-snapshot-manual, null, null, manual",
        // Outside Kubernetes the schedule decides.
        "null, */5 * * * *, UTC, 20251124T0805Z",
        "'', */5 * * * *, null, 20251124T0805Z",
        "null, 0 9 * * *, Europe/Berlin, 20251124T0800Z",
        // Nothing configured: a manual run.
        "null, null, null, manual",
        "'', '', '', manual",
      })
  void decidesTheSlotFromTheJobNameThenTheSchedule(
      String jobName, String cron, String zone, String expected) {
    RunTrigger trigger = RunTrigger.resolve(jobName, cron, zone, NOW);

    String actual = trigger.slotToClaim().map(Slot::keySegment).orElse("manual");
    assertThat(actual).isEqualTo(expected);
    assertThat(trigger)
        .isInstanceOf(
            expected.equals("manual") ? RunTrigger.Manual.class : RunTrigger.Scheduled.class);
  }

  @ParameterizedTest(name = "job ''{0}'' still rejects schedule ''{1}'' in ''{2}''")
  @CsvSource(
      nullValues = "null",
      value = {
        "etcd-snapshot-29399520, 0 0 * *, UTC, lifeboat.schedule '0 0 * *'",
        "manual-1, null, Mars/Olympus, lifeboat.schedule-time-zone 'Mars/Olympus'",
        "null, @daily, UTC, lifeboat.schedule '@daily'",
      })
  void badConfigurationStopsEveryRunWhateverDecidesTheSlot(
      String jobName, String cron, String zone, String message) {
    assertThatThrownBy(() -> RunTrigger.resolve(jobName, cron, zone, NOW))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith(message);
  }

  @ParameterizedTest(name = "describes ''{0}''")
  @CsvSource(
      nullValues = "null",
      value = {
        "etcd-snapshot-29399520, null, slot 20251124T0800Z (from Job name etcd-snapshot-29399520)",
        "manual-1, null, manual run (Job manual-1 carries no schedule time)",
        "null, */5 * * * *, slot 20251124T0805Z (from schedule '*/5 * * * *' in UTC)",
      })
  void describesItselfForTheStartLogLine(String jobName, String cron, String description) {
    assertThat(RunTrigger.resolve(jobName, cron, null, NOW).describe()).isEqualTo(description);
  }
}
