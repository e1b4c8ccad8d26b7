package io.lifeboat.schedule;

import io.lifeboat.error.InvalidConfigurationException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * One instant of a schedule, to the minute (cron's and the CronJob controller's granularity). As a
 * key segment it is {@code 20261125T1815Z}: UTC, so that claims sort in time order and do not
 * depend on any configured time zone.
 */
public record Slot(Instant scheduledAt) implements Comparable<Slot> {
  private static final DateTimeFormatter KEY =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

  public Slot {
    if (scheduledAt == null) {
      throw new IllegalArgumentException("slot time must not be null");
    }
    if (!scheduledAt.equals(scheduledAt.truncatedTo(ChronoUnit.MINUTES))) {
      throw new IllegalArgumentException("slot time must be a whole minute, was " + scheduledAt);
    }
  }

  /** The slot's key segment, e.g. {@code 20261125T1815Z}. */
  public String keySegment() {
    return KEY.format(scheduledAt);
  }

  /** Parses a key segment as {@link #keySegment()} prints it. */
  public static Slot parse(String keySegment) {
    if (keySegment == null || !keySegment.matches("\\d{8}T\\d{4}Z")) {
      throw new InvalidConfigurationException(
          "schedule slot must look like 20261125T1815Z, was '" + keySegment + "'");
    }
    try {
      return new Slot(Instant.from(KEY.parse(keySegment)));
    } catch (DateTimeParseException e) {
      throw new InvalidConfigurationException(
          "schedule slot has an impossible time: '" + keySegment + "'", e);
    }
  }

  @Override
  public int compareTo(Slot other) {
    return scheduledAt.compareTo(other.scheduledAt);
  }

  @Override
  public String toString() {
    return keySegment();
  }
}
