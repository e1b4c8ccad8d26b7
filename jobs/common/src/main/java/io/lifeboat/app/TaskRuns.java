package io.lifeboat.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.observe.RunReports;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.schedule.ScheduleSlot;
import io.lifeboat.schedule.Slot;
import io.lifeboat.schedule.SlotWindow;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.text.Count;
import io.lifeboat.volumes.VolumesOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs one task the way a function or the standalone scheduler does: the same {@link Tasks} /
 * {@link ExportTasks} / {@link VolumesTasks} / {@link PruneTasks} call a CronJob makes, on the same
 * {@link RunPath} as the jobs ({@link JobRuns}), then a {@link TaskResult} back. It never throws:
 * failures become a {@code failed} result with their exit code.
 */
public final class TaskRuns {
  private static final Logger LOG = Logger.getLogger(TaskRuns.class);
  private final LifeboatConfig config;
  private final EtcdConfig etcd;
  private final ExportConfig export;
  private final VolumesConfig volumes;
  private final PruneConfig prune;
  private final TaskSchedules schedules;
  private final Supplier<KubernetesClient> kubernetes;
  private final RunPath path;
  private final Clock clock;

  public TaskRuns(
      LifeboatConfig config,
      EtcdConfig etcd,
      ExportConfig export,
      VolumesConfig volumes,
      PruneConfig prune,
      TaskSchedules schedules,
      Supplier<KubernetesClient> kubernetes,
      RunPath path) {
    this.config = config;
    this.etcd = etcd;
    this.export = export;
    this.volumes = volumes;
    this.prune = prune;
    this.schedules = schedules;
    this.kubernetes = kubernetes;
    this.path = path;
    this.clock = path.clock();
  }

  /**
   * The trigger of a call: the request's {@code slot} (RFC 3339 or {@code 20261125T1815Z}) when
   * given, which must lie within the schedule's last period of now ({@link SlotWindow}), else the
   * task's schedule ({@code lifeboat.tasks.<task>.schedule}, else {@code lifeboat.schedule}): its
   * latest instant at or before now; else a manual run.
   */
  public RunTrigger trigger(String slot, TaskSchedules.Task task) {
    String cron = task.schedule().or(config::schedule).orElse(null);
    if (slot != null && !slot.isBlank()) {
      Instant now = clock.instant();
      Duration period = slotPeriod(cron, now);
      Slot checked = SlotWindow.check(parseSlot(slot.strip()), "slot", period, now);
      return new RunTrigger.Scheduled(checked, "given by the caller");
    }
    return RunTrigger.resolve(
        config.jobName().orElse(null), cron, config.scheduleTimeZone(), clock.instant());
  }

  /**
   * The schedule's period for the slot check; a schedule this code does not read as UNIX cron (the
   * standalone scheduler's Quartz expressions, whose fire time is the slot) counts as none.
   */
  private Duration slotPeriod(String cron, Instant now) {
    try {
      return SlotWindow.period(cron, ScheduleSlot.zone(config.scheduleTimeZone()), now);
    } catch (InvalidConfigurationException notUnixCron) {
      return SlotWindow.UNSCHEDULED_PERIOD;
    }
  }

  /**
   * A request naming a bad slot (malformed, in the future, older than the schedule's last period)
   * ran nothing: it is answered (exit 2, HTTP 400), not reported as a failed backup.
   */
  private java.util.Optional<TaskResult> badSlot(String slot, TaskSchedules.Task task) {
    if (slot == null || slot.isBlank()) {
      return java.util.Optional.empty();
    }
    try {
      trigger(slot, task);
      return java.util.Optional.empty();
    } catch (RuntimeException badRequest) {
      TaskResult refused = TaskResult.failed(badRequest);
      LOG.warnf("request refused (exit %d): %s", refused.exitCode(), refused.message());
      return java.util.Optional.of(refused);
    }
  }

  /** A slot as the request names it; seconds are dropped (a delivery a little late). */
  static Slot parseSlot(String text) {
    if (text.matches("\\d{8}T\\d{4}Z")) {
      return Slot.parse(text);
    }
    try {
      Instant at = OffsetDateTime.parse(text).toInstant();
      return new Slot(at.truncatedTo(ChronoUnit.MINUTES));
    } catch (DateTimeParseException e) {
      throw new InvalidConfigurationException(
          "slot must be an RFC 3339 time (2026-11-25T18:15:00Z) or 20261125T1815Z, was '"
              + text
              + "'");
    }
  }

  public TaskResult etcdSnapshot(String slot) {
    return claimed(
        slot,
        schedules.etcdSnapshot(),
        Kind.ETCD,
        (store, trigger) -> Tasks.etcdSnapshot(config, etcd, store, trigger, clock));
  }

  /** One etcd delta run (it may take a full snapshot instead, by lifeboat.etcd.delta.on-gap). */
  public TaskResult etcdDelta(String slot) {
    return claimed(
        slot,
        schedules.etcdDelta(),
        Kind.ETCD_DELTA,
        (store, trigger) -> Tasks.etcdDelta(config, etcd, store, trigger, clock));
  }

  public TaskResult namespaceExport(String slot) {
    return backup(
        slot,
        schedules.namespaceExport(),
        Kind.NAMESPACE,
        "no namespace exported",
        (store, trigger, took) -> {
          var run = ExportTasks.export(config, export, kubernetes.get(), store, trigger, clock);
          return RunPath.Outcome.of(RunReports.export(run, took.get()));
        });
  }

  public TaskResult volumeSnapshot(String slot) {
    return backup(
        slot,
        schedules.volumeSnapshot(),
        Kind.VOLUMES,
        "no namespace selected",
        (store, trigger, took) -> {
          VolumesOutcome outcome =
              VolumesTasks.snapshot(config, volumes, kubernetes.get(), store, trigger, clock);
          return RunPath.Outcome.of(RunReports.volumes(outcome, took.get()));
        });
  }

