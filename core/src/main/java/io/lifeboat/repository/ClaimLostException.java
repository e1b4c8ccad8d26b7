package io.lifeboat.repository;

import io.lifeboat.error.AlreadyLockedException;

/**
 * A run's claim was taken over while it ran: it must not commit. {@code holder} is the claim found
 * in its place (null when it could not be read).
 *
 * <p>Two ways to lose a claim: the run outlived its claim's expiry (a fault: exit 11), or another
 * pod of the same Job and completion index took it over as its dead predecessor's ({@link
 * Claim#heldByAnEarlierPodOf}) while this pod still ran. The second is a second copy of this pod at
 * work (a replacement started while this one was cut off, say on a partitioned node): the slot is
 * the copy's to commit, and {@link ClaimedRun} reports the namespace skipped, not failed.
 */
public final class ClaimLostException extends AlreadyLockedException {
  private final transient Claim holder;
  private final String loser;

  ClaimLostException(String key, String loser, Claim holder) {
    super(message(key, holder));
    this.loser = loser;
    this.holder = holder;
  }

  private static String message(String key, Claim holder) {
    return holder == null
        ? "claim '" + key + "' was taken over by another run"
        : "claim '"
            + key
            + "' was taken over by "
            + holder.runner()
            + " (now "
            + holder.state()
            + ")";
  }

  /** True when the taker is another pod of this run's Job and completion index. */
  public boolean takenByACopyOfThisPod() {
    return holder != null && holder.heldByAnotherPodOfTheIndexOf(loser);
  }

  /** The skip reason when {@link #takenByACopyOfThisPod()}. */
  String copyWon() {
    return "taken over by "
        + holder.runner()
        + " (another pod of this Job index) while this pod worked on it; the slot is that pod's to commit";
  }
}
