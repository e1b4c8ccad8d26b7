package io.lifeboat.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the CLI writes times, durations and sizes for a person: {@code 5.4 s}, {@code 3m12s}, {@code
 * 2h05m}, {@code 310.2 MiB}, {@code 2026-11-30 11:15 (12m ago)} in the local zone. JSON and YAML
 * output keep ISO-8601 and bytes; this is for tables and summaries only.
 */
final class Human {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private Human() {}

  static String duration(Duration d) {
    long millis = d.toMillis();
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = d.toSeconds();
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    if (seconds < 86_400) {
      return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
    return String.format(Locale.ROOT, "%dd%02dh", seconds / 86_400, seconds % 86_400 / 3600);
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** {@code 2026-11-30 11:15:02 (12m ago)} in {@code zone}. */
  static String time(Instant at, Instant now, ZoneId zone) {
    return LOCAL.format(at.atZone(zone)) + " (" + age(Duration.between(at, now)) + ")";
  }

  static String age(Duration since) {
    if (since.isNegative()) {
      return "in the future";
    }
    long seconds = since.toSeconds();
    if (seconds < 60) {
      return seconds + "s ago";
    }
    if (seconds < 3600) {
      return seconds / 60 + "m ago";
    }
    if (seconds < 86_400) {
      return seconds / 3600 + "h ago";
    }
    return seconds / 86_400 + "d ago";
  }
}
