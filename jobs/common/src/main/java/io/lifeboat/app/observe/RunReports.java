package io.lifeboat.app.observe;

import io.lifeboat.app.StartupFailure;
import io.lifeboat.error.ExitCode;
import io.lifeboat.export.ShardRun;
import io.lifeboat.prune.Pruner;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.volumes.VolumesOutcome;
import java.time.Duration;
import java.util.List;

/** Turns each use-case's outcome (or failure) into {@link RunReport}s. */
public final class RunReports {
  private RunReports() {}

  /** One claimed run (etcd, or one namespace of an export): skipped, committed or failed. */
  public static RunReport claimed(ClaimedRun.Result result, Duration took) {
    if (result instanceof ClaimedRun.Result.Committed c) {
      return committed(
          c.manifest(),
          c.manifest().partial() ? RunReport.Outcome.PARTIAL : RunReport.Outcome.DONE,
          took,
          c.summary());
    }
    if (result instanceof ClaimedRun.Result.Failed f) {
      return failed(f.kind(), f.scope().toString(), f.failure(), took);
    }
    return skipped(result.kind(), result.scope().toString(), took, result.summary());
  }

  /** One report per namespace of an export shard's run, labelled with the shard when sharded. */
  public static List<RunReport> export(ShardRun run, Duration took) {
    String shard = run.shard().sharded() ? run.shard().toString() : null;
    return run.results().stream().map(r -> claimed(r, took).withShard(shard)).toList();
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
