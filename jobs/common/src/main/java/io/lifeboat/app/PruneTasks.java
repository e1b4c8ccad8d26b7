package io.lifeboat.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.progress.Progress;
import io.lifeboat.prune.ExternalResources;
import io.lifeboat.prune.PrunePlan;
import io.lifeboat.prune.PruneSettings;
import io.lifeboat.prune.Pruner;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.retention.RetentionPolicy;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.volumes.VolumeSnapshotReclaimer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds prune from config, for the prune job and {@code lifeboat prune} alike. Prune runs with the
 * full credentials ({@link Stores#open}), never the backup view. Every kind's settings are checked
 * before anything is deleted, so a bad value exits 2 having done nothing.
 */
public final class PruneTasks {
  private PruneTasks() {}

  /** What to prune; null fields fall back to config. */
  public record Request(String kind, String scope, Boolean dryRun) {}

  /** What a prune hands back, scope by scope (a function reports each; the job logs them). */
  public interface Results {
    /** About to plan or prune {@code kind} in {@code scope}. */
    default void starting(Kind kind, Scope scope) {}

    /** A dry run's plan of one kind and scope. */
    void planned(PrunePlan plan);

    /** What the prune of one kind and scope did. */
    void pruned(Pruner.Outcome outcome);

    /** Told the keys deleted as a prune goes (the CLI draws them on a terminal). */
    default Progress progress() {
      return Progress.NONE;
    }
  }

  /** As below; {@code out} receives each plan (dry run) or each scope's summary. */
  public static void prune(
      LifeboatConfig config,
      PruneConfig prune,
      ObjectStore store,
      Clock clock,
      Request request,
      Supplier<KubernetesClient> client,
      Consumer<String> out) {
    prune(config, prune, store, clock, request, client, out, Progress.NONE);
  }

  /** As above, telling {@code progress} the keys deleted, scope by scope. */
  public static void prune(
      LifeboatConfig config,
      PruneConfig prune,
      ObjectStore store,
      Clock clock,
      Request request,
      Supplier<KubernetesClient> client,
      Consumer<String> out,
      Progress progress) {
    prune(
        config,
        prune,
        store,
        clock,
        request,
        client,
        new Results() {
          @Override
          public void planned(PrunePlan plan) {
            out.accept(plan.render());
          }

          @Override
          public void pruned(Pruner.Outcome outcome) {
            out.accept(outcome.summary());
          }

          @Override
          public Progress progress() {
            return progress;
          }
        });
  }

  /**
   * Prunes (or, on a dry run, plans) every configured kind and scope, one lease per scope, handing
   * each plan or outcome to {@code results}. Stops at the first scope another prune holds ({@link
   * io.lifeboat.error.AlreadyLockedException}, exit 11).
   */
  public static void prune(
      LifeboatConfig config,
      PruneConfig prune,
      ObjectStore store,
      Clock clock,
      Request request,
      Supplier<KubernetesClient> client,
      Results results) {
    Map<Kind, PruneSettings> settings = new LinkedHashMap<>();
    for (Kind kind : kinds(prune, request.kind())) {
      settings.put(kind, settings(prune, kind));
    }
    String scopeText = request.scope() != null ? request.scope() : prune.scope().orElse(null);
    Scope only = scopeText == null ? null : Scope.parse(scopeText);
    boolean dryRun = request.dryRun() != null ? request.dryRun() : prune.dryRun();
    // Refuses a location that is not a repository, or of a format this build does not know.
    new Repository(store, clock).descriptor();
    // Volume backups hold VolumeSnapshots in the cluster; only they need the API server.
    ExternalResources external =
        settings.containsKey(Kind.VOLUMES)
            ? new VolumeSnapshotReclaimer(client.get())
            : ExternalResources.none();
    Pruner pruner = new Pruner(store, clock, external);
    settings.forEach(
        (kind, kindSettings) -> {
          for (Scope scope : scopes(pruner, config, kind, only, request.kind() != null)) {
            results.starting(kind, scope);
            if (dryRun) {
              results.planned(pruner.plan(kind, scope, kindSettings));
            } else {
              results.pruned(
                  pruner.prune(kind, scope, kindSettings, Tasks.runner(), results.progress()));
            }
          }
        });
  }

  private static List<Scope> scopes(
      Pruner pruner, LifeboatConfig config, Kind kind, Scope only, boolean kindChosen) {
    if (only == null) {
      return pruner.scopes(kind, Tasks.cluster(config));
    }
    if (kind.namespaced() == (only.namespace() != null)) {
      return List.of(only);
    }
    if (kindChosen) {
      throw new InvalidConfigurationException(
          "scope '"
              + only
              + "' does not fit kind "
              + kind
              + (kind.namespaced() ? ": use cluster/namespace" : ": use the cluster name alone"));
    }
    return List.of();
  }

  static List<Kind> kinds(PruneConfig prune, String chosen) {
    if (chosen != null) {
      return List.of(Kind.parse(chosen));
    }
    List<Kind> kinds = new ArrayList<>();
    for (String text : prune.kinds()) {
      kinds.add(Kind.parse(text.strip()));
    }
    return kinds;
  }

  /** The kind's settings: its keep rules over the kind's defaults, and the shared safeguards. */
  public static PruneSettings settings(PruneConfig prune, Kind kind) {
    return new PruneSettings(
        policy(prune, kind), prune.gracePeriod(), prune.maxJobDeadline(), prune.leaseTtl());
  }

  static RetentionPolicy policy(PruneConfig prune, Kind kind) {
    PruneConfig.Policy rules =
        switch (kind) {
          case ETCD -> prune.etcd();
          case ETCD_DELTA -> prune.etcdDelta();
          case NAMESPACE -> prune.namespace();
          case VOLUMES -> prune.volumes();
        };
    RetentionPolicy defaults = PruneSettings.defaultPolicy(kind);
    try {
      return new RetentionPolicy(
          rules.keepLast().orElse(defaults.keepLast()),
          rules.keepHourly().orElse(defaults.keepHourly()),
          rules.keepDaily().orElse(defaults.keepDaily()),
          rules.keepWeekly().orElse(defaults.keepWeekly()),
          rules.keepMonthly().orElse(defaults.keepMonthly()),
          rules.keepYearly().orElse(defaults.keepYearly()),
          rules.keepWithin().orElse(defaults.keepWithin()),
          zone(prune.timeZone()),
          prune.clockSkew());
    } catch (InvalidConfigurationException e) {
      throw new InvalidConfigurationException("lifeboat.prune." + kind + ": " + e.getMessage(), e);
    }
  }

  private static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new InvalidConfigurationException(
          "lifeboat.prune.time-zone must be a zone id like UTC or Europe/Berlin, was '"
              + text
              + "'",
          e);
    }
  }
}
