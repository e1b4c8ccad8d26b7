package io.lifeboat.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;

/**
 * The calendar buckets of one instant in the policy's zone, as restic computes them: local
 * wall-clock fields packed into longs (hour {@code YYYYMMDDHH}, day {@code YYYYMMDD}, ISO week
 * {@code YYYYWW}, month {@code YYYYMM}, year). Two instants share a bucket exactly when their keys
 * are equal, so the repeated hour at the end of daylight saving time is one hourly bucket, and the
 * skipped hour none.
 */
record CalendarKeys(long hour, long day, long week, long month, long year) {
  private static final int SECONDS_PER_DAY = 86_400;

  static CalendarKeys of(Instant time, ZoneRules rules) {
    long local = time.getEpochSecond() + rules.getOffset(time).getTotalSeconds();
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, SECONDS_PER_DAY));
    int hourOfDay = (int) (Math.floorMod(local, SECONDS_PER_DAY) / 3600);
    long year = date.getYear();
    long month = year * 100 + date.getMonthValue();
    long day = month * 100 + date.getDayOfMonth();
    return new CalendarKeys(day * 100 + hourOfDay, day, isoWeek(date), month, year);
  }

  /**
   * ISO-8601 week as {@code weekBasedYear * 100 + week}: the week (Monday to Sunday) belongs to the
   * year holding its Thursday, like Go's {@code time.ISOWeek}.
   */
  static long isoWeek(LocalDate date) {
    LocalDate thursday = date.plusDays(4 - date.getDayOfWeek().getValue());
    return thursday.getYear() * 100L + (thursday.getDayOfYear() - 1) / 7 + 1;
  }
}
