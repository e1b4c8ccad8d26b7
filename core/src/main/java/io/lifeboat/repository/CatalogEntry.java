package io.lifeboat.repository;

import java.time.Instant;
import java.util.Objects;

/**
 * One catalog entry as the repository judges it: its backup, whether it counts, why not, and what
 * the store (not the writer) says about it.
 *
 * @param ref the backup the key names
 * @param status whether it counts; only {@link Status#VALID} (and, before its manifest is read,
 *     {@link Status#UNREAD}) entries count for retention, {@code latest}, list and restore
 * @param reason why it does not count; empty for VALID and UNREAD
 * @param lastModified when the store wrote the entry, by the store's own clock
 * @param size the entry's size in bytes, from the listing
 */
public record CatalogEntry(
    BackupRef ref, Status status, String reason, Instant lastModified, long size) {

  /** What an entry is worth. */
  public enum Status {
    /** Passes every listing check (dates, size, data folder present); manifest not read yet. */
    UNREAD,
    /** Manifest read and validated: schema, key, data objects present with their recorded sizes. */
    VALID,
    /** Manifest unreadable or not matching its key or its data; garbage after the grace period. */
    INVALID,
    /** Written by a newer Lifeboat (higher format version): not counted, never deleted. */
    UNSUPPORTED,
    /** Written by the store much later than its id claims: not counted, never deleted. */
    BACK_DATED,
    /** Dated after the store wrote it, or after now: not counted, never deleted. */
    FUTURE_DATED;

    /** The column text of {@code backups list}: {@code valid}, {@code back-dated}, ... */
    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public CatalogEntry {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(status, "status");
    reason = reason == null ? "" : reason;
    Objects.requireNonNull(lastModified, "lastModified");
  }

  /** True when retention, {@code latest} and restore may use it (read or not yet read). */
  public boolean counts() {
    return status == Status.VALID || status == Status.UNREAD;
  }

  CatalogEntry judged(Status newStatus, String newReason) {
    return new CatalogEntry(ref, newStatus, newReason, lastModified, size);
  }
}
