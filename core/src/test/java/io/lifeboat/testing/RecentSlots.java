package io.lifeboat.testing;

import io.lifeboat.schedule.Slot;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Schedule slots a few hours before the test run, fixed once per JVM: a function refuses a slot
 * outside its schedule's last period of now (SlotWindow), so tests cannot name calendar dates.
 */
public final class RecentSlots {
  private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS);

  private RecentSlots() {}

  /** {@code hoursAgo} whole hours before this hour, as RFC 3339 ({@code 2026-11-25T18:00:00Z}). */
  public static String rfc3339(int hoursAgo) {
    return at(hoursAgo).toString();
  }

  /** The same slot as a key segment ({@code 20261125T1800Z}). */
  public static String key(int hoursAgo) {
    return new Slot(at(hoursAgo)).keySegment();
  }

  private static Instant at(int hoursAgo) {
    return BASE.minus(Duration.ofHours(hoursAgo));
  }
}
