package io.lifeboat.repository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A won claim. Every write is If-Match on the etag of our own last write, so a run whose claim was
 * taken over finds out at its next write ({@link ClaimLostException}) (and never commits: {@link
 * #committing} comes first), and a lost reply is recognised by the run's nonce ({@link
 * ConditionalWrites}).
 */
public final class ClaimTicket {
  private final ConditionalWrites writes;
  private final Clock clock;
  private final String key;
  private final boolean tookOver;
  private Claim claim;
  private String etag;

  ClaimTicket(
      ConditionalWrites writes,
      Clock clock,
      String key,
      Claim claim,
      String etag,
      boolean tookOver) {
    this.writes = writes;
    this.clock = clock;
    this.key = key;
    this.claim = claim;
    this.etag = etag;
    this.tookOver = tookOver;
  }

  public String slot() {
    return claim.slot();
  }

  public String key() {
    return key;
  }

  /** When the claim stops protecting this run unless renewed. */
  public Instant expiresAt() {
    return claim.expiresAt();
  }

  /** True when an earlier run of this slot failed or expired and this run took its claim over. */
  public boolean tookOver() {
    return tookOver;
  }

  /** Extends the claim to {@code ttl} from now; throws when another run took it over. */
  public synchronized void renew(Duration ttl) {
    write(claim.renewed(claim.state(), clock.instant().plus(ttl)));
  }

  /**
   * Records that the catalog entry is about to be written (and renews): from now on a taker looks
   * for that entry before running the slot again. Throws when another run took the claim over.
   */
  public synchronized void committing(Duration ttl) {
    write(claim.renewed(Claim.COMMITTING, clock.instant().plus(ttl)));
  }

  public synchronized void done(BackupId id) {
    write(claim.finished(Claim.DONE, id.toString()));
  }

  /** Lets a retry of this slot run again. Only for a run that never wrote its catalog entry. */
  public synchronized void failed() {
    write(claim.finished(Claim.FAILED, null));
  }

  private void write(Claim next) {
    etag = writes.replace(key, Json.write(next), etag).orElseThrow(this::lost);
    claim = next;
  }

  /** Names the run that holds the claim now, when it can be read (it may be gone: pruned). */
  private ClaimLostException lost() {
    Claim holder;
    try {
      holder = writes.read(key).map(v -> Json.read(v.content(), Claim.class, key)).orElse(null);
    } catch (RuntimeException unreadable) {
      holder = null;
    }
    return new ClaimLostException(key, claim.runner(), holder);
  }
}
