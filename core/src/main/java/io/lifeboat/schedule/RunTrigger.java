package io.lifeboat.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Why a run runs: for a schedule slot, which it must claim before working, or by hand, which claims
 * nothing. Decided once at start by {@link #resolve}.
 */
public sealed interface RunTrigger {
  /** The slot to claim; empty for a manual run. */
  Optional<Slot> slotToClaim();

  /** One phrase for the start log line, e.g. {@code slot 20261125T1815Z (from Job name ...)}. */
  String describe();

  /** A run for {@code slot}; {@code origin} says where the slot came from. */
  record Scheduled(Slot slot, String origin) implements RunTrigger {
    @Override
    public Optional<Slot> slotToClaim() {
      return Optional.of(slot);
    }

    @Override
    public String describe() {
      return "slot " + slot + " (" + origin + ")";
    }
  }

  /** A run started by hand; {@code reason} says how that was decided. */
  record Manual(String reason) implements RunTrigger {
    @Override
    public Optional<Slot> slotToClaim() {
      return Optional.empty();
    }

    @Override
    public String describe() {
      return "manual run (" + reason + ")";
    }
  }

  /**
   * Decides the trigger of a run. The configuration is validated whatever wins, so a bad schedule
   * or zone stops every run, not only the standalone ones.
   *
   * <ol>
   *   <li>a Job name stamped by the CronJob controller: that slot, even if the pod started late;
   *   <li>a Job name without a stamp (created by hand): manual;
   *   <li>no Job name and a cron schedule: the latest slot at or before {@code now};
   *   <li>neither: manual.
   * </ol>
   *
   * @param jobName the pod's {@code job-name} label, or null/blank outside Kubernetes
   * @param cron {@code lifeboat.schedule}, or null/blank when not configured
   * @param zone {@code lifeboat.schedule-time-zone}, or null/blank for UTC
   */
  static RunTrigger resolve(String jobName, String cron, String zone, Instant now) {
    ZoneId timeZone = ScheduleSlot.zone(zone);
    boolean hasCron = cron != null && !cron.isBlank();
    if (hasCron) {
      ScheduleSlot.parse(cron);
    }
    if (jobName != null && !jobName.isBlank()) {
      return ScheduleSlot.fromJobName(jobName)
          .<RunTrigger>map(slot -> new Scheduled(slot, "from Job name " + jobName))
          .orElseGet(() -> new Manual("Job " + jobName + " carries no schedule time"));
    }
    if (hasCron) {
      Slot slot = ScheduleSlot.fromCron(cron, timeZone, now);
      return new Scheduled(slot, "from schedule '" + cron.strip() + "' in " + timeZone);
    }
    return new Manual("no Job name and no " + ScheduleSlot.SCHEDULE_PROPERTY + " configured");
  }
}
