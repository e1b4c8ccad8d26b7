package io.lifeboat.prune;

import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.CatalogEntry;
import io.lifeboat.repository.CatalogListing;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Scope;
import io.lifeboat.retention.Candidate;
import io.lifeboat.retention.RetentionDecision;
import io.lifeboat.retention.RetentionPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The retention decision over validated entries, reading only the manifests it must. The policy
 * (pure, {@code retention}) decides over the entries that pass the listing checks; every entry it
 * would keep, and the oldest one (the policy's "oldest" rule looks at it), is then validated; if
 * one fails, it stops counting and the policy decides again. It ends when every entry the decision
 * depends on is valid, which is the same decision as over a fully validated catalog: an entry the
 * policy removes spends no counter and fills no bucket, so whether it is valid changes nothing.
 *
 * <p>Cost: one GET per kept entry (a few dozen under the default policies) plus one per invalid
 * entry that would have been kept; a forger pays with one PUT for each GET. The policy runs once,
 * plus once per round that found invalid entries (each round validates every keeper at once).
 */
final class CountedDecision {
  private CountedDecision() {}

  static RetentionDecision decide(
      CatalogListing listing, Kind kind, Scope scope, RetentionPolicy policy, Instant now) {
    while (true) {
      List<Candidate> candidates = new ArrayList<>();
      for (CatalogEntry entry : listing.entries()) {
        if (entry.counts()) {
          candidates.add(Candidate.complete(entry.ref().id()));
        }
      }
      RetentionDecision decision = policy.decide(candidates, now);
      List<BackupId> dependsOn = new ArrayList<>(decision.kept());
      if (!decision.verdicts().isEmpty()) {
        dependsOn.add(decision.verdicts().get(decision.verdicts().size() - 1).id());
      }
      boolean changed = false;
      for (BackupId id : dependsOn) {
        changed |= !listing.validate(new BackupRef(kind, scope, id)).counts();
      }
      if (!changed) {
        return decision;
      }
    }
  }
}
