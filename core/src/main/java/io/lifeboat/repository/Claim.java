package io.lifeboat.repository;

import java.time.Instant;
import java.util.regex.Pattern;

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
 *
 * <p>One exception to "live means skip": a {@code running} claim of an earlier pod of the same Job
 * and completion index ({@link #heldByAnEarlierPodOf}) is taken over at once, so the retry of a
 * crashed Indexed Job pod exports the namespace its predecessor died in instead of skipping it
 * until the claim expires. This cannot double a backup: a run still alive after losing its claim
 * fails its pre-commit write ({@code committing}, If-Match on its own etag) and never commits. A
 * {@code committing} claim is never taken over early (its run has passed that check).
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

  /**
   * True when this claim is {@code running} and its runner is another pod of the CronJob-made
   * Indexed Job and index that {@code runner} belongs to: such pods are named {@code
   * <cronjob>-<scheduled minute>-<index>-<5 random chars>}, and the two names match but for the
   * suffix. A Job's pod of that index is replaced only after it failed (the manifests set {@code
   * podReplacementPolicy: Failed}), so the holder is dead; were it not, it could not commit.
   */
  public boolean heldByAnEarlierPodOf(String runner) {
    return RUNNING.equals(state) && heldByAnotherPodOfTheIndexOf(runner);
  }

  /**
   * True when this claim's runner and {@code runner} are two pods of one Job and completion index
   * (whatever the claim's state): a run that lost its claim to such a pod lost it to a second copy
   * of itself, which exports the namespace in its place.
   */
  public boolean heldByAnotherPodOfTheIndexOf(String runner) {
    if (this.runner == null || runner == null) {
      return false;
    }
    var ours = JOB_POD.matcher(runner);
    var theirs = JOB_POD.matcher(this.runner);
    return ours.matches()
        && theirs.matches()
        && ours.group(1).equals(theirs.group(1))
        && !runner.equals(this.runner);
  }

  private static final Pattern JOB_POD = Pattern.compile("(.+-[0-9]+-[0-9]+)-[a-z0-9]{5}");

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
