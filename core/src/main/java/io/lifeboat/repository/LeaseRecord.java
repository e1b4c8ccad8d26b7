package io.lifeboat.repository;

import java.time.Instant;
import java.util.List;

/**
 * A lease object's content. {@code plan} is what the holder is about to delete (prune writes it
 * before deleting, so the next holder finishes it); {@code backups} names the backups a restore
 * reads, so prune leaves them alone. {@code nonce} is the holder's random nonce: after a lost reply
 * the holder recognises its own write by it.
 */
public record LeaseRecord(
    String holder,
    String purpose,
    Instant acquiredAt,
    Instant expiresAt,
    List<String> plan,
    List<String> backups,
    String nonce) {
  public LeaseRecord {
    plan = plan == null ? List.of() : List.copyOf(plan);
    backups = backups == null ? List.of() : List.copyOf(backups);
  }

  public LeaseRecord(
      String holder,
      String purpose,
      Instant acquiredAt,
      Instant expiresAt,
      List<String> plan,
      List<String> backups) {
    this(holder, purpose, acquiredAt, expiresAt, plan, backups, null);
  }

  public boolean expiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }

  LeaseRecord renewed(Instant expiry) {
    return new LeaseRecord(holder, purpose, acquiredAt, expiry, plan, backups, nonce);
  }

  LeaseRecord withPlan(List<String> newPlan) {
    return new LeaseRecord(holder, purpose, acquiredAt, expiresAt, newPlan, backups, nonce);
  }
}
