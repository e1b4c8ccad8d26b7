package io.lifeboat.repository;

import io.lifeboat.error.AlreadyLockedException;
import io.lifeboat.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Exclusive leases with expiry, built on conditional writes only: create with If-None-Match, take
 * an expired one over with If-Match on the etag that was read, renew with If-Match on our own etag,
 * release with a conditional delete. Two holders can never both believe they hold a lease: each
 * step fails with 412 when someone else wrote in between. Every step is idempotent under a lost
 * reply: the record carries the holder's nonce, and a 412 is followed by a read ({@link
 * ConditionalWrites}).
 */
public final class Leases {
  private final ObjectStore store;
  private final Clock clock;

  private final ConditionalWrites writes;

  public Leases(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.writes = new ConditionalWrites(store);
  }

  /**
   * Acquires the lease at {@code key} for {@code ttl}, or throws {@link AlreadyLockedException}
   * naming the holder and expiry. A lease taken over from an expired holder exposes that holder's
   * unfinished plan through {@link Lease#inheritedPlan()}.
   */
  public Lease acquire(
      String key, String holder, String purpose, Duration ttl, List<String> backups) {
    Instant now = clock.instant();
    LeaseRecord fresh =
        new LeaseRecord(holder, purpose, now, now.plus(ttl), List.of(), backups, Nonce.next());
    byte[] bytes = Json.write(fresh);
    Optional<String> created = writes.create(key, bytes);
    if (created.isPresent()) {
      return lease(key, ttl, fresh, created.get(), List.of());
    }
    var current = store.read(key);
    if (current.isEmpty()) {
      // Released between our two requests: one more create decides it.
      return lease(
          key,
          ttl,
          fresh,
          writes.create(key, bytes).orElseThrow(() -> locked(key, null)),
          List.of());
    }
    LeaseRecord existing = readable(current.get().content(), key);
    if (!existing.expiredAt(now)) {
      throw locked(key, existing);
    }
    String taken =
        writes.replace(key, bytes, current.get().etag()).orElseThrow(() -> locked(key, null));
    return lease(key, ttl, fresh, taken, existing.plan());
  }

  private Lease lease(
      String key, Duration ttl, LeaseRecord record, String etag, List<String> inheritedPlan) {
    return new Lease(writes, clock, key, ttl, record, etag, inheritedPlan);
  }

  /**
   * The lease's record; one that does not parse (no Lifeboat wrote it) is taken as expired and
   * without a plan, so a forged lease can neither lock prune out nor hand it keys to delete.
   */
  private static LeaseRecord readable(byte[] content, String key) {
    try {
      LeaseRecord record = Json.read(content, LeaseRecord.class, key);
      if (record.expiresAt() != null) {
        return record;
      }
    } catch (RuntimeException unreadable) {
      // fall through: not a lease any holder can still be working under
    }
    return new LeaseRecord("unreadable", "unknown", null, Instant.EPOCH, List.of(), List.of());
  }

  /** The live (unexpired) lease at {@code key}, if any; for prune's check of restore leases. */
  public Optional<LeaseRecord> live(String key) {
    return store
        .read(key)
        .map(v -> readable(v.content(), key))
        .filter(l -> !l.expiredAt(clock.instant()));
  }

  private static AlreadyLockedException locked(String key, LeaseRecord holder) {
    return new AlreadyLockedException(
        holder == null
            ? "lease '" + key + "' was taken by another run just now"
            : "lease '"
                + key
                + "' is held by "
                + holder.holder()
                + " ("
                + holder.purpose()
                + ") until "
                + holder.expiresAt());
  }
}