  /** A backup task's work once its trigger is known. */
  private interface Backup {
    RunPath.Outcome run(ObjectStore store, RunTrigger trigger, Supplier<Duration> took);
  }

  /** An etcd task's work: one claimed run. */
  private interface Claimed {
    ClaimedRun.Result run(ObjectStore store, RunTrigger trigger);
  }

  /** One claimed run (etcd): one result, one report. */
  private TaskResult claimed(String slot, TaskSchedules.Task task, Kind kind, Claimed work) {
    return backup(
        slot,
        task,
        kind,
        "",
        (store, trigger, took) -> {
          ClaimedRun.Result result = work.run(store, trigger);
          return RunPath.Outcome.of(List.of(RunReports.claimed(result, took.get())));
        });
  }

  /**
   * A backup call on the run path: a bad slot is answered without a run; else the task runs on the
   * backup's put-only store, and a failure is reported under the cluster.
   */
  private TaskResult backup(
      String slot, TaskSchedules.Task task, Kind kind, String emptyMessage, Backup work) {
    var bad = badSlot(slot, task);
    if (bad.isPresent()) {
      return bad.get();
    }
    RunPath.Outcome outcome =
        path.run(
            () -> Stores.openForBackup(config),
            (store, took) -> work.run(store, trigger(slot, task), took),
            (e, took) -> List.of(RunReports.failed(kind, clusterLabel(), e, took)),
            RunPath.Voice.LOG_EACH);
    return TaskResult.of(outcome.reports(), emptyMessage);
  }

  /**
   * Prunes every configured kind and scope with full access, as the prune job does. {@code dryRun}
   * ({@code true} or {@code false}; null: {@code lifeboat.prune.dry-run}) only plans: nothing is
   * deleted or reported, and the message holds the plans. Prune claims no slot: a repeated call
   * finds nothing more to delete, and a call while another prune holds a scope's lease gets exit
   * 11.
   */
  public TaskResult prune(String dryRun) {
    PruneRun run = new PruneRun(clock, clusterLabel());
    boolean planOnly;
    try {
      planOnly =
          dryRun == null || dryRun.isBlank()
              ? prune.dryRun()
              : StrictBoolean.parse(dryRun, "dryRun");
    } catch (RuntimeException badRequest) {
      // A malformed request pruned nothing: it is answered, not reported as a failed prune.
      return TaskResult.failed(badRequest);
    }
    var request = new PruneTasks.Request(null, null, planOnly);
    if (planOnly) {
      // A plan is no run: nothing is reported, and a failure is only answered.
      try (ObjectStore store = Stores.open(config)) {
        PruneTasks.prune(config, prune, store, clock, request, kubernetes, run);
        return run.dryRun();
      } catch (RuntimeException e) {
        return TaskResult.failed(e);
      }
    }
    RunPath.Outcome outcome =
        path.run(
            () -> Stores.open(config),
            (store, took) -> {
              PruneTasks.prune(config, prune, store, clock, request, kubernetes, run);
              return RunPath.Outcome.of(run.reports());
            },
            (e, took) -> run.failed(e),
            RunPath.Voice.LOG_EACH);
    return TaskResult.of(outcome.reports(), "nothing to prune");
  }

  /**
   * One backup of {@code kind} in {@code scope} in a line; {@code id} is an id or {@code latest}
   * (the default). Exit 7 when there is no such backup. Reads {@code catalog/}, like {@link #list}.
   */
  public TaskResult describe(String kind, String scope, String id) {
    try (ObjectStore store = Stores.open(config)) {
      Kind parsed = Kind.parse(kind == null ? "" : kind.strip());
      if (scope == null || scope.isBlank()) {
        throw new InvalidConfigurationException(
            "scope is required: <cluster> or <cluster>/<namespace>");
      }
      Repository repository = new Repository(store, clock);
      BackupRef ref =
          repository.resolve(
              parsed,
              Scope.parse(scope.strip()),
              id == null || id.isBlank() ? "latest" : id.strip());
      Manifest manifest = repository.manifest(ref);
      long bytes = manifest.objects().stream().mapToLong(DataObject::size).sum();
      return new TaskResult(
          "done",
          0,
          List.of(ref.scope() + "/" + ref.id()),
          String.format(
              "%s backup %s/%s: completed %s, %s, %d bytes, %s failed",
              parsed,
              ref.scope(),
              ref.id(),
              manifest.completedAt(),
              Count.of(manifest.objects().size(), "object"),
              bytes,
              Count.of(manifest.failures().size(), "item")));
    } catch (RuntimeException e) {
      return TaskResult.failed(e);
    }
  }

  /**
   * Backup ids of {@code kind} ({@code etcd}, {@code namespace}, {@code volumes}), oldest first, as
   * {@code <scope>/<id>}; {@code scope} null lists every scope of the kind. Needs list access to
   * {@code catalog/}, unlike the backup tasks.
   */
  public TaskResult list(String kind, String scope) {
    try (ObjectStore store = Stores.open(config)) {
      Kind parsed = Kind.parse(kind == null ? "" : kind.strip());
      Scope within = scope == null || scope.isBlank() ? null : Scope.parse(scope.strip());
      List<BackupRef> refs = new Repository(store, clock).list(parsed, within);
      List<String> ids = refs.stream().map(r -> r.scope() + "/" + r.id()).toList();
      return new TaskResult(
          "done", 0, ids, Count.of(refs.size(), parsed + " backup") + " in " + store.location());
    } catch (RuntimeException e) {
      return TaskResult.failed(e);
    }
  }

  private String clusterLabel() {
    return config.cluster().orElse("unknown");
  }
}
