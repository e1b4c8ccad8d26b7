package io.lifeboat.app.observe;

import io.lifeboat.app.StartupFailure;
import io.lifeboat.error.ExitCode;
import io.lifeboat.etcd.EtcdBackup;
import io.lifeboat.export.ExportReport;
import io.lifeboat.prune.Pruner;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.volumes.VolumesOutcome;
import java.time.Duration;
import java.util.List;

/** Turns each use-case's outcome (or failure) into {@link RunReport}s. */
public final class RunReports {
  private RunReports() {}

  public static RunReport etcd(EtcdBackup.Outcome outcome, String cluster, Duration took) {
    if (outcome.skipped()) {
      return skipped(Kind.ETCD, cluster, took, outcome.summary());
    }
    return committed(outcome.manifest(), RunReport.Outcome.DONE, took, outcome.summary());
  }

  public static RunReport export(ExportReport report, Duration took) {
    if (report.outcome() == ExportReport.Outcome.SKIPPED) {
      return skipped(
          Kind.NAMESPACE,
          report.backup().scope().toString(),
          took,
          "namespace export of " + report.backup().scope() + ": slot already claimed; skipped");
    }
    boolean partial = report.outcome() == ExportReport.Outcome.PARTIAL;
    Manifest manifest = report.manifest();
    String message =
        "namespace export "
            + manifest.scope()
            + "/"
            + manifest.id()
            + (partial ? ": partial, " + manifest.failures().size() + " items failed" : ": done");
    return committed(
        manifest, partial ? RunReport.Outcome.PARTIAL : RunReport.Outcome.DONE, took, message);
  }

  /**
   * One report per namespace of a volumes run; a namespace with no PVC selected wrote nothing and
   * reports as skipped.
   */
  public static List<RunReport> volumes(VolumesOutcome outcome, Duration took) {
    return outcome.namespaces().stream()
        .map(
            n ->
                switch (n.status()) {
                  case COMPLETED ->
                      committed(n.manifest(), RunReport.Outcome.DONE, took, n.summary());
                  case PARTIAL ->
                      committed(n.manifest(), RunReport.Outcome.PARTIAL, took, n.summary());
                  case SKIPPED, EMPTY ->
                      skipped(Kind.VOLUMES, n.scope().toString(), took, n.summary());
                })
        .toList();
  }

  /**
   * One prune of one kind and scope: done, with the removed backups' ids. Objects the store refused
   * to delete (Object Lock) are in the summary, not a failure.
   */
  public static RunReport prune(Pruner.Outcome outcome) {
    return new RunReport(
        RunReport.Task.PRUNE,
        outcome.plan().kind(),
        outcome.plan().scope().toString(),
        RunReport.Outcome.DONE,
        ExitCode.OK,
        outcome.elapsed(),
        0,
        outcome.plan().removals().stream().map(r -> r.backup().id().toString()).toList(),
        outcome.summary());
  }

  public static RunReport failed(Kind kind, String scope, Throwable failure, Duration took) {
    return failed(RunReport.Task.BACKUP, kind, scope, failure, took);
  }

  public static RunReport failed(
      RunReport.Task task, Kind kind, String scope, Throwable failure, Duration took) {
    StartupFailure described = StartupFailure.of(failure);
    return new RunReport(
        task,
        kind,
        scope,
        RunReport.Outcome.FAILED,
        described.exitCode(),
        took,
        0,
        List.of(),
        described.message());
  }

  private static RunReport skipped(Kind kind, String scope, Duration took, String message) {
    return new RunReport(
        kind, scope, RunReport.Outcome.SKIPPED, ExitCode.OK, took, 0, List.of(), message);
  }

  private static RunReport committed(
      Manifest manifest, RunReport.Outcome outcome, Duration took, String message) {
    long bytes = manifest.objects().stream().mapToLong(DataObject::size).sum();
    return new RunReport(
        manifest.kind(),
        manifest.scope().toString(),
        outcome,
        outcome == RunReport.Outcome.PARTIAL ? ExitCode.PARTIAL : ExitCode.OK,
        took,
        bytes,
        List.of(manifest.id().toString()),
        message);
  }
}
