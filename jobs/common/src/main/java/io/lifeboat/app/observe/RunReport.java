package io.lifeboat.app.observe;

import io.lifeboat.error.ExitCode;
import io.lifeboat.repository.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One run's outcome for one backup scope (an etcd snapshot of {@code prod}, the export of {@code
 * prod/payments}, the prune of {@code prod/shop}'s namespace backups): what metrics and events are
 * made of.
 *
 * @param task a backup, a prune or a restore: they report under different metric names and Event
 *     reasons, so a prune or a restore never stands in for a backup's last success
 * @param scope {@code <cluster>} or {@code <cluster>/<namespace>}; for a run that failed before it
 *     knew its namespaces, the cluster
 * @param bytes stored bytes of the backup's objects; 0 when nothing was committed
 * @param backups ids of the committed backups (a prune: of the removed ones; a restore: the backup
 *     restored; empty when skipped or failed)
 * @param shard the export shard ({@code i/N}) that ran it; null when the run was not sharded. A
 *     metric label, not part of the Pushgateway group: a namespace that moves to another shard when
 *     N changes keeps its series
 */
public record RunReport(
    Task task,
    Kind kind,
    String scope,
    Outcome outcome,
    ExitCode exitCode,
    Duration duration,
    long bytes,
    List<String> backups,
    String message,
    String shard) {

  public enum Outcome {
    DONE,
    SKIPPED,
    PARTIAL,
    FAILED;

    /** As results and events spell it: {@code done}, {@code skipped}, ... */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What ran: its metric names ({@code lifeboat_<task>_...}) and Event reasons. */
  public enum Task {
    BACKUP,
    PRUNE,
    RESTORE;

    /** {@code backup}, {@code prune}, {@code restore}. */
    public String segment() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public RunReport {
    backups = List.copyOf(backups);
  }

  /** A report of a run that was not sharded. */
  public RunReport(
      Task task,
      Kind kind,
      String scope,
      Outcome outcome,
      ExitCode exitCode,
      Duration duration,
      long bytes,
      List<String> backups,
      String message) {
    this(task, kind, scope, outcome, exitCode, duration, bytes, backups, message, null);
  }

  /** The same report, made by export shard {@code i/N}. */
  public RunReport withShard(String shard) {
    return new RunReport(
        task, kind, scope, outcome, exitCode, duration, bytes, backups, message, shard);
  }

  /** A backup run's report. */
  public RunReport(
      Kind kind,
      String scope,
      Outcome outcome,
      ExitCode exitCode,
      Duration duration,
      long bytes,
      List<String> backups,
      String message) {
    this(Task.BACKUP, kind, scope, outcome, exitCode, duration, bytes, backups, message);
  }

  /** The same report, of {@code other}'s run. */
  public RunReport as(Task other) {
    return new RunReport(
        other, kind, scope, outcome, exitCode, duration, bytes, backups, message, shard);
  }

  /** The exit code of the first report that is not OK (a failure's own), else OK. */
  public static ExitCode exitCodeOf(List<RunReport> reports) {
    return reports.stream()
        .map(RunReport::exitCode)
        .filter(c -> c != ExitCode.OK)
        .findFirst()
        .orElse(ExitCode.OK);
  }

  /** Committed a backup, fully or partially (a prune: finished). */
  public boolean committed() {
    return outcome == Outcome.DONE || outcome == Outcome.PARTIAL;
  }
}
