package io.lifeboat.repository;

import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectStore;

/** A won claim: the run records how it ended, with If-Match so it never overwrites a takeover. */
public final class ClaimTicket {
  private final ObjectStore store;
  private final String key;
  private final Claim claim;
  private final String etag;
  private final boolean tookOver;

  ClaimTicket(ObjectStore store, String key, Claim claim, String etag, boolean tookOver) {
    this.store = store;
    this.key = key;
    this.claim = claim;
    this.etag = etag;
    this.tookOver = tookOver;
  }

  public String slot() {
    return claim.slot();
  }

  /** True when an earlier run of this slot failed or expired and this run took its claim over. */
  public boolean tookOver() {
    return tookOver;
  }

  public void done(BackupId id) {
    store.put(key, Json.write(claim.finished(Claim.DONE, id.toString())), Condition.ifMatch(etag));
  }

  /** Lets a retry of this slot run again. Best effort: an expired claim is reclaimable anyway. */
  public void failed() {
    store.put(key, Json.write(claim.finished(Claim.FAILED, null)), Condition.ifMatch(etag));
  }
}
