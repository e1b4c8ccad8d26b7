package io.lifeboat.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code lifeboat.prune.*}: what prune keeps and how careful it is with garbage. Each {@code
 * keep-*} property of a kind defaults on its own to that kind's default (set it to 0 to turn the
 * rule off):
 *
 * <ul>
 *   <li>etcd: keep-last 24, keep-daily 7, keep-weekly 4, keep-monthly 3
 *   <li>namespace: keep-last 7, keep-daily 14, keep-weekly 8, keep-monthly 6
 *   <li>volumes: keep-last 7, keep-daily 7, keep-weekly 4
 * </ul>
 *
 * Whatever the policy, the newest complete backup of a scope is kept. Example: {@code
 * lifeboat.prune.etcd.keep-daily=14} ({@code LIFEBOAT_PRUNE_ETCD_KEEP_DAILY=14}).
 */
@ConfigMapping(prefix = "lifeboat.prune")
public interface PruneConfig {
  /**
   * Kinds to prune. {@code volumes} also deletes the removed backups' VolumeSnapshots and contents,
   * so it needs the Kubernetes API (the prune CronJob sets {@code etcd,namespace,volumes}); without
   * it prune never calls the API server.
   */
  @WithDefault("etcd,etcd-delta,namespace")
  List<String> kinds();

  /** Prune only this scope ({@code cluster} or {@code cluster/namespace}); default: every scope. */
  Optional<String> scope();

  Policy etcd();

  /** {@code lifeboat.prune.etcd-delta.*}: deltas; a kept delta also keeps its chain. */
  @io.smallrye.config.WithName("etcd-delta")
  Policy etcdDelta();

  Policy namespace();

  Policy volumes();

  /** The zone whose calendar defines hours, days, weeks, months and years for the keep rules. */
  @WithDefault("UTC")
  String timeZone();

  /** How far in the future a catalog entry may be dated and still count. */
  @WithDefault("5m")
  Duration clockSkew();

  /** Garbage younger than this is left alone; at least twice {@code max-job-deadline}. */
  @WithDefault("24h")
  Duration gracePeriod();

  /** The longest a backup job may run (its {@code activeDeadlineSeconds}). */
  @WithDefault("1h")
  Duration maxJobDeadline();

  /** How long the prune lease lasts between renewals (a dead prune is finished after this). */
  @WithDefault("10m")
  Duration leaseTtl();

  /** {@code true}: print the plan, delete nothing. */
  @WithDefault("false")
  @WithConverter(StrictBoolean.class)
  boolean dryRun();

  /** One kind's keep rules; an unset rule takes the kind's default. */
  interface Policy {
    OptionalInt keepLast();

    OptionalInt keepHourly();

    OptionalInt keepDaily();

    OptionalInt keepWeekly();

    OptionalInt keepMonthly();

    OptionalInt keepYearly();

    /** Keep every backup newer than the newest minus this, e.g. {@code 48h}. */
    Optional<Duration> keepWithin();
  }
}
