package io.lifeboat.repository;

import java.time.Instant;

/**
 * The content of a claim marker. A run claims its slot {@code running} until {@code expiresAt},
 * then records {@code done} (with the backup id) or {@code failed}. A retry of the same slot may
 * take over a claim that failed or expired (its run was killed); a live or done claim means skip.
 */
public record Claim(
    String slot,
    String state,
    String backupId,
    String runner,
    Instant claimedAt,
    Instant expiresAt) {
  public static final String RUNNING = "running";
  public static final String DONE = "done";
  public static final String FAILED = "failed";

  public boolean reclaimableAt(Instant now) {
    return FAILED.equals(state)
        || (RUNNING.equals(state) && expiresAt != null && !expiresAt.isAfter(now));
  }

  Claim finished(String newState, String id) {
    return new Claim(slot, newState, id, runner, claimedAt, expiresAt);
  }
}
