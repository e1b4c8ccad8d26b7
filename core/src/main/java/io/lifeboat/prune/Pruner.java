package io.lifeboat.prune;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.progress.Progress;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Lease;
import io.lifeboat.repository.Leases;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.text.Count;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * The prune use-case for one kind and scope: take the prune lease (exit 11 when another prune holds
 * it), plan, finish what this plan allows of the plan an expired holder left ({@link
 * InheritedPlan}: a lease is bucket content anyone with put rights could have forged), record the
 * plan in the lease, execute it, release. The lease is renewed at batch boundaries. A prune that
 * fails after recording its plan leaves the lease to expire instead of releasing it, so the next
 * prune inherits and finishes the plan.
 */
public final class Pruner {
  private static final Logger LOG = Logger.getLogger(Pruner.class);
  private final ObjectStore store;
  private final Clock clock;
  private final ExternalResources external;

  public Pruner(ObjectStore store, Clock clock, ExternalResources external) {
    this.store = store;
    this.clock = clock;
    this.external = external;
  }

  /**
   * What one prune did: the inherited plan's execution (empty if none), the plan, its report, and
   * the requests issued up to the end of execution (the lease release is not counted).
   */
  public record Outcome(
      PrunePlan plan,
      PruneReport inherited,
      Map<String, String> rejected,
      PruneReport report,
      long requests,
      Duration elapsed) {
    public Outcome {
      rejected = Map.copyOf(rejected);
    }

    public String summary() {
      return "prune "
          + plan.kind()
          + " "
          + plan.scope()
          + ": "
          + plan.summary()
          + "; "
          + report.summary()
          + (inherited.deleted().isEmpty()
              ? ""
              : "; finished an earlier prune's plan: " + inherited.summary())
          + (rejected.isEmpty()
              ? ""
              : "; " + Count.of(rejected.size(), "key") + " of an earlier prune's plan rejected")
          + "; "
          + Count.of(requests, "request")
          + " in "
          + elapsed.toMillis()
          + " ms";
    }
  }

  /**
   * The scopes of {@code kind} that have backups in {@code cluster}, from one listing of its
   * catalog. (A scope whose every run failed has no entry; its garbage waits for a prune of it by
   * name.)
   */
  public List<Scope> scopes(Kind kind, ClusterName cluster) {
    requireCovered(kind);
    Scope clusterScope = Scope.cluster(cluster);
    if (!kind.namespaced()) {
      return List.of(clusterScope);
    }
    return new Repository(store, clock)
        .catalog().scopes(kind, clusterScope).stream()
            .filter(s -> s.cluster().equals(cluster))
            .toList();
  }

  /** The plan alone, for {@code --dry-run}: no lease is taken and nothing is written. */
  public PrunePlan plan(Kind kind, Scope scope, PruneSettings settings) {
    requireCovered(kind);
    return new PrunePlanner(store, clock).plan(kind, scope, settings);
  }

  /**
   * Prunes one kind and scope.
   *
   * @param holder who prunes, recorded in the lease (pod or host name)
   * @throws io.lifeboat.error.AlreadyLockedException when another prune holds the lease (exit 11)
   */
  public Outcome prune(Kind kind, Scope scope, PruneSettings settings, String holder) {
    return prune(kind, scope, settings, holder, Progress.NONE);
  }

  /**
   * As {@link #prune(Kind, Scope, PruneSettings, String)}, telling {@code progress} the plan's keys
   * settled of all its keys, batch by batch (the subject is {@code kind scope}).
   */
  public Outcome prune(
      Kind kind, Scope scope, PruneSettings settings, String holder, Progress progress) {
    requireCovered(kind);
    Instant started = clock.instant();
    RequestCountingStore counted = new RequestCountingStore(store);
    Lease lease =
        new Leases(counted, clock)
            .acquire(
                RepositoryLayout.pruneLease(kind, scope),
                holder,
                "prune",
                settings.leaseTtl(),
                List.of());
    boolean planPending = false;
    try {
      Renewal renewal = new Renewal(lease, settings.leaseTtl());
      PruneExecutor executor = new PruneExecutor(counted, external, renewal::renewIfDue);
      if (!lease.inheritedPlan().isEmpty()) {
        // Kept for the next holder should this one die while planning; every holder vets it.
        lease.recordPlan(lease.inheritedPlan());
        planPending = true;
      }
      PrunePlan plan = new PrunePlanner(counted, clock).plan(kind, scope, settings);
      InheritedPlan vetted = InheritedPlan.none();
      PruneReport inherited = PruneReport.empty();
      if (!lease.inheritedPlan().isEmpty()) {
        vetted = vet(lease.inheritedPlan(), plan, settings);
        if (!vetted.finish().isEmpty()) {
          lease.recordPlan(vetted.finish());
          planPending = true;
          inherited = executor.finish(vetted.finish());
        }
      }
      lease.recordPlan(plan.keys());
      planPending = true;
      Progress.orNone(progress).started(kind + " " + scope);
      PruneReport report = executor.execute(plan, progress);
      planPending = false;
      return new Outcome(
          plan,
          inherited,
          vetted.rejected(),
          report,
          counted.requests(),
          Duration.between(started, clock.instant()));
    } finally {
      if (!planPending) {
        lease.release();
      }
    }
  }

  /** Re-judges an expired holder's plan against this prune's own (see {@link InheritedPlan}). */
  private static InheritedPlan vet(List<String> keys, PrunePlan plan, PruneSettings settings) {
    Instant abandonedBefore =
        plan.now().minus(settings.maxJobDeadline()).minus(settings.policy().clockSkew());
    InheritedPlan vetted = InheritedPlan.vet(keys, plan, abandonedBefore);
    LOG.infof(
        "prune %s %s: an expired prune's plan names %d keys: %d in this plan, %d to finish, %d"
            + " rejected",
        plan.kind(),
        plan.scope(),
        keys.size(),
        vetted.covered().size(),
        vetted.finish().size(),
        vetted.rejected().size());
    vetted.rejected().forEach((key, why) -> LOG.warnf("left alone: %s (%s)", key, why));
    return vetted;
  }

  private void requireCovered(Kind kind) {
    if (!external.covers(kind)) {
      throw new InvalidConfigurationException(
          "cannot prune "
              + kind
              + " backups: nothing in this build reclaims what they hold outside the store"
              + " (VolumeSnapshotContents); remove "
              + kind
              + " from lifeboat.prune.kinds");
    }
  }

  /** Renews the lease once a third of its ttl has passed since the last write. */
  private final class Renewal {
    private final Lease lease;
    private final Duration every;
    private Instant last;

    Renewal(Lease lease, Duration ttl) {
      this.lease = Objects.requireNonNull(lease);
      this.every = ttl.dividedBy(3);
      this.last = clock.instant();
    }

    void renewIfDue() {
      Instant now = clock.instant();
      if (Duration.between(last, now).compareTo(every) >= 0) {
        lease.renew();
        last = now;
      }
    }
  }
}
