package io.lifeboat.repository;

import io.lifeboat.error.AlreadyLockedException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A held lease. Renew it while working, record a plan before destructive work, release at the end.
 */
public final class Lease implements AutoCloseable {
  private final ConditionalWrites writes;
  private final Clock clock;
  private final String key;
  private final Duration ttl;
  private final List<String> inheritedPlan;
  private LeaseRecord record;
  private String etag;
  private boolean released;

  Lease(
      ConditionalWrites writes,
      Clock clock,
      String key,
      Duration ttl,
      LeaseRecord record,
      String etag,
      List<String> inheritedPlan) {
    this.writes = writes;
    this.clock = clock;
    this.key = key;
    this.ttl = ttl;
    this.record = record;
    this.etag = etag;
    this.inheritedPlan = List.copyOf(inheritedPlan);
  }

  public String key() {
    return key;
  }

  public LeaseRecord record() {
    return record;
  }

  /** The plan an expired holder left unfinished; empty when the lease was free. */
  public List<String> inheritedPlan() {
    return inheritedPlan;
  }

  /** Extends the expiry by the lease's ttl from now. Throws if someone took the lease meanwhile. */
  public void renew() {
    write(record.renewed(clock.instant().plus(ttl)));
  }

  /** Records what this holder is about to delete (and renews). */
  public void recordPlan(List<String> plan) {
    write(record.withPlan(plan).renewed(clock.instant().plus(ttl)));
  }

  private void write(LeaseRecord next) {
    Optional<String> written = writes.replace(key, Json.write(next), etag);
    if (written.isEmpty()) {
      throw new AlreadyLockedException(
          "lease '" + key + "' was lost: another run took it over after it expired");
    }
    record = next;
    etag = written.get();
  }

  /** Deletes the lease if it is still ours. Idempotent. */
  public void release() {
    if (!released) {
      released = true;
      writes.delete(key, etag);
    }
  }

  @Override
  public void close() {
    release();
  }
}
