package io.lifeboat.etcd.restore;

import io.lifeboat.error.InvalidConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A point-in-time restore to an instant: the state of the newest link of a chain the store wrote at
 * or before {@code time} ({@link io.lifeboat.etcd.delta.ChainAtTime}), replayed by the etcd server
 * found on {@code etcdPath} (or {@code etcdBinary}) as for {@link ToRevision}.
 */
public record ToTime(Instant time, String etcdPath, Path etcdBinary, Duration startTimeout) {
  public ToTime {
    if (time == null) {
      throw new InvalidConfigurationException("--to-time must be an RFC 3339 instant, was empty");
    }
  }

  /** The revision-based target once the link is chosen; validates the binary as it does. */
  ToRevision at(long revision) {
    return new ToRevision(revision, etcdPath, etcdBinary, startTimeout);
  }

  /**
   * {@code 2026-11-30T16:05:00Z} or {@code 2026-11-30T17:05:00.5+01:00}: RFC 3339 (a date, a time
   * and an offset; {@code t}/{@code z} in either case). A local time without offset is refused: it
   * would restore a different state on a machine in another zone.
   */
  public static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(
              text.strip().toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant();
    } catch (DateTimeParseException | NullPointerException e) {
      throw new InvalidConfigurationException(
          "--to-time must be an RFC 3339 instant with an offset, such as 2026-11-30T16:05:00Z, was '"
              + text
              + "'");
    }
  }
}
