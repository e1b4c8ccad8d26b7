package io.lifeboat.retention;

import java.util.Locale;

/** The counted keep rules, in restic's order, with their bucket and how a bucket is named. */
enum Rule {
  LAST,
  HOURLY,
  DAILY,
  WEEKLY,
  MONTHLY,
  YEARLY;

  /**
   * The bucket of the backup at {@code position} (0 = newest); every backup is its own last-bucket.
   */
  long key(CalendarKeys keys, int position) {
    return switch (this) {
      case LAST -> position;
      case HOURLY -> keys.hour();
      case DAILY -> keys.day();
      case WEEKLY -> keys.week();
      case MONTHLY -> keys.month();
      case YEARLY -> keys.year();
    };
  }

  /**
   * The reason text, e.g. {@code daily 2026-11-25}, {@code weekly 2026-W48}, {@code last 2 of 3}.
   */
  String reason(long key, int limit) {
    StringBuilder text = new StringBuilder(24).append(name().toLowerCase(Locale.ROOT)).append(' ');
    switch (this) {
      case LAST -> text.append(key + 1).append(" of ").append(limit);
      case HOURLY -> twoDigits(date(text, key / 100).append('T'), key % 100);
      case DAILY -> date(text, key);
      case WEEKLY -> twoDigits(text.append(key / 100).append("-W"), key % 100);
      case MONTHLY -> twoDigits(text.append(key / 100).append('-'), key % 100);
      case YEARLY -> text.append(key);
    }
    return text.toString();
  }

  private static StringBuilder date(StringBuilder text, long day) {
    long month = day / 100;
    twoDigits(text.append(month / 100).append('-'), month % 100);
    return twoDigits(text.append('-'), day % 100);
  }

  private static StringBuilder twoDigits(StringBuilder text, long value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
