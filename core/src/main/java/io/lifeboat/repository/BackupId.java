package io.lifeboat.repository;

import io.lifeboat.error.InvalidConfigurationException;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A backup's id: its UTC start time to the second and a short random suffix, {@code
 * 20261125T181500Z-3f9a}. Ids sort as text in time order, so one LIST of the catalog gives backups
 * in order, and retention needs no object reads.
 */
public record BackupId(Instant time, String suffix) implements Comparable<BackupId> {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{4}");
  private static final Pattern SUFFIX = Pattern.compile("[0-9a-f]{4}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public BackupId {
    if (time.getNano() != 0) {
      throw new IllegalArgumentException("backup id time must be whole seconds, was " + time);
    }
    if (!SUFFIX.matcher(suffix).matches()) {
      throw new IllegalArgumentException(
          "backup id suffix must be 4 hex digits, was '" + suffix + "'");
    }
  }

  /** A fresh id for a backup starting at {@code now}. */
  public static BackupId next(Instant now) {
    byte[] random = new byte[2];
    RANDOM.nextBytes(random);
    return new BackupId(now.truncatedTo(ChronoUnit.SECONDS), HexFormat.of().formatHex(random));
  }

  /** Parses an id as printed; bad input is an invalid-argument error naming it. */
  public static BackupId parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      throw new InvalidConfigurationException(
          "backup id must look like 20261125T181500Z-3f9a, was '" + text + "'");
    }
    try {
      // By hand rather than with FORMAT: prune parses every id of a catalog of 100k entries.
      LocalDateTime time =
          LocalDateTime.of(
              digits(text, 0, 4),
              digits(text, 4, 6),
              digits(text, 6, 8),
              digits(text, 9, 11),
              digits(text, 11, 13),
              digits(text, 13, 15));
      return new BackupId(time.toInstant(ZoneOffset.UTC), text.substring(17));
    } catch (DateTimeException e) {
      throw new InvalidConfigurationException(
          "backup id has an impossible time: '" + text + "'", e);
    }
  }

  private static int digits(String text, int from, int to) {
    return Integer.parseInt(text, from, to, 10);
  }

  /** True when {@code text} has the shape of an id (used to skip foreign keys in listings). */
  public static boolean looksLikeId(String text) {
    return SHAPE.matcher(text).matches();
  }

  /**
   * Text order, which is time order then suffix: computed without formatting, since sorting a
   * catalog of 100k entries compares ids millions of times.
   */
  @Override
  public int compareTo(BackupId other) {
    int byTime = time.compareTo(other.time);
    return byTime != 0 ? byTime : suffix.compareTo(other.suffix);
  }

  @Override
  public String toString() {
    return FORMAT.format(time) + "-" + suffix;
  }
}
