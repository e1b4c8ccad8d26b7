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
 * <p>Cost: one GET per kept entry (a few dozen under the default policies) plus, once a forgery is
 * found, the newest unread entries in doubling rounds (64, 128, ...), so a flood of N forged
 * entries costs at most about 2N GETs (a forger pays one PUT for each) and log2(N) policy runs.
 * Without forgeries the policy runs once.
 */
final class CountedDecision {
  private CountedDecision() {}

  /** Unread entries validated ahead of the policy in the round after one found a forgery. */
  static final int FIRST_LOOKAHEAD = 64;

  static RetentionDecision decide(
      CatalogListing listing, Kind kind, Scope scope, RetentionPolicy policy, Instant now) {
    int lookahead = 0;
    while (true) {
      List<BackupId> counted = new ArrayList<>();
      for (CatalogEntry entry : listing.entries()) {
        if (entry.counts()) {
          counted.add(entry.ref().id());
        }
      }
      RetentionDecision decision =
          policy.decide(counted.stream().map(Candidate::complete).toList(), now);
      List<BackupId> dependsOn = new ArrayList<>(decision.kept());
      if (!counted.isEmpty()) {
        dependsOn.add(counted.get(0));
      }
      // After a forgery, also validate the newest unread entries ahead of the policy, doubling
      // each round: a flood of N forged entries costs about log2(N) policy runs, not N / keepers.
      for (int i = counted.size() - 1, ahead = 0; i >= 0 && ahead < lookahead; i--, ahead++) {
        dependsOn.add(counted.get(i));
      }
      boolean changed = false;
      for (BackupId id : dependsOn) {
        changed |= !listing.validate(new BackupRef(kind, scope, id)).counts();
      }
      if (!changed) {
        return decision;
      }
      lookahead = lookahead == 0 ? FIRST_LOOKAHEAD : lookahead * 2;
    }
  }
}
