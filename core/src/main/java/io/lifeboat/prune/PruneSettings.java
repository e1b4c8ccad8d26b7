package io.lifeboat.prune;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.Kind;
import io.lifeboat.retention.RetentionPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How one kind is pruned.
 *
 * @param policy which committed backups to keep
 * @param gracePeriod how old garbage (data without a catalog entry, claims, incomplete uploads)
 *     must be before it is deleted; at least twice {@code maxJobDeadline}, so a backup still being
 *     written is never taken for garbage
 * @param maxJobDeadline the longest a backup run may take ({@code activeDeadlineSeconds})
 * @param leaseTtl how long the prune lease lasts between renewals; a prune that dies is finished by
 *     the next one after this
 */
public record PruneSettings(
    RetentionPolicy policy, Duration gracePeriod, Duration maxJobDeadline, Duration leaseTtl) {
  public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofHours(24);
  public static final Duration DEFAULT_MAX_JOB_DEADLINE = Duration.ofHours(1);
  public static final Duration DEFAULT_LEASE_TTL = Duration.ofMinutes(10);

  public PruneSettings {
    Objects.requireNonNull(policy, "policy");
    gracePeriod = gracePeriod == null ? DEFAULT_GRACE_PERIOD : gracePeriod;
    maxJobDeadline = maxJobDeadline == null ? DEFAULT_MAX_JOB_DEADLINE : maxJobDeadline;
    leaseTtl = leaseTtl == null ? DEFAULT_LEASE_TTL : leaseTtl;
    if (maxJobDeadline.isNegative() || maxJobDeadline.isZero()) {
      throw new InvalidConfigurationException(
          "lifeboat.prune.max-job-deadline must be positive, was " + maxJobDeadline);
    }
    if (gracePeriod.compareTo(maxJobDeadline.multipliedBy(2)) < 0) {
      throw new InvalidConfigurationException(
          "lifeboat.prune.grace-period ("
              + gracePeriod
              + ") must be at least twice lifeboat.prune.max-job-deadline ("
              + maxJobDeadline
              + ")");
    }
    if (leaseTtl.isNegative() || leaseTtl.isZero()) {
      throw new InvalidConfigurationException(
          "lifeboat.prune.lease-ttl must be positive, was " + leaseTtl);
    }
  }

  /**
   * How the catalog's entries are judged for this prune: the longest run and the policy's clock
   * skew bound how far an entry's id may be from the store's {@code LastModified}.
   */
  public io.lifeboat.repository.CatalogRules catalogRules() {
    return new io.lifeboat.repository.CatalogRules(maxJobDeadline, policy.clockSkew());
  }

  /** Settings with the default grace period, job deadline and lease ttl. */
  public static PruneSettings of(RetentionPolicy policy) {
    return new PruneSettings(policy, null, null, null);
  }

  /**
   * The policy a kind gets when none of its {@code keep-*} properties is set. A policy of all zeros
   * keeps only the newest backup, so these defaults matter:
   *
   * <ul>
   *   <li>etcd (hourly or more often): last 24, daily 7, weekly 4, monthly 3
   *   <li>namespace exports (daily): last 7, daily 14, weekly 8, monthly 6
   *   <li>volumes (snapshots cost storage): last 7, daily 7, weekly 4
   * </ul>
   */
  public static RetentionPolicy defaultPolicy(Kind kind) {
    RetentionPolicy none = RetentionPolicy.newestOnly();
    return switch (kind) {
      case ETCD -> none.withKeepLast(24).withKeepDaily(7).withKeepWeekly(4).withKeepMonthly(3);
      // A minute of deltas for the last two hours; chains keep their bases (retention/Chains).
      case ETCD_DELTA -> none.withKeepLast(120);
      case NAMESPACE -> none.withKeepLast(7).withKeepDaily(14).withKeepWeekly(8).withKeepMonthly(6);
      case VOLUMES -> none.withKeepLast(7).withKeepDaily(7).withKeepWeekly(4);
    };
  }
}
