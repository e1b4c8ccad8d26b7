package io.lifeboat.repository;

import io.lifeboat.error.LifeboatException;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.VersionedObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Claiming a schedule slot (the marker protocol's step 1): create the claim with put-if-absent, or
 * take over one whose run failed or expired, never one whose backup may be committed.
 */
final class Claims {
  private final ObjectStore store;
  private final Clock clock;
  private final ConditionalWrites writes;

  Claims(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.writes = new ConditionalWrites(store);
  }

  ClaimAttempt claim(
      Kind kind,
      Scope scope,
      String slot,
      String runner,
      Duration ttl,
      BackupId backupId,
      String nonce) {
    String key = RepositoryLayout.claim(kind, scope, slot);
    Instant now = clock.instant();
    Claim mine =
        new Claim(
            slot,
            Claim.RUNNING,
            backupId == null ? null : backupId.toString(),
            runner,
            now,
            now.plus(ttl),
            nonce);
    byte[] bytes = Json.write(mine);
    Optional<String> created = writes.create(key, bytes);
    if (created.isPresent()) {
      return ClaimAttempt.won(ticket(key, mine, created.get(), false));
    }
    Optional<VersionedObject> current = store.read(key);
    if (current.isEmpty()) {
      // Deleted between our two requests (prune removes old claims): one more create decides it.
      return writes
          .create(key, bytes)
          .map(etag -> ClaimAttempt.won(ticket(key, mine, etag, false)))
          .orElseGet(() -> ClaimAttempt.refused("claimed by another run just now"));
    }
    Claim theirs = Json.read(current.get().content(), Claim.class, key);
    Optional<String> refusal = refusal(kind, scope, theirs, runner, now);
    if (refusal.isPresent()) {
      return ClaimAttempt.refused(refusal.get());
    }
    return writes
        .replace(key, bytes, current.get().etag())
        .map(etag -> ClaimAttempt.won(ticket(key, mine, etag, true)))
        .orElseGet(() -> ClaimAttempt.refused("taken over by another run just now"));
  }

  private Optional<String> refusal(
      Kind kind, Scope scope, Claim theirs, String runner, Instant now) {
    if (Claim.DONE.equals(theirs.state())) {
      return Optional.of("already done (backup " + theirs.backupId() + ")");
    }
    if (!theirs.reclaimableAt(now) && !theirs.heldByAnEarlierPodOf(runner)) {
      return Optional.of(
          "held by " + theirs.runner() + " (" + theirs.state() + ") until " + theirs.expiresAt());
    }
    if (theirs.mayHaveCommitted() && theirs.backupId() != null) {
      return committedAs(kind, scope, theirs);
    }
    return Optional.empty();
  }

  /** A committed slot is final: an expired run that reached its commit may have made it. */
  private Optional<String> committedAs(Kind kind, Scope scope, Claim theirs) {
    String entry = RepositoryLayout.catalogEntry(kind, scope, BackupId.parse(theirs.backupId()));
    try {
      return store
          .read(entry)
          .map(v -> Json.read(v.content(), Manifest.class, entry))
          .filter(m -> theirs.slot().equals(m.slot()))
          .map(m -> "already committed as backup " + m.id() + " (its run did not mark it done)");
    } catch (LifeboatException e) {
      // Fail closed: a doubled slot cannot be undone, a skipped one shows in the reports.
      return Optional.of(
          "its earlier run reached the commit of backup "
              + theirs.backupId()
              + " and whether it landed cannot be read ("
              + e.getMessage()
              + ")");
    }
  }

  private ClaimTicket ticket(String key, Claim claim, String etag, boolean tookOver) {
    return new ClaimTicket(writes, clock, key, claim, etag, tookOver);
  }
}
