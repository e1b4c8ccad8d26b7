package io.lifeboat.schedule;

import com.cronutils.model.time.ExecutionTime;
import io.lifeboat.error.InvalidConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Which slots a caller may name: one within the schedule's last period before now, give or take
 * {@link #SKEW}. A future slot claimed today would make the real run of that slot skip (exit 0, no
 * backup), and a stale one back-fills a slot long gone; both are refused as invalid input (exit 2,
 * HTTP 400) naming the slot. Without a schedule the period is taken as {@link #UNSCHEDULED_PERIOD}.
 */
public final class SlotWindow {
  /** Clock skew tolerated between the caller's scheduler and this process. */
  public static final Duration SKEW = Duration.ofMinutes(5);

  /** The period assumed when no schedule is configured (an outside scheduler triggers the run). */
  public static final Duration UNSCHEDULED_PERIOD = Duration.ofDays(1);

  private SlotWindow() {}

  /**
   * The schedule's period around {@code now}: from its fire time before the latest one at or before
   * now to that latest one; {@link #UNSCHEDULED_PERIOD} when {@code cron} is null or blank.
   */
  public static Duration period(String cron, ZoneId zone, Instant now) {
    if (cron == null || cron.isBlank()) {
      return UNSCHEDULED_PERIOD;
    }
    Slot latest = ScheduleSlot.fromCron(cron, zone, now);
    return ExecutionTime.forCron(ScheduleSlot.parse(cron))
        .lastExecution(latest.scheduledAt().atZone(zone))
        .map(previous -> Duration.between(previous.toInstant(), latest.scheduledAt()))
        .orElse(UNSCHEDULED_PERIOD);
  }

  /**
   * {@code slot} when it lies in [now - period - skew, now + skew]; else exit 2 naming {@code
   * name}.
   */
  public static Slot check(Slot slot, String name, Duration period, Instant now) {
    Instant at = slot.scheduledAt();
    if (at.isAfter(now.plus(SKEW))) {
      throw new InvalidConfigurationException(
          name
              + " '"
              + slot
              + "' is in the future (now is "
              + now
              + ", tolerated skew "
              + SKEW
              + "): claiming it now would make its real run skip");
    }
    if (at.isBefore(now.minus(period).minus(SKEW))) {
      throw new InvalidConfigurationException(
          name
              + " '"
              + slot
              + "' is older than the last schedule period ("
              + period
              + " plus "
              + SKEW
              + " before "
              + now
              + "): a stale delivery; run a manual backup instead");
    }
    return slot;
  }
}
