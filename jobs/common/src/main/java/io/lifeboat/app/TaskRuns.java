package io.lifeboat.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.observe.RunObserver;
import io.lifeboat.app.observe.RunReport;
import io.lifeboat.app.observe.RunReports;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.etcd.EtcdBackup;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.schedule.Slot;
import io.lifeboat.store.ObjectStore;
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
 * {@link ExportTasks} call a CronJob makes, then a {@link RunReport} to the observer and a {@link
 * TaskResult} back. It never throws: failures become a {@code failed} result with their exit code.
 */
public final class TaskRuns {
  private static final Logger LOG = Logger.getLogger(TaskRuns.class);
  private final LifeboatConfig config;
  private final EtcdConfig etcd;
  private final ExportConfig export;
  private final TaskSchedules schedules;
  private final Supplier<KubernetesClient> kubernetes;
  private final RunObserver observer;
  private final Clock clock;

  public TaskRuns(
      LifeboatConfig config,
      EtcdConfig etcd,
      ExportConfig export,
      TaskSchedules schedules,
      Supplier<KubernetesClient> kubernetes,
      RunObserver observer,
      Clock clock) {
    this.config = config;
    this.etcd = etcd;
    this.export = export;
    this.schedules = schedules;
    this.kubernetes = kubernetes;
    this.observer = observer;
    this.clock = clock;
  }

  /**
   * The trigger of a call: the request's {@code slot} (RFC 3339 or {@code 20261125T1815Z}) when
   * given, else the task's schedule ({@code lifeboat.tasks.<task>.schedule}, else {@code
   * lifeboat.schedule}): its latest instant at or before now; else a manual run.
   */
  public RunTrigger trigger(String slot, TaskSchedules.Task task) {
    if (slot != null && !slot.isBlank()) {
      return new RunTrigger.Scheduled(parseSlot(slot.strip()), "given by the caller");
    }
    return RunTrigger.resolve(
        config.jobName().orElse(null),
        task.schedule().or(config::schedule).orElse(null),
        config.scheduleTimeZone(),
        clock.instant());
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
    Instant start = clock.instant();
    try (ObjectStore store = Stores.openForBackup(config)) {
      RunTrigger trigger = trigger(slot, schedules.etcdSnapshot());
      EtcdBackup.Outcome outcome = Tasks.etcdSnapshot(config, etcd, store, trigger, clock);
      return observed(List.of(RunReports.etcd(outcome, clusterLabel(), since(start))), "");
    } catch (RuntimeException e) {
      return observed(List.of(RunReports.failed(Kind.ETCD, clusterLabel(), e, since(start))), "");
    }
  }

  public TaskResult namespaceExport(String slot) {
    Instant start = clock.instant();
    try (ObjectStore store = Stores.openForBackup(config)) {
      RunTrigger trigger = trigger(slot, schedules.namespaceExport());
      var reports =
          ExportTasks.export(config, export, kubernetes.get(), store, trigger, clock).stream()
              .map(r -> RunReports.export(r, since(start)))
              .toList();
      return observed(reports, "no namespace exported");
    } catch (RuntimeException e) {
      return observed(
          List.of(RunReports.failed(Kind.NAMESPACE, clusterLabel(), e, since(start))), "");
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
          "done", 0, ids, refs.size() + " " + parsed + " backups in " + store.location());
    } catch (RuntimeException e) {
      return TaskResult.failed(e);
    }
  }

  private TaskResult observed(List<RunReport> reports, String emptyMessage) {
    for (RunReport report : reports) {
      if (report.outcome() == RunReport.Outcome.FAILED) {
        LOG.errorf("%s (exit %d)", report.message(), report.exitCode().code());
      } else {
        LOG.info(report.message());
      }
      observer.observe(report);
    }
    return TaskResult.of(reports, emptyMessage);
  }

  private String clusterLabel() {
    return config.cluster().orElse("unknown");
  }

  private Duration since(Instant start) {
    return Duration.between(start, clock.instant());
  }
}
