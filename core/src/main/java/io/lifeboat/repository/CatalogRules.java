package io.lifeboat.repository;

import io.lifeboat.error.InvalidConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The checks a catalog entry must pass from its listing alone, with the store's clock as the
 * witness: the store sets an object's {@code LastModified} (S3) or mtime (file store), a writer
 * cannot choose it. An honest backup takes its id when it starts and writes its entry when it ends,
 * within {@code maxJobDeadline}; so an entry whose id is older than {@code LastModified -
 * maxJobDeadline - clockSkew} was written later than any run could have (back-dated, e.g. a forged
 * entry meant to fill yesterday's daily slot), and one whose id is later than {@code LastModified +
 * clockSkew}, or than now plus the skew, is future-dated (a forged {@code latest}).
 *
 * @param maxJobDeadline the longest a backup run may take ({@code lifeboat.prune.max-job-deadline})
 * @param clockSkew how far the writer's clock may be from the store's and ours ({@code
 *     lifeboat.prune.clock-skew})
 */
public record CatalogRules(Duration maxJobDeadline, Duration clockSkew) {
  /**
   * A manifest is a few KiB (a namespace with thousands of failed items some hundred KiB); anything
   * larger is not read, so a forged 5 GiB entry cannot exhaust a prune's or a restore's memory.
   */
  public static final long MAX_MANIFEST_BYTES = 16L * 1024 * 1024;

  /** The defaults of {@code lifeboat.prune.max-job-deadline} (1h) and {@code clock-skew} (5m). */
  public static final CatalogRules DEFAULTS =
      new CatalogRules(Duration.ofHours(1), Duration.ofMinutes(5));

  public CatalogRules {
    Objects.requireNonNull(maxJobDeadline, "maxJobDeadline");
    Objects.requireNonNull(clockSkew, "clockSkew");
    if (maxJobDeadline.isNegative() || maxJobDeadline.isZero()) {
      throw new InvalidConfigurationException(
          "lifeboat.prune.max-job-deadline must be positive, was " + maxJobDeadline);
    }
    if (clockSkew.isNegative()) {
      throw new InvalidConfigurationException(
          "lifeboat.prune.clock-skew must be >= 0, was " + clockSkew);
    }
  }

  /**
   * The entry's status from the listing: {@code lastModified} and {@code size} as the store reports
   * them, {@code now} by our clock, {@code dataPresent} from the data listing.
   */
  public CatalogEntry judge(
      BackupRef ref, Instant lastModified, long size, Instant now, boolean dataPresent) {
    Instant id = ref.id().time();
    CatalogEntry entry = new CatalogEntry(ref, CatalogEntry.Status.UNREAD, "", lastModified, size);
    if (id.isAfter(lastModified.plus(clockSkew))) {
      return entry.judged(
          CatalogEntry.Status.FUTURE_DATED,
          "dated in the future: its id says "
              + id
              + ", the store wrote it at "
              + lastModified
              + " (more than the clock skew "
              + clockSkew
              + " earlier)");
    }
    if (id.isAfter(now.plus(clockSkew))) {
      return entry.judged(
          CatalogEntry.Status.FUTURE_DATED,
          "dated in the future: its id says " + id + ", more than " + clockSkew + " after now");
    }
    if (id.isBefore(lastModified.minus(maxJobDeadline).minus(clockSkew))) {
      return entry.judged(
          CatalogEntry.Status.BACK_DATED,
          "back-dated: its id says "
              + id
              + " but the store wrote it at "
              + lastModified
              + ", later than a run may last (lifeboat.prune.max-job-deadline "
              + maxJobDeadline
              + " plus clock skew "
              + clockSkew
              + ")");
    }
    if (size > MAX_MANIFEST_BYTES) {
      return entry.judged(
          CatalogEntry.Status.INVALID,
          "entry is " + size + " bytes, more than a manifest may be (" + MAX_MANIFEST_BYTES + ")");
    }
    return dataPresent
        ? entry
        : entry.judged(CatalogEntry.Status.INVALID, "data missing: its data folder is empty");
  }
}
