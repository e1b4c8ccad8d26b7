package io.lifeboat.app.observe;

import io.lifeboat.error.ExitCode;
import io.lifeboat.repository.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One run's outcome for one backup scope (an etcd snapshot of {@code prod}, the export of {@code
 * prod/payments}): what metrics and events are made of.
 *
 * @param scope {@code <cluster>} or {@code <cluster>/<namespace>}; for a run that failed before it
 *     knew its namespaces, the cluster
 * @param bytes stored bytes of the backup's objects; 0 when nothing was committed
 * @param backups ids of the committed backups (empty when skipped or failed)
 * @param operation a backup run or a restore: the two report under different metric names and Event
 *     reasons, so a restore never counts as a backup's last success
 */
public record RunReport(
    Kind kind,
    String scope,
    Outcome outcome,
    ExitCode exitCode,
    Duration duration,
    long bytes,
    List<String> backups,
    String message,
    Operation operation) {

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

  /** What ran: {@code backup} or {@code restore}, as metric names and Event reasons spell it. */
  public enum Operation {
    BACKUP,
    RESTORE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public RunReport {
    backups = List.copyOf(backups);
    operation = operation == null ? Operation.BACKUP : operation;
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
    this(kind, scope, outcome, exitCode, duration, bytes, backups, message, Operation.BACKUP);
  }

  /** The same report, for {@code other}. */
  public RunReport as(Operation other) {
    return new RunReport(kind, scope, outcome, exitCode, duration, bytes, backups, message, other);
  }

  /** Committed a backup, fully or partially. */
  public boolean committed() {
    return outcome == Outcome.DONE || outcome == Outcome.PARTIAL;
  }
}
