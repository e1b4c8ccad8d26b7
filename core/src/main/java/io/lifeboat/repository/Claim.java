package io.lifeboat.repository;

import java.time.Instant;

/**
 * The content of a claim marker. A run claims its slot {@code running} until {@code expiresAt}
 * (renewing it while it works), naming the backup id it will commit; moves it to {@code committing}
 * right before writing the catalog entry; then records {@code done} or {@code failed}. {@code
 * nonce} is the run's random nonce: after a lost reply, the run knows its own write by it.
 *
 * <p>A retry of the same slot may take over a claim that {@code failed} (nothing was committed) or
 * a {@code running} one that expired (its run was killed before committing and can no longer
 * commit: its pre-commit write would fail). An expired {@code committing} claim may have committed:
 * the taker first looks for its catalog entry. A live or done claim means skip.
 */
public record Claim(
    String slot,
    String state,
    String backupId,
    String runner,
    Instant claimedAt,
    Instant expiresAt,
    String nonce) {
  public static final String RUNNING = "running";
  public static final String COMMITTING = "committing";
  public static final String DONE = "done";
  public static final String FAILED = "failed";

  /** True when its run can no longer hold it: failed, or running/committing past its expiry. */
  public boolean reclaimableAt(Instant now) {
    return FAILED.equals(state)
        || ((RUNNING.equals(state) || COMMITTING.equals(state))
            && expiresAt != null
            && !expiresAt.isAfter(now));
  }

  /** True when a commit may have landed: a taker must look for the catalog entry first. */
  public boolean mayHaveCommitted() {
    return COMMITTING.equals(state) || DONE.equals(state);
  }

  Claim finished(String newState, String id) {
    return new Claim(slot, newState, id, runner, claimedAt, expiresAt, nonce);
  }

  Claim renewed(String newState, Instant expiry) {
    return new Claim(slot, newState, backupId, runner, claimedAt, expiry, nonce);
  }
}
